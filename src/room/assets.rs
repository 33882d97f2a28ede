//! The phone page and the shared screen's, embedded in the binary: no CDN, no web fonts.

use std::sync::LazyLock;

pub const PAGE: &str = include_str!("../../assets/room/index.html");
pub const SCRIPT: &str = include_str!("../../assets/room/room.js");
/// What both pages' scripts share: elements, texts and following the stream.
pub const LIVE_SCRIPT: &str = include_str!("../../assets/room/live.js");
pub const ICON: &str = include_str!("../../assets/room/icon.svg");
pub const STYLE: &str = include_str!("../../assets/room/room.css");
pub const SCREEN_SCRIPT: &str = include_str!("../../assets/room/screen.js");
pub const SCREEN_STYLE: &str = include_str!("../../assets/room/screen.css");

pub fn texts_json() -> &'static str {
    static JSON: LazyLock<String> = LazyLock::new(crate::i18n::room::json);
    &JSON
}

//! The shared screen: a page for the projector under a token of its own,
//! which follows the facilitator over server-sent events. It may only
//! look: the join token's routes refuse its token, and its routes refuse
//! the join token.

use std::sync::{Arc, LazyLock};

use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, PreEscaped, html};
use qrcode::QrCode;
use qrcode::render::svg;

use super::assets;
use super::server::{Shared, not_found, refuse, stream, typed};
use crate::domain::Lang;

/// The page, with the QR code of the join URL and the join code inline, so
/// the projector needs nothing but this server.
pub struct Page {
    qr: String,
    code_url: String,
    code: String,
}

impl Page {
    pub fn new(join_url: &str, code_url: &str, code: &str) -> Page {
        Page {
            qr: qr_svg(join_url),
            code_url: code_url.to_string(),
            code: code.to_string(),
        }
    }

    /// The page in the screen's language right now, so even "Connecting…"
    /// reads in it before the first view arrives.
    pub fn html(&self, lang: Lang) -> String {
        page(lang, &self.qr, &self.code_url, &self.code)
    }
}

fn page(lang: Lang, qr: &str, code_url: &str, code: &str) -> String {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { "datakompas" }
                link rel="icon" href="/icon.svg" type="image/svg+xml";
                link rel="stylesheet" href="/screen.css";
                // Shared with the phone page, so it comes first.
                script src="/live.js" defer {}
                script src="/screen.js" defer {}
            }
            body {
                noscript { p { "This page needs JavaScript. · Deze pagina heeft JavaScript nodig." } }
                main id="screen" {}
                aside id="join" class="join" hidden {
                    p id="join-scan" class="join-scan" {}
                    div id="qr" class="qr" role="img" { (PreEscaped(qr)) }
                    p id="join-type" class="join-type" {}
                    p class="join-url" { (code_url) }
                    p class="join-code" { (spaced(code)) }
                }
                p id="status" class="status" role="status" aria-live="polite" {}
            }
        }
    }
    .into_string()
}

/// The join URL as an SVG QR code (no XML prologue: it sits inside HTML).
fn qr_svg(url: &str) -> String {
    let Ok(code) = QrCode::new(url.as_bytes()) else {
        return String::new();
    };
    let image = code
        .render::<svg::Color<'_>>()
        .quiet_zone(true)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    // Inline SVG in HTML needs neither the prologue nor the namespace.
    match image.find("<svg") {
        Some(at) => image[at..].replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1),
        None => String::new(),
    }
}

/// `K7MQ2X` as `K7M Q2X`, easier to read off a wall.
fn spaced(code: &str) -> String {
    let half = code.len() / 2;
    match (code.get(..half), code.get(half..)) {
        (Some(a), Some(b)) => format!("{a} {b}"),
        _ => code.to_string(),
    }
}

pub async fn script() -> Response {
    typed("text/javascript; charset=utf-8", assets::SCREEN_SCRIPT)
}

pub async fn style() -> Response {
    typed("text/css; charset=utf-8", assets::SCREEN_STYLE)
}

pub async fn texts() -> Response {
    static JSON: LazyLock<String> = LazyLock::new(crate::i18n::room::screen_json);
    ([(header::CONTENT_TYPE, "application/json")], JSON.as_str()).into_response()
}

pub async fn page_at(State(s): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    if !s.screen_token_ok(&token) {
        return not_found().await;
    }
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        s.screen_page.html(s.screen_lang()),
    )
        .into_response()
}

pub async fn state(State(s): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    if !s.screen_token_ok(&token) {
        return not_found().await;
    }
    let view = Arc::clone(&s.screens.borrow());
    (
        [(header::CONTENT_TYPE, "application/json")],
        view.json.clone(),
    )
        .into_response()
}

pub async fn events(State(s): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    if !s.screen_token_ok(&token) {
        return not_found().await;
    }
    let Ok(permit) = Arc::clone(&s.screen_streams).try_acquire_owned() else {
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "busy");
    };
    stream(s.screens.subscribe(), permit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_holds_the_code_inline_and_no_script() {
        let page = Page::new(
            "http://10.0.0.2:4000/abc/",
            "http://10.0.0.2:4000/",
            "K7MQ2X",
        )
        .html(Lang::Nl);
        assert!(page.contains(r#"<html lang="nl">"#), "{page}");
        assert!(page.contains("<svg"), "{page}");
        assert!(!page.contains("<?xml"));
        assert!(page.contains("K7M Q2X"));
        // The only scripts are the files the CSP allows, the shared one first.
        assert_eq!(page.matches("<script").count(), 2);
        let shared = page.find(r#"<script src="/live.js" defer></script>"#);
        let own = page.find(r#"<script src="/screen.js" defer></script>"#);
        assert!(shared.is_some() && own.is_some() && shared < own, "{page}");
        assert!(!page.contains("style="), "inline styles break the CSP");
    }

    #[test]
    fn typed_text_in_the_page_is_escaped() {
        let page = Page::new("https://x/<b>/", "https://x/<b>/", "K7MQ2X").html(Lang::En);
        assert!(!page.contains("<b>"));
    }
}

//! One module per screen: its view state, what its actions do, and how it
//! is drawn. `tui::route` routes between them.
//!
//! The pattern a screen follows (every screen does, the card stages too):
//! - **State**: the screen owns a view struct (`BrowseView`) held in
//!   [`Screen`]; the session's data stays in the session. The card loop's
//!   view lives with the open session, one part per stage (`GutView`).
//! - **Context**: `act(view, ctx, action)` gets only its view and a
//!   [`context::Ctx`] (language, content, the open session to change, a
//!   notice); drawing gets a [`context::Look`], the same read-only, and
//!   the card stages a `card::CardLook` (the look, the card on screen and
//!   how the terminal is used). Screens never import `app`, so nothing
//!   they do can reach past what they are given.
//! - **Effects**: what a screen cannot do itself (save, export, another
//!   screen, closing its dialog) it returns as an
//!   [`Effect`](super::effect::Effect), going elsewhere as
//!   `Effect::Go(Goto::…)`; `tui::route` carries those out.
//! - **Targets**: a click region names what it points at,
//!   `Action::Click(Target::Principle(i))`, never a number to decode; a
//!   new screen adds its own [`Target`](super::widgets::Target) variants.
//! - **Render parts**: `render` lays out the regions and calls one small
//!   function per region (`intro`, `list`, `detail`, `render_form`).
//!
//! Dispatch is in `tui::route`, once per screen: nothing below matches on
//! [`Screen`] again.

pub mod browse;
pub mod card;
pub mod context;
pub mod end;
pub mod follow_up;
mod follow_up_view;
pub mod home;
pub mod overview;
pub mod principles;
mod principles_view;
pub mod setup;
mod setup_view;

pub enum Screen {
    Home(home::HomeView),
    Browse(browse::BrowseView),
    Setup(Box<setup::SetupView>),
    Principles(Box<principles::PrinciplesView>),
    /// The card loop; its state lives with the open session.
    Card,
    Overview(overview::OverviewView),
    End(end::EndView),
}

//! The room panel: the QR code to scan, the address and join code to type,
//! the shared screen's address for the projector,
//! how many have joined and where the room listens. Drawn over the card;
//! hidden and recalled with the room key.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::RoomView;
use super::qr::Qr;
use crate::domain::Lang;
use crate::i18n::{fill, tui::T};
use crate::room::RoomInfo;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::panel;

/// The text column beside the code is at least this wide.
const TEXT_MIN: u16 = 30;

pub fn render(app: &App, room: &RoomView, f: &mut Frame, area: Rect) {
    let th = app.theme();
    let lang = app.lang;
    f.render_widget(Clear, area);
    let block = panel(&th, T::RoomTitle.get(lang), true);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let qr = Qr::new(&room.info.join_url);
    // The code takes what it needs of the width, the text the rest.
    let fit = qr.as_ref().and_then(|q| {
        let quiet = q.quiet_zone_for(inner.width.saturating_sub(TEXT_MIN + 2), inner.height)?;
        Some((q, quiet))
    });
    let text_area = match fit {
        Some((q, quiet)) => {
            let side = q.modules + 2 * quiet;
            let [code, _, text] = Layout::horizontal([
                Constraint::Length(side),
                Constraint::Length(2),
                Constraint::Fill(1),
            ])
            .areas(inner);
            let rows = side.div_ceil(2);
            f.render_widget(
                Paragraph::new(q.lines(quiet, app.color)),
                Rect::new(code.x, code.y, side, rows.min(code.height)),
            );
            text
        }
        None => inner.inner(Margin::new(1, 0)),
    };
    let lines = text_lines(app, room, fit.is_none());
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text_area);
}

fn text_lines(app: &App, room: &RoomView, no_code: bool) -> Vec<Line<'static>> {
    let th = app.theme();
    let lang = app.lang;
    let mut out = join_lines(&th, lang, &room.info, no_code);
    out.push(Line::default());
    // The shared screen's own address: it shows the room, it cannot vote.
    out.push(styled(T::RoomScreen.get(lang), th.heading()));
    out.push(styled(room.info.screen_url.clone(), th.text()));
    out.push(Line::default());
    out.extend(status_lines(app, room));
    out
}

/// How a phone joins: the address of the code above, or where to type the code.
fn join_lines(th: &Theme, lang: Lang, info: &RoomInfo, no_code: bool) -> Vec<Line<'static>> {
    let first = if no_code {
        styled(T::RoomNoSpace.get(lang), th.notice())
    } else {
        styled(T::RoomScan.get(lang), th.heading())
    };
    vec![
        first,
        styled(info.join_url.clone(), th.text()),
        Line::default(),
        styled(
            fill(T::RoomOrType.get(lang), &[("url", &info.code_url)]),
            th.text(),
        ),
        styled(spaced(&info.code), th.title()),
    ]
}

/// Who has joined, where the room listens, and what it keeps private.
fn status_lines(app: &App, room: &RoomView) -> Vec<Line<'static>> {
    let th = app.theme();
    let lang = app.lang;
    let info = &room.info;
    let voters = app
        .open
        .as_ref()
        .map_or(0, |o| o.session.participants.len());
    let joined = fill(
        T::RoomJoined.get(lang),
        &[
            ("n", &info.joined.to_string()),
            ("total", &voters.to_string()),
        ],
    );
    let network = match &info.interface {
        Some(name) => fill(
            T::RoomNetwork.get(lang),
            &[("name", name), ("addr", &info.addr.to_string())],
        ),
        None => fill(
            T::RoomNetworkAddr.get(lang),
            &[("addr", &info.addr.to_string())],
        ),
    };
    let mut out = vec![styled(joined, th.heading()), styled(network, th.muted())];
    if room.allow_extra {
        out.push(styled(T::RoomExtraShown.get(lang), th.muted()));
    }
    out.push(styled(T::RoomPrivacy.get(lang), th.muted()));
    out
}

fn styled(text: impl Into<String>, style: Style) -> Line<'static> {
    Line::from(Span::styled(text.into(), style))
}

/// `K7MQ2X` as `K7M Q2X`, easier to read off a wall.
fn spaced(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let half = chars.len() / 2;
    let (a, b) = chars.split_at(half);
    format!(
        "{} {}",
        a.iter().collect::<String>(),
        b.iter().collect::<String>()
    )
}

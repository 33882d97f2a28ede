//! Drawing the card loop: the title (large in presentation mode), the
//! stage tabs, the stage itself and the facilitator's side panel.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{
    BIG_TITLE_ROWS, CardLook, CardView, Desk, current, decide_view, discuss, gut, kind_label,
    reveal, stage_label, story,
};
use crate::domain::{Card, Lang, Stage};
use crate::i18n::{fill, labels::Label, tui::T};
use crate::tui::keymap::Action;
use crate::tui::screens::context::{Hit, Look, Open};
use crate::tui::theme::Theme;
use crate::tui::widgets::{big_title, ellipsize, panel};

pub fn render(
    look: &Look,
    view: &CardView,
    desk: Desk,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let Some(open) = look.open else { return };
    let Some((progress, card)) = current(&open) else {
        return render_missing(look.lang, &open, f, area);
    };
    let c = CardLook {
        look: *look,
        open,
        view,
        desk,
        progress,
        card,
    };
    let lang = look.lang;
    // The big title takes 4–8 rows: only worth it in a tall window.
    let big = desk.presentation && desk.size.1 >= BIG_TITLE_ROWS;
    let title_rows = if big {
        big_title::height(card.title.get(lang), area.width, area.height)
    } else {
        1
    };
    let [title_area, tabs_area, body] = Layout::vertical([
        Constraint::Length(title_rows),
        Constraint::Length(2),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_header(&c, big, f, [title_area, tabs_area], hits);
    let body = if desk.console {
        super::console::render(&c, f, body)
    } else {
        body
    };
    let side = desk.notes && body.width >= 110;
    let [main, notes] = if side {
        Layout::horizontal([Constraint::Fill(1), Constraint::Length(36)]).areas(body)
    } else {
        [body, Rect::default()]
    };
    match open.session.position.stage {
        Stage::Story => story::render(&c, f, main),
        Stage::GutCheck => gut::render(&c, f, main, hits),
        Stage::Discuss => discuss::render(&c, f, main),
        Stage::Decide => decide_view::render(&c, f, main, hits),
        Stage::Reveal => reveal::render(&c, f, main),
    }
    if side {
        render_notes(&look.theme, lang, card, f, notes);
    }
}

/// The session names a card its deck does not have.
fn render_missing(lang: Lang, open: &Open, f: &mut Frame, area: Rect) {
    let id = open
        .session
        .cards
        .get(open.session.position.card)
        .map_or("", |p| p.card.as_str());
    f.render_widget(
        Paragraph::new(fill(T::CardMissing.get(lang), &[("id", id)])).wrap(Wrap { trim: true }),
        area,
    );
}

/// The card's title (large when `big`) and the stage tabs under it.
fn render_header(
    c: &CardLook,
    big: bool,
    f: &mut Frame,
    [title_area, tabs_area]: [Rect; 2],
    hits: &mut Vec<Hit>,
) {
    let (th, open) = (c.theme(), &c.open);
    if big {
        big_title::render(f, title_area, c.card.title.get(c.lang()), &th);
    } else {
        render_title_line(c, &th, f, title_area);
    }
    let last = open.session.position.card + 1 >= open.session.cards.len();
    let tabs = Tabs {
        solo: open.solo(),
        stage: open.session.position.stage,
        last_card: last,
    };
    render_tabs(&th, c.lang(), tabs, f, tabs_area, hits);
}

/// The facilitator's notes in a panel beside the stage.
fn render_notes(th: &Theme, lang: Lang, card: &Card, f: &mut Frame, area: Rect) {
    let block = panel(th, Label::FacilitatorNotes.get(lang), false);
    f.render_widget(
        Paragraph::new(card.facilitator_notes.get(lang))
            .style(th.muted())
            .wrap(Wrap { trim: true })
            .block(block),
        area,
    );
}

fn render_title_line(c: &CardLook, th: &Theme, f: &mut Frame, area: Rect) {
    let (lang, open, card) = (c.lang(), &c.open, c.card);
    let pos = open.session.position.card;
    let of = fill(
        T::CardOf.get(lang),
        &[
            ("n", &(pos + 1).to_string()),
            ("total", &open.session.cards.len().to_string()),
        ],
    );
    use unicode_width::UnicodeWidthStr;
    let width = area.width as usize;
    if c.desk.presentation {
        // On a projector: bold in the plain foreground colour, which
        // contrasts best whatever the background; a long title is shortened.
        let of = format!("{of} · ");
        let title = ellipsize(card.title.get(lang), width.saturating_sub(of.width() + 2));
        let line = Line::from(vec![
            Span::styled(of, th.text()),
            Span::styled(
                title,
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD),
            ),
        ]);
        f.render_widget(Paragraph::new(line).centered(), area);
        return;
    }
    let of = format!(" {of}  ");
    let kind = format!("  · {}", kind_label(card.kind, lang));
    let title = ellipsize(card.title.get(lang), width.saturating_sub(of.width() + 1));
    // The kind only when the whole title fits beside it.
    let kind = if of.width() + title.width() + kind.width() <= width {
        kind
    } else {
        String::new()
    };
    let line = Line::from(vec![
        Span::styled(of, th.muted()),
        Span::styled(title, th.title()),
        Span::styled(kind, th.muted()),
    ]);
    f.render_widget(Paragraph::new(line), area);
}

/// Where the card loop stands, for its tabs.
#[derive(Clone, Copy)]
struct Tabs {
    solo: bool,
    stage: Stage,
    last_card: bool,
}

/// The stage tabs, and on the right where → leads from here.
fn render_tabs(th: &Theme, lang: Lang, tabs: Tabs, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    use unicode_width::UnicodeWidthStr;
    let names = Stage::ALL.map(|s| stage_name(s, tabs.solo, lang));
    let next = match tabs.stage.next() {
        Some(s) => stage_name(s, tabs.solo, lang),
        None if tabs.last_card => T::NextEnd.get(lang),
        None => T::NextCard.get(lang),
    };
    let hint = format!("→ {next} ");
    let hw = hint.width();
    let (pad, sep) = tab_spacing(&names, hw, area.width as usize);
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for (i, s) in Stage::ALL.iter().enumerate() {
        let label = format!("{pad}{}{pad}", names[i]);
        let w = label.width() as u16;
        hits.push(Hit {
            area: Rect::new(x, area.y, w, 1),
            action: Action::Stage(i),
        });
        let style = if *s == tabs.stage {
            th.focus()
        } else {
            th.muted()
        };
        spans.push(Span::styled(label, style));
        x += w;
        if i < 4 {
            spans.push(Span::styled(sep, th.muted()));
            x += sep.width() as u16;
        }
    }
    let used = x - area.x;
    let hw = hw as u16;
    if used + hw + 2 <= area.width {
        spans.push(Span::raw(" ".repeat((area.width - used - hw) as usize)));
        spans.push(Span::styled(hint, th.key()));
    }
    let rule = "─".repeat(area.width as usize);
    f.render_widget(
        Paragraph::new(vec![
            Line::from(spans),
            Line::from(Span::styled(rule, th.border())),
        ]),
        area,
    );
}

/// The padding around each tab's name and the separator between tabs.
/// Spacious when it all fits; with long (Dutch) names in a narrow window
/// the "→ next" hint (`hint_w` wide) goes first, and only then the room
/// around the names, so every stage stays visible.
fn tab_spacing(names: &[&str; 5], hint_w: usize, width: usize) -> (&'static str, &'static str) {
    use unicode_width::UnicodeWidthStr;
    let tabs_w = |pad: &str, sep: &str| {
        1 + names
            .iter()
            .map(|n| n.width() + 2 * pad.len())
            .sum::<usize>()
            + 4 * sep.width()
    };
    let styles = [(" ", "›"), ("", " › "), ("", "›")];
    styles[..2]
        .iter()
        .find(|(p, s)| tabs_w(p, s) + hint_w + 2 <= width)
        .or_else(|| styles.iter().find(|(p, s)| tabs_w(p, s) <= width))
        .copied()
        .unwrap_or(styles[2])
}

/// A self-assessment has no discussion: one person thinks it over.
pub(super) fn stage_name(stage: Stage, solo: bool, lang: Lang) -> &'static str {
    match stage {
        Stage::Discuss if solo => T::StageDiscussSolo.get(lang),
        other => stage_label(other, lang),
    }
}

//! Drawing the session setup form.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::context::{Hit, Look};
use super::setup::{Field, SetupView, duration};

use crate::domain::clock::Plan;
use crate::domain::text::ellipsize;
use crate::domain::{Card, CardKind, Mode};
use crate::i18n::{fill, tui::T};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, field_text, panel};

pub fn render(look: &Look, v: &SetupView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let team = v.mode == Mode::Team;
    let [
        first_area,
        second_area,
        numbers_area,
        cards_area,
        start_area,
    ] = Layout::vertical([
        Constraint::Length(3),
        // A team's participants, or a self-assessment's person.
        Constraint::Length(if team { 4 } else { 3 }),
        Constraint::Length(match (team, v.agendas > 0) {
            (true, true) => 4,
            (true, false) => 2,
            (false, _) => 1,
        }),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    // A self-assessment asks who it is first, as the focus goes.
    if team {
        title_field(look, v, f, first_area);
        participants(look, v, f, second_area);
    } else {
        person_field(look, v, f, first_area);
        title_field(look, v, f, second_area);
    }
    numbers(look, v, f, numbers_area);
    card_list(look, v, f, cards_area, hits);
    start_button(look, v, f, start_area);
}

/// The session's title; a self-assessment's default names the person.
fn title_field(look: &Look, v: &SetupView, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let mut title = v.title.clone();
    // The title a self-assessment gets when none is typed: with the name.
    let person = field_text(&v.person);
    if v.mode == Mode::Solo && !person.trim().is_empty() {
        title.set_placeholder_text(crate::i18n::labels::session_kind(
            Mode::Solo,
            Some(person.trim()),
            lang,
        ));
    }
    title.set_block(panel(th, T::SetupTitle.get(lang), v.focus == Field::Title));
    title.set_cursor_style(cursor_style(th, v.focus == Field::Title));
    f.render_widget(&title, area);
}

/// A self-assessment's person: their name.
fn person_field(look: &Look, v: &SetupView, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let mut person = v.person.clone();
    person.set_block(panel(
        th,
        T::SetupPerson.get(lang),
        v.focus == Field::Person,
    ));
    person.set_cursor_style(cursor_style(th, v.focus == Field::Person));
    f.render_widget(&person, area);
}

/// A team's names so far, the picked one marked, and the field for the next.
fn participants(look: &Look, v: &SetupView, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let block = panel(th, T::SetupParticipants.get(lang), v.focus == Field::Names);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let [list, input] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    let names: Vec<Span> = if v.names.is_empty() {
        vec![Span::styled(T::SetupNoNames.get(lang), th.muted())]
    } else {
        let mut spans = Vec::new();
        for (i, n) in v.names.iter().enumerate() {
            if i > 0 {
                spans.push(Span::styled(" · ", th.muted()));
            }
            let style = if v.picked == Some(i) {
                th.focus()
            } else {
                th.text()
            };
            spans.push(Span::styled(n.clone(), style));
        }
        spans
    };
    f.render_widget(Paragraph::new(Line::from(names)), list);
    let mut name = v.name.clone();
    name.set_cursor_style(cursor_style(th, v.focus == Field::Names));
    // The full hint is cut off in a narrow window; the short one fits.
    if T::SetupNamePlaceholder.get(lang).width() + 1 > input.width as usize {
        name.set_placeholder_text(T::SetupNamePlaceholderShort.get(lang));
    }
    f.render_widget(&name, input);
}

/// The voters (a team's), the minutes per card, and the agenda chooser.
fn numbers(look: &Look, v: &SetupView, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let number = |label: T, value: u16, focused: bool, hint: Option<T>| {
        let style = if focused { th.focus() } else { th.chosen() };
        let mut spans = vec![
            Span::raw(format!(" {}: ", label.get(lang))),
            Span::styled(format!(" ◂ {value} ▸ "), style),
        ];
        if let Some(h) = hint {
            spans.push(Span::styled(format!("  {}", h.get(lang)), th.muted()));
        }
        Line::from(spans)
    };
    let mut lines = Vec::new();
    if v.mode == Mode::Team {
        lines.push(number(
            T::SetupVoters,
            v.voters,
            v.focus == Field::Voters,
            Some(T::SetupVotersHint),
        ));
    }
    lines.push(number(
        T::SetupMinutes,
        v.minutes,
        v.focus == Field::Minutes,
        None,
    ));
    if v.agendas > 0 {
        lines.extend(agenda_lines(look, v, area.width));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// How many cards and how long they take; a team session's total adds
/// the opening and the close, as the console and the exports count it,
/// where the panel's `width` leaves room for it.
fn cards_heading(look: &Look, v: &SetupView, width: u16) -> String {
    let lang = look.lang;
    let plan = Plan::new(v.mode, v.minutes, v.selected());
    let mut heading = fill(
        T::SetupCards.get(lang),
        &[
            ("n", &v.selected().to_string()),
            ("time", &duration(plan.cards_total() / 60, lang)),
        ],
    );
    if plan.total() != plan.cards_total() {
        let total = fill(
            T::SetupCardsWithOverhead.get(lang),
            &[("time", &duration(plan.total() / 60, lang))],
        );
        // The borders and the spaces around the title take four columns.
        let room = usize::from(width).saturating_sub(4);
        if UnicodeWidthStr::width(heading.as_str()) + UnicodeWidthStr::width(total.as_str()) <= room
        {
            heading.push_str(&total);
        }
    }
    heading
}

/// The deck's cards in playing order, ticked when played; each row
/// answers a click.
fn card_list(look: &Look, v: &SetupView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let th = &look.theme;
    let heading = cards_heading(look, v, area.width);
    let block = panel(th, &heading, v.focus == Field::Cards);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let items: Vec<ListItem> = v
        .cards
        .iter()
        .enumerate()
        .map(|(i, (id, on))| {
            let card = look.content.deck.card(id);
            card_item(look, card, id, i, *on, inner.width)
        })
        .collect();
    let mut state =
        ListState::default().with_selected((v.focus == Field::Cards).then_some(v.cursor));
    if v.focus != Field::Cards {
        *state.offset_mut() = v
            .cursor
            .saturating_sub(inner.height.saturating_sub(1) as usize);
    }
    f.render_stateful_widget(
        List::new(items).highlight_style(th.focus()),
        inner,
        &mut state,
    );
    for (row, i) in (state.offset()..v.cards.len()).enumerate() {
        if row as u16 >= inner.height {
            break;
        }
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Click(Target::SetupCard(i)),
        });
    }
}

/// One card of the list: its mark, number and title, and whether it is
/// a hypothetical.
fn card_item(
    look: &Look,
    card: Option<&Card>,
    id: &str,
    i: usize,
    on: bool,
    width: u16,
) -> ListItem<'static> {
    let (th, lang) = (&look.theme, look.lang);
    let title = card.map(|c| c.title.get(lang)).unwrap_or(id);
    // Hypotheticals have no outcome to reveal: worth knowing when choosing.
    let kind = card
        .filter(|c| c.kind == CardKind::Hypothetical)
        .map(|_| {
            format!(
                " · {}",
                crate::i18n::labels::Label::KindHypothetical.get(lang)
            )
        })
        .unwrap_or_default();
    let number = format!("{:>2}. ", i + 1);
    let room = (width as usize).saturating_sub(5 + number.width() + kind.width());
    let mark = if on { "[x]" } else { "[ ]" };
    let style = if on { th.text() } else { th.muted() };
    ListItem::new(Line::from(vec![
        Span::styled(
            format!(" {mark} "),
            if on { th.chosen() } else { th.muted() },
        ),
        Span::styled(format!("{number}{}", ellipsize(title, room)), style),
        Span::styled(kind, th.muted()),
    ]))
}

fn start_button(look: &Look, v: &SetupView, f: &mut Frame, area: Rect) {
    let th = &look.theme;
    let label = format!(" {} ", T::SetupStart.get(look.lang));
    let style = if v.focus == Field::Start {
        th.focus()
    } else {
        th.chosen()
    };
    f.render_widget(
        Paragraph::new(Line::from(vec![Span::raw(" "), Span::styled(label, style)])),
        area,
    );
}

/// The agenda chooser and, below it, what the chosen agenda is.
fn agenda_lines(look: &Look, v: &SetupView, width: u16) -> Vec<Line<'static>> {
    let (th, lang) = (&look.theme, look.lang);
    let focused = v.focus == Field::Agenda;
    let agenda = v.agenda.and_then(|i| look.content.deck.agendas.get(i));
    let label = format!(" {}: ", T::SetupAgenda.get(lang));
    let room = (width as usize).saturating_sub(label.width() + 6);
    let name = match agenda {
        Some(a) => a.title.get(lang),
        None => T::SetupAgendaByHand.get(lang),
    };
    let style = if focused { th.focus() } else { th.chosen() };
    let about = match agenda {
        Some(a) => a.description.get(lang),
        None => T::SetupAgendaHint.get(lang),
    };
    vec![
        Line::from(vec![
            Span::raw(label),
            Span::styled(format!(" ◂ {} ▸ ", ellipsize(name, room)), style),
        ]),
        Line::from(Span::styled(
            format!(
                "   {}",
                ellipsize(about, (width as usize).saturating_sub(4))
            ),
            th.muted(),
        )),
    ]
}

fn cursor_style(th: &crate::tui::theme::Theme, focused: bool) -> ratatui::style::Style {
    if focused {
        th.focus()
    } else {
        ratatui::style::Style::new()
    }
}

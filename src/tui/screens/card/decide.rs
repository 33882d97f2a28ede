//! Decide: the option (radio), the safeguard checklist, upholds / tension /
//! violates for each of the team's principles, and a wrapped rationale.
//! Tab moves between the four parts; everything stays editable.

use jiff::Timestamp;
use ratatui::crossterm::event::KeyEvent;

use super::{OpenSession, Part, current, current_mut};
use crate::domain::{Card, ChosenPrinciple, Decision, PrincipleCheck, Stance};
use crate::tui::app::{App, Effect};
use crate::tui::keymap::Action;
use crate::tui::widgets::Target;
use crate::tui::widgets::{clean_paste, field_text};

pub(super) const PARTS: [Part; 4] = [
    Part::Options,
    Part::Safeguards,
    Part::Principles,
    Part::Rationale,
];

pub fn principle_name(app: &App, p: &ChosenPrinciple) -> String {
    p.name(&app.assets.library, app.lang)
}

/// What a principle means, in its one line.
pub fn principle_meaning(app: &App, p: &ChosenPrinciple) -> String {
    p.meaning(&app.assets.library, app.lang)
}

fn counts(open: &OpenSession) -> [usize; 3] {
    match current(open) {
        Some((p, card)) => [
            card.options.len(),
            card.safeguards.len() + usize::from(is_no_go(card, &p.decision)),
            open.session.principles.len(),
        ],
        None => [0; 3],
    }
}

/// Whether the decision is a no-go: then the safeguard list opens with a
/// row that keeps the safeguards (off by default), and the rows below it
/// are the safeguards.
pub fn is_no_go(card: &Card, d: &Decision) -> bool {
    d.option
        .as_deref()
        .and_then(|id| card.option(id))
        .is_some_and(|o| o.stance == Stance::NoGo)
}

/// The card's safeguard under the safeguard cursor, if the row is one.
pub fn safeguard_at<'a>(card: &'a Card, d: &Decision, row: usize) -> Option<&'a String> {
    if is_no_go(card, d) {
        row.checked_sub(1).and_then(|i| card.safeguards.get(i))
    } else {
        card.safeguards.get(row)
    }
}

pub fn act(app: &mut App, action: Action, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    let n = counts(open);
    let v = &mut open.view;
    let idx = PARTS.iter().position(|p| *p == v.part).unwrap_or(0);
    match action {
        Action::FocusNext => v.part = PARTS[(idx + 1) % 4],
        Action::FocusPrev => v.part = PARTS[(idx + 3) % 4],
        Action::Back => v.part = Part::Options,
        Action::Up | Action::Down => {
            let (cursor, len) = match v.part {
                Part::Options => (&mut v.option, n[0]),
                Part::Safeguards => (&mut v.safeguard, n[1]),
                Part::Principles => (&mut v.principle, n[2]),
                Part::Rationale => return Vec::new(),
            };
            *cursor = if action == Action::Up {
                cursor.saturating_sub(1)
            } else {
                (*cursor + 1).min(len.saturating_sub(1))
            };
        }
        Action::Click(Target::Decide { part, row }) => {
            v.part = part;
            let Some(i) = row else {
                return Vec::new();
            };
            match part {
                Part::Options => v.option = i,
                Part::Safeguards => v.safeguard = i,
                Part::Principles => v.principle = i,
                Part::Rationale => return Vec::new(),
            }
            return choose(app, now);
        }
        Action::Toggle | Action::Select => return choose(app, now),
        _ => {}
    }
    Vec::new()
}

/// What the focused row of each part points at, read before the
/// decision is changed.
struct Focused {
    option: Option<String>,
    /// The no-go's "keep the safeguards" row is focused.
    keep_row: bool,
    safeguard: Option<String>,
    principle: Option<String>,
    /// The framework's safeguards, in its order.
    order: Vec<String>,
}

/// Space on the focused row: pick the option, tick the safeguard, or step
/// the principle through upholds → tension → violates → not judged.
fn choose(app: &mut App, now: Timestamp) -> Vec<Effect> {
    if !app.editable() {
        return Vec::new();
    }
    let order: Vec<String> = app
        .assets
        .framework
        .safeguards
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    let part = open.view.part;
    if part == Part::Rationale {
        return Vec::new();
    }
    let Some(focused) = focused(open, order) else {
        return Vec::new();
    };
    let Some(p) = current_mut(open) else {
        return Vec::new();
    };
    apply(&mut p.decision, part, focused);
    app.changed(now);
    Vec::new()
}

fn focused(open: &OpenSession, order: Vec<String>) -> Option<Focused> {
    let (progress, card) = current(open)?;
    let v = &open.view;
    Some(Focused {
        option: card.options.get(v.option).map(|o| o.id.clone()),
        keep_row: is_no_go(card, &progress.decision) && v.safeguard == 0,
        safeguard: safeguard_at(card, &progress.decision, v.safeguard).cloned(),
        principle: open
            .session
            .principles
            .get(v.principle)
            .map(|p| p.id().to_string()),
        order,
    })
}

fn apply(d: &mut Decision, part: Part, at: Focused) {
    match part {
        Part::Options => d.option = at.option,
        Part::Safeguards if at.keep_row => d.keep_safeguards = !d.keep_safeguards,
        Part::Safeguards => {
            if let Some(id) = at.safeguard {
                if let Some(i) = d.safeguards.iter().position(|s| *s == id) {
                    d.safeguards.remove(i);
                } else {
                    d.safeguards.push(id);
                    // Kept in framework order, as the session format says.
                    let order = &at.order;
                    d.safeguards
                        .sort_by_key(|s| order.iter().position(|o| o == s).unwrap_or(usize::MAX));
                }
            }
        }
        Part::Principles => {
            if let Some(id) = at.principle {
                let next = match d.principles.get(&id) {
                    None => Some(PrincipleCheck::Upholds),
                    Some(PrincipleCheck::Upholds) => Some(PrincipleCheck::Tension),
                    Some(PrincipleCheck::Tension) => Some(PrincipleCheck::Violates),
                    Some(PrincipleCheck::Violates) => None,
                };
                match next {
                    Some(c) => d.principles.insert(id, c),
                    None => d.principles.remove(&id),
                };
            }
        }
        Part::Rationale => {}
    }
}

/// Typing in the rationale; the session gets the text on every change.
pub fn type_key(app: &mut App, ev: KeyEvent, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    if open.view.rationale.input(ev) {
        sync(app, now);
    }
    Vec::new()
}

pub fn paste(app: &mut App, text: &str, now: Timestamp) -> Vec<Effect> {
    let Some(open) = app.open.as_mut() else {
        return Vec::new();
    };
    if open.view.rationale.insert_str(clean_paste(text, true)) {
        sync(app, now);
    }
    Vec::new()
}

fn sync(app: &mut App, now: Timestamp) {
    let Some(open) = app.open.as_mut() else {
        return;
    };
    let text = field_text(&open.view.rationale);
    if let Some(p) = current_mut(open) {
        p.decision.rationale = text;
    }
    app.changed(now);
}

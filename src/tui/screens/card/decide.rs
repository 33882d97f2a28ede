//! Decide: the option (radio), the safeguard checklist, upholds / tension /
//! violates for each of the team's principles, and a wrapped rationale.
//! Tab moves between the four parts; everything stays editable.

use ratatui::crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::{Part, current, current_mut};
use crate::domain::{
    Card, CardProgress, ChosenPrinciple, Decision, Deck, Lang, PrincipleCheck, Stance,
};
use crate::i18n::tui::T;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::screens::context::{Ctx, Look, Open};
use crate::tui::widgets::Target;
use crate::tui::widgets::{clean_paste, field_text, note_field};

pub(super) const PARTS: [Part; 4] = [
    Part::Options,
    Part::Safeguards,
    Part::Principles,
    Part::Rationale,
];

/// The decide stage's own state: the focused part, each part's cursor,
/// and the rationale's text field.
pub struct DecideView {
    pub part: Part,
    pub option: usize,
    pub safeguard: usize,
    pub principle: usize,
    pub rationale: TextArea<'static>,
}

impl DecideView {
    pub fn new(progress: Option<&CardProgress>, deck: &Deck, lang: Lang) -> DecideView {
        // The options list opens on the team's choice, if there is one.
        let option = progress
            .and_then(|p| {
                let chosen = p.decision.option.as_deref()?;
                deck.card(&p.card)?
                    .options
                    .iter()
                    .position(|o| o.id == chosen)
            })
            .unwrap_or(0);
        let rationale = progress.map_or("", |p| p.decision.rationale.as_str());
        DecideView {
            part: Part::Options,
            option,
            safeguard: 0,
            principle: 0,
            rationale: note_field(rationale, T::RationalePlaceholder.get(lang)),
        }
    }

    pub fn relabel(&mut self, lang: Lang) {
        self.rationale
            .set_placeholder_text(T::RationalePlaceholder.get(lang));
    }
}

pub fn principle_name(look: &Look, p: &ChosenPrinciple) -> String {
    look.content.principle_name(p, look.lang)
}

/// What a principle means, in its one line.
pub fn principle_meaning(look: &Look, p: &ChosenPrinciple) -> String {
    p.meaning(look.content.library, look.lang)
}

fn counts(open: &Open) -> [usize; 3] {
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

pub fn act(v: &mut DecideView, ctx: &mut Ctx, action: Action) -> Vec<Effect> {
    let Some(open) = ctx.open() else {
        return Vec::new();
    };
    let n = counts(&open);
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
            choose(v, ctx);
        }
        Action::Toggle | Action::Select => choose(v, ctx),
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
fn choose(v: &DecideView, ctx: &mut Ctx) {
    if !ctx.editable() || v.part == Part::Rationale {
        return;
    }
    let order: Vec<String> = ctx
        .content
        .framework
        .safeguards
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let Some(focused) = ctx.open().and_then(|open| focused(&open, v, order)) else {
        return;
    };
    let Some(p) = ctx.session_mut().and_then(current_mut) else {
        return;
    };
    apply(&mut p.decision, v.part, focused);
    ctx.changed();
}

fn focused(open: &Open, v: &DecideView, order: Vec<String>) -> Option<Focused> {
    let (progress, card) = current(open)?;
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
pub fn type_key(v: &mut DecideView, ctx: &mut Ctx, ev: KeyEvent) -> Vec<Effect> {
    if v.rationale.input(ev) {
        sync(v, ctx);
    }
    Vec::new()
}

pub fn paste(v: &mut DecideView, ctx: &mut Ctx, text: &str) -> Vec<Effect> {
    if v.rationale.insert_str(clean_paste(text, true)) {
        sync(v, ctx);
    }
    Vec::new()
}

fn sync(v: &DecideView, ctx: &mut Ctx) {
    let text = field_text(&v.rationale);
    if let Some(p) = ctx.session_mut().and_then(current_mut) {
        p.decision.rationale = text;
    }
    ctx.changed();
}

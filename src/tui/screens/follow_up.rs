//! Owners, dates and next steps, from the end screen: the document's
//! details, an owner and review date per policy area that has lines, a list
//! of next steps (what, who, by when), and open questions that can be
//! turned into next steps. A row opens a small form; Enter keeps it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

use super::context::{Ctx, Look};
use crate::domain::policy::PolicyDraft;
use crate::domain::{FollowUp, NextStep};
use crate::i18n::fill;
use crate::i18n::tui::T;
use crate::tui::effect::{Effect, Goto};
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, clean_paste, field_text, line_field};

pub use super::follow_up_view::render;

#[derive(Debug, Clone, Default)]
pub struct FollowView {
    pub cursor: usize,
    pub form: Option<RowForm>,
    /// The step the user asked to remove once; asking again removes it.
    pub confirm_remove: Option<usize>,
}

/// The fields of the row being edited.
#[derive(Debug, Clone)]
pub struct RowForm {
    pub row: Row,
    /// Label, placeholder, the field.
    pub fields: Vec<(T, T, TextArea<'static>)>,
    pub focus: usize,
}

/// One line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    Organisation,
    Facilitator,
    Version,
    /// A policy area, by id, with its title.
    Area(String, String),
    Step(usize),
    AddStep,
    /// An open question, worded as a step to take.
    Question(String),
}

pub fn draft(look: &Look) -> Option<PolicyDraft> {
    look.export_input().map(|input| input.policy())
}

/// Every row, in order.
pub fn rows(look: &Look) -> Vec<Row> {
    let mut out = vec![Row::Organisation, Row::Facilitator, Row::Version];
    let Some(open) = look.open else {
        return out;
    };
    if let Some(d) = draft(look) {
        // Only areas with something to own; all of them before anything is decided.
        let with_lines: Vec<_> = d.areas.iter().filter(|a| !a.is_empty()).collect();
        let areas = if with_lines.is_empty() {
            d.areas.iter().collect()
        } else {
            with_lines
        };
        out.extend(
            areas
                .iter()
                .map(|a| Row::Area(a.id.clone(), a.title.clone())),
        );
        out.extend((0..open.session.follow_up.next_steps.len()).map(Row::Step));
        out.push(Row::AddStep);
        // A question already made into a step is not offered again.
        let steps = &open.session.follow_up.next_steps;
        out.extend(
            questions(&d, look.lang)
                .into_iter()
                .filter(|q| !steps.iter().any(|s| s.what == *q))
                .map(Row::Question),
        );
    }
    out
}

/// The open questions of the draft as steps someone could take.
fn questions(d: &PolicyDraft, lang: crate::domain::Lang) -> Vec<String> {
    let q = &d.open_questions;
    let card = |t: T, title: &str| fill(t.get(lang), &[("card", title)]);
    let mut out = Vec::new();
    out.extend(
        q.undecided
            .iter()
            .map(|u| card(T::StepDecide, &u.card.title)),
    );
    out.extend(
        q.split_votes
            .iter()
            .map(|s| card(T::StepSplit, &s.card.title)),
    );
    out.extend(
        q.tensions
            .iter()
            .map(|t| card(T::StepTension, &t.card.title)),
    );
    out.extend(q.contradictions.iter().map(|c| {
        fill(
            T::StepContradiction.get(lang),
            &[(
                "text",
                crate::export::contradiction_head(c, lang).trim_end_matches(':'),
            )],
        )
    }));
    out
}

pub fn act(v: &mut FollowView, ctx: &mut Ctx, action: Action) -> Vec<Effect> {
    // The offer to remove a step holds for the next action only.
    let confirmed = v.confirm_remove.take();
    if let Some(form) = v.form.as_mut() {
        let len = form.fields.len();
        match action {
            Action::FocusNext => form.focus = (form.focus + 1) % len,
            Action::FocusPrev => form.focus = (form.focus + len - 1) % len,
            Action::Back => v.form = None,
            _ => {}
        }
        return Vec::new();
    }
    let rows = rows(&ctx.look());
    let n = rows.len();
    match action {
        Action::Up => v.cursor = v.cursor.saturating_sub(1),
        Action::Down => v.cursor = (v.cursor + 1).min(n.saturating_sub(1)),
        Action::Click(Target::FollowUpRow(i)) => {
            v.cursor = i.min(n.saturating_sub(1));
            open_form(v, ctx);
        }
        Action::Select | Action::Edit => open_form(v, ctx),
        Action::Add => {
            if let Some(i) = rows.iter().position(|r| *r == Row::AddStep) {
                v.cursor = i;
            }
            open_form(v, ctx);
        }
        Action::Remove => remove_step(v, ctx, confirmed),
        Action::Back => return vec![Effect::Go(Goto::CloseDialog)],
        _ => {}
    }
    Vec::new()
}

/// The fields of a row, filled from the session.
fn fields(row: &Row, f: &FollowUp, lang: crate::domain::Lang) -> Vec<(T, T, TextArea<'static>)> {
    let field = |label: T, text: &str, hint: T| (label, hint, line_field(text, hint.get(lang)));
    let step = |s: &NextStep| {
        vec![
            field(T::FieldWhat, &s.what, T::HintWhat),
            field(T::FieldWho, &s.who, T::HintWho),
            field(T::FieldBy, &s.by, T::HintDate),
        ]
    };
    match row {
        Row::Organisation => vec![field(
            T::FieldOrganisation,
            &f.organisation,
            T::HintOrganisation,
        )],
        Row::Facilitator => vec![field(T::FieldFacilitator, &f.facilitator, T::HintWho)],
        Row::Version => vec![field(T::FieldVersion, &f.version, T::HintVersion)],
        Row::Area(id, _) => {
            let o = f.owner(id);
            vec![
                field(T::FieldOwner, o.map_or("", |o| &o.owner), T::HintWho),
                field(T::FieldReview, o.map_or("", |o| &o.review), T::HintDate),
            ]
        }
        Row::Step(i) => step(&f.next_steps.get(*i).cloned().unwrap_or_default()),
        Row::AddStep => step(&NextStep::default()),
        Row::Question(text) => step(&NextStep {
            what: text.clone(),
            ..NextStep::default()
        }),
    }
}

fn open_form(v: &mut FollowView, ctx: &mut Ctx) {
    if !ctx.editable() {
        return;
    }
    let look = ctx.look();
    let Some(open) = look.open else {
        return;
    };
    let Some(row) = rows(&look).get(v.cursor).cloned() else {
        return;
    };
    let fields = fields(&row, &open.session.follow_up, look.lang);
    // A step from a question starts at "who": the "what" is written.
    let focus = usize::from(matches!(row, Row::Question(_)));
    v.form = Some(RowForm { row, fields, focus });
}

/// Removes the step under the cursor on the second ask, so one stray key
/// loses nothing.
fn remove_step(v: &mut FollowView, ctx: &mut Ctx, confirmed: Option<usize>) {
    let Some(Row::Step(i)) = rows(&ctx.look()).get(v.cursor).cloned() else {
        return;
    };
    if !ctx.editable() {
        return;
    }
    if confirmed != Some(i) {
        v.confirm_remove = Some(i);
        ctx.say(T::RemoveStepAgain.get(ctx.lang));
        return;
    }
    if let Some(session) = ctx.session_mut() {
        session.follow_up.next_steps.remove(i);
        ctx.changed();
    }
}

pub fn type_key(v: &mut FollowView, ctx: &mut Ctx, ev: KeyEvent) -> Vec<Effect> {
    let Some(form) = v.form.as_mut() else {
        return Vec::new();
    };
    if ev.code == KeyCode::Enter {
        save(v, ctx);
    } else if let Some((_, _, ta)) = form.fields.get_mut(form.focus) {
        ta.input(ev);
    }
    Vec::new()
}

pub fn paste(v: &mut FollowView, text: &str) -> Vec<Effect> {
    if let Some(form) = v.form.as_mut()
        && let Some((_, _, ta)) = form.fields.get_mut(form.focus)
    {
        ta.insert_str(clean_paste(text, false));
    }
    Vec::new()
}

/// Copies the form into the session and closes it.
fn save(v: &mut FollowView, ctx: &mut Ctx) {
    let Some(form) = v.form.take() else {
        return;
    };
    let text = |i: usize| {
        form.fields
            .get(i)
            .map(|(_, _, ta)| field_text(ta).trim().to_string())
            .unwrap_or_default()
    };
    let Some(session) = ctx.session_mut() else {
        return;
    };
    let f = &mut session.follow_up;
    let step = NextStep {
        what: text(0),
        who: text(1),
        by: text(2),
    };
    match &form.row {
        Row::Organisation => f.organisation = text(0),
        Row::Facilitator => f.facilitator = text(0),
        Row::Version => f.version = text(0),
        Row::Area(id, _) => {
            let o = f.owner_mut(id);
            o.owner = text(0);
            o.review = text(1);
            f.owners
                .retain(|o| !o.owner.is_empty() || !o.review.is_empty());
        }
        Row::Step(i) if step.what.is_empty() => {
            if *i < f.next_steps.len() {
                f.next_steps.remove(*i);
            }
        }
        Row::Step(i) => {
            if let Some(s) = f.next_steps.get_mut(*i) {
                *s = step;
            }
        }
        Row::AddStep | Row::Question(_) => {
            if step.what.is_empty() {
                return;
            }
            f.next_steps.push(step);
        }
    }
    ctx.changed();
}

impl FollowView {
    pub fn typing(&self) -> bool {
        self.form.is_some()
    }

    pub fn relabel(&mut self, lang: crate::domain::Lang) {
        if let Some(form) = self.form.as_mut() {
            for (_, hint, ta) in &mut form.fields {
                ta.set_placeholder_text(hint.get(lang));
            }
        }
    }
}

//! Drawing the owners-and-next-steps list and its form: the list with its
//! hint line, and under it the form of the row being edited.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::context::{Hit, Look};
use super::follow_up::{FollowView, Row, RowForm, rows};
use crate::domain::FollowUp;
use crate::domain::Lang;
use crate::i18n::tui::T;
use crate::tui::keymap::Action;
use crate::tui::widgets::{Target, ellipsize, panel};

pub fn render(look: &Look, v: &FollowView, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let Some(open) = look.open else { return };
    // One field needs no frame around it: its own title names the row.
    let form_h = v.form.as_ref().map_or(0, |form| match form.fields.len() {
        1 => 3,
        n => n as u16 * 3 + 2,
    });
    let [list_area, form_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(form_h)]).areas(area);
    list(look, v, &open.session.follow_up, f, list_area, hits);
    if let Some(form) = &v.form {
        render_form(look, form, f, form_area);
    }
}

/// The rows around the cursor, each answering a click, and the hint line.
fn list(
    look: &Look,
    v: &FollowView,
    fu: &FollowUp,
    f: &mut Frame,
    area: Rect,
    hits: &mut Vec<Hit>,
) {
    let th = &look.theme;
    let block = panel(th, T::FollowUpTitle.get(look.lang), v.form.is_none());
    let inner = block.inner(area).inner(Margin::new(1, 0));
    f.render_widget(block, area);
    let all = rows(look);
    let height = inner.height as usize;
    // The cursor's row stays in view; a hint line takes the last row.
    let room = height.saturating_sub(1).max(1);
    let first = v.cursor.saturating_sub(room.saturating_sub(1));
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (i, row) in all.iter().enumerate().skip(first).take(room) {
        let text: String = row_text(row, fu, look.lang)
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        let style = if i == v.cursor && v.form.is_none() {
            th.focus()
        } else if i == v.cursor {
            // The row being edited stays marked above its form.
            th.chosen()
        } else if matches!(row, Row::Question(_) | Row::AddStep) {
            th.muted()
        } else {
            th.text()
        };
        let y = inner.y + (i - first) as u16;
        hits.push(Hit {
            area: Rect::new(inner.x, y, inner.width, 1),
            action: Action::Click(Target::FollowUpRow(i)),
        });
        lines.push(Line::from(Span::styled(ellipsize(&text, w), style)));
    }
    f.render_widget(Paragraph::new(lines), inner);
    if height > 1 {
        let hint = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
        f.render_widget(
            Paragraph::new(Span::styled(
                ellipsize(T::FollowUpHint.get(look.lang), w),
                th.muted(),
            )),
            hint,
        );
    }
}

/// One row as the list shows it; what is not filled in shows as a dash.
fn row_text(row: &Row, fu: &FollowUp, lang: Lang) -> String {
    let or_dash = |s: &str| {
        if s.is_empty() {
            "–".to_string()
        } else {
            s.to_string()
        }
    };
    let field = |label: T, value: &str| format!("{}: {}", label.get(lang), or_dash(value));
    match row {
        Row::Organisation => field(T::FieldOrganisation, &fu.organisation),
        Row::Facilitator => field(T::FieldFacilitator, &fu.facilitator),
        Row::Version => field(T::FieldVersion, &fu.version),
        Row::Area(id, title) => {
            let o = fu.owner(id);
            let owner = o.map_or("", |o| o.owner.as_str());
            let review = o.map_or("", |o| o.review.as_str());
            format!(
                "{title} — {} · {}",
                field(T::FieldOwner, owner),
                field(T::FieldReview, review)
            )
        }
        Row::Step(n) => {
            let s = fu.next_steps.get(*n).cloned().unwrap_or_default();
            format!("• {} — {} — {}", s.what, or_dash(&s.who), or_dash(&s.by))
        }
        Row::AddStep => format!("+ {}", T::AddStep.get(lang)),
        Row::Question(q) => format!("→ {}: {q}", T::MakeStep.get(lang)),
    }
}

/// The fields of the row being edited, framed under the row's name when
/// there is more than one.
fn render_form(look: &Look, form: &RowForm, f: &mut Frame, area: Rect) {
    let (th, lang) = (&look.theme, look.lang);
    let title = match &form.row {
        Row::Organisation => T::FieldOrganisation.get(lang).to_string(),
        Row::Facilitator => T::FieldFacilitator.get(lang).to_string(),
        Row::Version => T::FieldVersion.get(lang).to_string(),
        Row::Area(_, title) => title.clone(),
        Row::Step(_) | Row::AddStep | Row::Question(_) => T::NextStepTitle.get(lang).to_string(),
    };
    let inner = if form.fields.len() == 1 {
        area
    } else {
        let block = panel(th, &title, true);
        let inner = block.inner(area);
        f.render_widget(block, area);
        inner
    };
    let areas = Layout::vertical(vec![Constraint::Length(3); form.fields.len()]).split(inner);
    for (i, ((label, _, ta), a)) in form.fields.iter().zip(areas.iter()).enumerate() {
        let mut ta = ta.clone();
        let focused = i == form.focus;
        ta.set_block(panel(th, label.get(lang), focused));
        ta.set_cursor_style(if focused {
            th.focus()
        } else {
            ratatui::style::Style::new()
        });
        f.render_widget(&ta, *a);
    }
}

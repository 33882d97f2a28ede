//! Drawing the decide stage: all four parts when there is room, otherwise
//! a strip summarising them and the focused part alone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::decide::{DecideView, PARTS, is_no_go, principle_meaning, principle_name, safeguard_at};
use super::{CardLook, Part};
use crate::domain::{Card, Framework, Lang, PrincipleCheck, Stance};
use crate::i18n::export::{ExportMsg, stance};
use crate::i18n::fill;
use crate::i18n::labels::Label;
use crate::i18n::tui::T;
use crate::tui::keymap::Action;
use crate::tui::screens::context::{Hit, Look, Open};
use crate::tui::theme::Theme;
use crate::tui::widgets::{Target, ellipsize, panel};

/// What each part reads, so the layout can place them as room allows.
struct Ctx<'a> {
    look: Look<'a>,
    lang: Lang,
    open: Open<'a>,
    view: &'a DecideView,
    framework: &'a Framework,
    card: &'a Card,
    d: &'a crate::domain::Decision,
    th: Theme,
}

pub fn render(c: &CardLook, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (open, card) = (&c.open, c.card);
    let cx = Ctx {
        look: c.look,
        lang: c.lang(),
        open: c.open,
        view: &c.view.decide,
        framework: c.look.content.framework,
        card,
        d: &c.progress.decision,
        th: c.theme(),
    };
    if area.width >= 80 && area.height >= 28 {
        // Room for all four parts at once: the options across the top, the
        // two checklists side by side, the rationale underneath.
        // Options, the focused one's description and what the policy will say.
        let opt_h = (card.options.len() as u16 + 8).min(area.height / 2);
        // The principles also show the chosen option above and a meaning
        // below; the safeguards the commitment sentence of the focused one.
        let list_h =
            ((card.safeguards.len() + 5).max(open.session.principles.len() + 6) as u16 + 2).min(15);
        let [opts, lists, rat] = Layout::vertical([
            Constraint::Length(opt_h),
            Constraint::Length(list_h),
            Constraint::Min(4),
        ])
        .areas(area);
        let [safe, pr] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                .areas(lists);
        for (part, a) in [
            (Part::Options, opts),
            (Part::Safeguards, safe),
            (Part::Principles, pr),
            (Part::Rationale, rat),
        ] {
            render_part(&cx, part, f, a, hits);
        }
    } else {
        // One part at a time, with a strip that summarises all four.
        let [strip, rest] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        render_strip(&cx, f, strip, hits);
        render_part(&cx, cx.view.part, f, rest, hits);
    }
}

fn render_strip(cx: &Ctx, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let lang = cx.lang;
    let d = cx.d;
    let judged = cx
        .open
        .session
        .principles
        .iter()
        .filter(|p| d.principles.contains_key(p.id()))
        .count();
    let labels = [
        format!(
            "{} {}",
            T::PartOption.get(lang),
            if d.option.is_some() { "✓" } else { "·" }
        ),
        if is_no_go(cx.card, d) && !d.keep_safeguards {
            format!("{} –", T::Safeguards.get(lang))
        } else {
            format!("{} {}", T::Safeguards.get(lang), d.safeguards.len())
        },
        format!(
            "{} {judged}/{}",
            T::PartPrinciples.get(lang),
            cx.open.session.principles.len()
        ),
        format!(
            "{} {}",
            T::PartWhy.get(lang),
            if d.rationale.trim().is_empty() {
                "·"
            } else {
                "✓"
            }
        ),
    ];
    let mut spans = vec![Span::raw(" ")];
    let mut x = area.x + 1;
    for (i, label) in labels.iter().enumerate() {
        let text = format!(" {label} ");
        let w = unicode_width::UnicodeWidthStr::width(text.as_str()) as u16;
        let style = if PARTS[i] == cx.view.part {
            cx.th.focus()
        } else {
            cx.th.muted()
        };
        hits.push(Hit {
            area: Rect::new(x, area.y, w, 1),
            action: Action::Click(Target::Decide {
                part: PARTS[i],
                row: None,
            }),
        });
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
        x += w + 1;
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn render_part(cx: &Ctx, part: Part, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let focused = cx.view.part == part;
    match part {
        Part::Options => options_part(cx, focused, f, area, hits),
        Part::Safeguards => safeguards_part(cx, focused, f, area, hits),
        Part::Principles => principles_part(cx, focused, f, area, hits),
        Part::Rationale => rationale_part(cx, focused, f, area, hits),
    }
}

/// The options as radio rows, the focused one's description, and what the
/// policy will say.
fn options_part(cx: &Ctx, focused: bool, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang, v, d, card) = (&cx.th, cx.lang, cx.view, cx.d, cx.card);
    let block = panel(
        th,
        cx.open.says(T::Options, T::OptionsSolo).get(lang),
        focused,
    );
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (i, o) in card.options.iter().enumerate() {
        let on = d.option.as_deref() == Some(o.id.as_str());
        let mark = if on { "(•)" } else { "( )" };
        // The stance first, so a narrow screen cuts the label, not it.
        let text = ellipsize(
            &format!(
                "{mark} {} · {}",
                stance(o.stance).get(lang),
                o.label.get(lang)
            ),
            w,
        );
        lines.push(Line::from(Span::styled(
            text,
            row_style(th, focused && v.option == i, on),
        )));
        push_hit(hits, inner, i, Part::Options, i);
    }
    if let Some(o) = card.options.get(v.option) {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            o.description.get(lang).to_string(),
            th.muted(),
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(format!("{} ", T::PolicyWillSay.get(lang)), th.heading()),
        Span::styled(policy_summary(cx), th.text()),
    ]));
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// The safeguard checklist, with under it what the focused one commits to.
fn safeguards_part(cx: &Ctx, focused: bool, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang, v, d, card) = (&cx.th, cx.lang, cx.view, cx.d, cx.card);
    let block = panel(th, T::Safeguards.get(lang), focused);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = inner.width as usize;
    let no_go = is_no_go(card, d);
    let foot = Paragraph::new(safeguard_foot(cx)).wrap(Wrap { trim: true });
    let rows = card.safeguards.len() as u16 + u16::from(no_go);
    let foot_h =
        (foot.line_count(inner.width) as u16).min(inner.height.saturating_sub(rows.min(3)));
    let [list_area, _, foot_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(foot_h > 0 && inner.height > rows + foot_h)),
        Constraint::Length(foot_h),
    ])
    .areas(inner);
    let first = scroll_start(v.safeguard, list_area.height);
    let lines: Vec<Line> = safeguard_rows(cx)
        .into_iter()
        .enumerate()
        .skip(first)
        .map(|(i, (text, on, live))| {
            push_hit(hits, list_area, i - first, Part::Safeguards, i);
            let style = if !(live || focused && v.safeguard == i) {
                th.muted()
            } else {
                row_style(th, focused && v.safeguard == i, on)
            };
            Line::from(Span::styled(ellipsize(&text, w), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list_area);
    f.render_widget(foot, foot_area);
}

/// Under the list: on a no-go what becomes of the safeguards, and always
/// the exact sentence the focused one puts in the policy.
fn safeguard_foot(cx: &Ctx) -> Vec<Line<'static>> {
    let (th, lang, d, card) = (&cx.th, cx.lang, cx.d, cx.card);
    let no_go = is_no_go(card, d);
    let mut foot = Vec::new();
    if no_go {
        let says = if d.keep_safeguards {
            T::NoGoKept
        } else {
            T::NoGoNoSafeguards
        };
        foot.push(Line::from(Span::styled(says.get(lang), th.notice())));
    }
    if let Some(s) =
        safeguard_at(card, d, cx.view.safeguard).and_then(|id| cx.framework.safeguard(id))
    {
        // A no-go's safeguard only reaches the policy when kept.
        let label = if no_go && !d.keep_safeguards {
            T::IfKept
        } else {
            T::InPolicy
        };
        foot.push(Line::from(vec![
            Span::styled(format!("{} ", label.get(lang)), th.heading()),
            Span::styled(s.commitment.get(lang).to_string(), th.muted()),
        ]));
    }
    foot
}

/// Each safeguard row: its text, whether it is ticked, and whether it
/// counts (a no-go's safeguards count only when kept).
fn safeguard_rows(cx: &Ctx) -> Vec<(String, bool, bool)> {
    let (lang, d, card) = (cx.lang, cx.d, cx.card);
    let no_go = is_no_go(card, d);
    let mut rows = Vec::new();
    if no_go {
        let on = d.keep_safeguards;
        rows.push((
            format!("{} {}", check_box(on), T::NoGoKeep.get(lang)),
            on,
            true,
        ));
    }
    for id in &card.safeguards {
        let on = d.safeguards.contains(id);
        let label = cx
            .framework
            .safeguard(id)
            .map_or(id.as_str(), |s| s.label.get(lang));
        rows.push((
            format!("{} {label}", check_box(on)),
            on,
            !no_go || d.keep_safeguards,
        ));
    }
    rows
}

/// Each principle weighed against the team's chosen option.
fn principles_part(cx: &Ctx, focused: bool, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang) = (&cx.th, cx.lang);
    // The question is about the team's own decision, not the proposal:
    // the chosen option stands above the list to say so.
    let question = cx
        .open
        .says(T::PrinciplesQuestionCheck, T::PrinciplesQuestionCheckSolo)
        .get(lang);
    let fits = unicode_width::UnicodeWidthStr::width(question) + 4 <= area.width as usize;
    let title = if fits {
        question
    } else {
        T::PartPrinciples.get(lang)
    };
    let block = panel(th, title, focused);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let head =
        Paragraph::new(principles_head(cx, question, fits, inner.width)).wrap(Wrap { trim: true });
    let top = (head.line_count(inner.width) as u16).min(inner.height);
    let list_area = Rect {
        y: inner.y + top,
        height: inner.height - top,
        ..inner
    };
    let mut lines = principle_rows(cx, focused, list_area, hits);
    principles_foot(cx, focused, list_area.height as usize, &mut lines);
    f.render_widget(head, inner);
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), list_area);
}

/// Above the list: the question when the title has no room for it, and
/// the option chosen.
fn principles_head(cx: &Ctx, question: &str, fits: bool, width: u16) -> Vec<Line<'static>> {
    let (th, lang, d, card) = (&cx.th, cx.lang, cx.d, cx.card);
    let mut head = Vec::new();
    if !fits {
        head.push(Line::from(Span::styled(
            ellipsize(question, width as usize),
            th.heading(),
        )));
    }
    head.push(match d.option.as_deref().and_then(|id| card.option(id)) {
        Some(o) => Line::from(vec![
            Span::styled(format!("{} ", T::DecisionIs.get(lang)), th.muted()),
            Span::styled(o.label.get(lang).to_string(), th.chosen()),
        ]),
        None => Line::from(Span::styled(T::ChooseOptionFirst.get(lang), th.notice())),
    });
    head
}

/// One row per principle: its name, and right-aligned how it was judged.
fn principle_rows(cx: &Ctx, focused: bool, area: Rect, hits: &mut Vec<Hit>) -> Vec<Line<'static>> {
    let (th, lang, v, d) = (&cx.th, cx.lang, cx.view, cx.d);
    let rw = area.width as usize;
    let first = scroll_start(v.principle, area.height);
    cx.open
        .session
        .principles
        .iter()
        .enumerate()
        .skip(first)
        .map(|(i, p)| {
            let check = d.principles.get(p.id()).copied();
            let mark = match check {
                Some(PrincipleCheck::Upholds) => format!("✓ {}", Label::CheckUpholds.get(lang)),
                Some(PrincipleCheck::Tension) => format!("~ {}", Label::CheckTension.get(lang)),
                Some(PrincipleCheck::Violates) => format!("✗ {}", Label::CheckViolates.get(lang)),
                None => format!("· {}", T::CheckNone.get(lang)),
            };
            push_hit(hits, area, i - first, Part::Principles, i);
            let mw = unicode_width::UnicodeWidthStr::width(mark.as_str());
            let name = ellipsize(&principle_name(&cx.look, p), rw.saturating_sub(mw + 1));
            let pad = rw.saturating_sub(mw + unicode_width::UnicodeWidthStr::width(name.as_str()));
            let style = row_style(th, focused && v.principle == i, check.is_some());
            Line::from(Span::styled(
                format!("{name}{}{mark}", " ".repeat(pad)),
                style,
            ))
        })
        .collect()
}

/// Under the rows, as room allows: what the principle under the cursor
/// means, and how to change a judgement; or that there are no principles.
fn principles_foot(cx: &Ctx, focused: bool, room: usize, lines: &mut Vec<Line<'static>>) {
    let (th, lang) = (&cx.th, cx.lang);
    let principles = &cx.open.session.principles;
    if principles.is_empty() {
        lines.push(Line::from(Span::styled(
            T::NoPrinciples.get(lang),
            th.muted(),
        )));
        return;
    }
    let meaning = principles
        .get(cx.view.principle)
        .map(|p| principle_meaning(&cx.look, p))
        .unwrap_or_default();
    if !meaning.is_empty() && room > lines.len() + 1 {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(meaning, th.muted())));
    }
    if focused && room > lines.len() + 2 {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            T::PrinciplesCycleHint.get(lang),
            th.muted(),
        )));
    }
}

/// The rationale's text field; a click anywhere on it focuses it.
fn rationale_part(cx: &Ctx, focused: bool, f: &mut Frame, area: Rect, hits: &mut Vec<Hit>) {
    let (th, lang) = (&cx.th, cx.lang);
    let mut ta = cx.view.rationale.clone();
    // "Tab here" only while it is somewhere else.
    let placeholder = match focused {
        true => cx.open.says(T::RationaleTyping, T::RationaleTypingSolo),
        false => cx
            .open
            .says(T::RationalePlaceholder, T::RationalePlaceholderSolo),
    };
    ta.set_placeholder_text(placeholder.get(lang));
    ta.set_block(panel(th, T::Rationale.get(lang), focused));
    ta.set_cursor_style(if focused {
        th.focus()
    } else {
        ratatui::style::Style::new()
    });
    f.render_widget(&ta, area);
    hits.push(Hit {
        area,
        action: Action::Click(Target::Decide {
            part: Part::Rationale,
            row: None,
        }),
    });
}

fn check_box(on: bool) -> &'static str {
    if on { "[x]" } else { "[ ]" }
}

/// What the chosen option puts in the policy draft, in a sentence.
fn policy_summary(cx: &Ctx) -> String {
    let lang = cx.lang;
    let d = cx.d;
    let Some(o) = d.option.as_deref().and_then(|id| cx.card.option(id)) else {
        return T::PolicyNothingYet.get(lang).to_string();
    };
    if o.stance == Stance::NoGo {
        return fill(
            T::PolicyRedLine.get(lang),
            &[("text", cx.card.red_line.get(lang))],
        );
    }
    let template = match o.stance {
        Stance::Redesign => ExportMsg::AgreedRedesign,
        Stance::GoWithSafeguards => ExportMsg::AgreedWithSafeguards,
        Stance::Go | Stance::NoGo => ExportMsg::AgreedGo,
    };
    let practice = cx
        .card
        .policy_practice
        .get(lang)
        .trim()
        .trim_end_matches('.');
    let accepted = format!("{}.", fill(template.get(lang), &[("practice", practice)]));
    match d.safeguards.len() {
        0 => accepted,
        1 => fill(T::PolicyOneCommitment.get(lang), &[("accepted", &accepted)]),
        n => fill(
            T::PolicyCommitments.get(lang),
            &[("accepted", &accepted), ("n", &n.to_string())],
        ),
    }
}

fn push_hit(hits: &mut Vec<Hit>, inner: Rect, row: usize, part: Part, i: usize) {
    if (row as u16) < inner.height {
        hits.push(Hit {
            area: Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            action: Action::Click(Target::Decide { part, row: Some(i) }),
        });
    }
}

fn scroll_start(cursor: usize, height: u16) -> usize {
    cursor.saturating_sub(height.saturating_sub(1) as usize)
}

fn row_style(th: &Theme, focused: bool, chosen: bool) -> ratatui::style::Style {
    match (focused, chosen) {
        (true, _) => th.focus(),
        (false, true) => th.chosen(),
        (false, false) => th.text(),
    }
}

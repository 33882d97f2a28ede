//! The revealed gut check in small, for the discuss stage: the spread as
//! five little bars, the average, and the lowest and highest votes, with
//! the voters' names only when the reveal showed them.

use ratatui::text::{Line, Span};

use crate::domain::session::VOTE_MIN;
use crate::domain::{CardProgress, Lang, Session, VoteSummary};
use crate::i18n::console::C;
use crate::i18n::fill;
use crate::i18n::format::decimal;
use crate::i18n::labels::Label;
use crate::tui::theme::Theme;

const LEVELS: [&str; 8] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// Nothing before the reveal, nor without votes: hidden votes never show.
pub fn lines(
    session: &Session,
    progress: &CardProgress,
    lang: Lang,
    th: &Theme,
) -> Vec<Line<'static>> {
    let votes = progress.shown_votes();
    let s = VoteSummary::of(votes);
    let (Some(avg), Some(lo), Some(hi)) = (s.average, s.min, s.max) else {
        return Vec::new();
    };
    let peak = s.peak().max(1);
    let mut chart = vec![Span::styled(
        format!("{}  ", Label::StageGutCheck.title(lang)),
        th.heading(),
    )];
    for (i, n) in s.counts.iter().enumerate() {
        let bar = match *n {
            0 => "·",
            n => LEVELS[((n * 8).div_ceil(peak) as usize).clamp(1, 8) - 1],
        };
        chart.push(Span::styled(format!("{}", i as u8 + VOTE_MIN), th.key()));
        chart.push(Span::styled(format!("{bar} "), th.bar()));
    }
    chart.push(Span::styled(
        format!(
            " · {}",
            fill(C::Average.get(lang), &[("avg", &decimal(avg, lang))])
        ),
        th.text(),
    ));
    let named = |v: u8, plain: C, with: C| {
        let names: Vec<String> = session
            .participants
            .iter()
            .enumerate()
            .filter(|(_, p)| votes.get(&p.id) == Some(&v))
            .map(|(i, p)| super::gut::voter_name(p, i, lang))
            .collect();
        if progress.names_shown && !names.is_empty() {
            fill(
                with.get(lang),
                &[("v", &v.to_string()), ("names", &names.join(", "))],
            )
        } else {
            fill(plain.get(lang), &[("v", &v.to_string())])
        }
    };
    let range = format!(
        "{} · {}",
        named(lo, C::Lowest, C::LowestNamed),
        named(hi, C::Highest, C::HighestNamed)
    );
    vec![
        Line::from(chart),
        Line::from(Span::styled(range, th.text())),
    ]
}

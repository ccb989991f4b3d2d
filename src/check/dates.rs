//! `date-conflict`: one event, said to have happened on days that cannot all be right.
//!
//! Claims are grouped by event (its noun, and a narrowing word that must not
//! differ: the opening ceremony is not the closing one). Two statements of fact
//! conflict when they put the event on days that do not overlap, or when one puts
//! it on a day the other says it was moved away from ("underway on May 15" against
//! "postponed from Thursday, May 15 to Friday"), or one says it was held and the
//! other that it was called off. A single day apart is a warning, not an error:
//! time zones and overnight sessions shift dates by one.

use std::collections::BTreeSet;

use jiff::civil::Date;

use super::sides::{self, Side};
use super::{CheckOptions, Corpus, Draft};
use crate::diagnostic::Severity;
use crate::extract::dated::{DateClaim, When};
use crate::extract::when::DateRange;

type DateRef = (usize, usize);

/// How two statements about one event's date disagree, if they do.
fn disagreement(a: &When, b: &When) -> Option<Disagreement> {
    match (a, b) {
        (When::On(x), When::On(y)) => (!x.overlaps(y)).then(|| Disagreement::by_distance(x, y)),
        (When::On(day), When::Moved { from, to }) | (When::Moved { from, to }, When::On(day)) => {
            // Held on the very day it was moved away from, or on another day than it was moved to.
            // That is no drift: one says it happened on the day the other says it did not.
            if from.is_some_and(|f| f.overlaps(day)) && to.is_none_or(|t| !t.overlaps(day)) {
                Some(Disagreement::Error)
            } else {
                to.filter(|t| !t.overlaps(day))
                    .map(|t| Disagreement::by_distance(day, &t))
            }
        }
        (When::Moved { to: Some(x), .. }, When::Moved { to: Some(y), .. }) => {
            (!x.overlaps(y)).then(|| Disagreement::by_distance(x, y))
        }
        (When::On(_), When::Cancelled) | (When::Cancelled, When::On(_)) => Some(Disagreement::Error),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Disagreement {
    /// One day apart: time zones, overnight sessions.
    Drift,
    Error,
}

impl Disagreement {
    fn by_distance(a: &DateRange, b: &DateRange) -> Disagreement {
        let gap = |x: Date, y: Date| (x - y).get_days().abs();
        if gap(a.start, b.end).min(gap(b.start, a.end)) <= 1 {
            Disagreement::Drift
        } else {
            Disagreement::Error
        }
    }
}

pub(super) fn check(corpus: &Corpus, options: &CheckOptions, drafts: &mut Vec<Draft>) {
    let claim = |(doc, i): DateRef| -> &DateClaim { &corpus.analyses[doc].dates[i] };
    let mut refs: Vec<DateRef> = Vec::new();
    for (doc, analysis) in corpus.analyses.iter().enumerate() {
        for (i, c) in analysis.dates.iter().enumerate() {
            if c.modality.is_factual() {
                refs.push((doc, i));
            }
        }
    }
    // Group by event noun; keys with modifiers are matched pairwise inside a group.
    refs.sort_by(|a, b| claim(*a).event.noun.cmp(&claim(*b).event.noun).then(a.cmp(b)));
    let mut done: BTreeSet<DateRef> = BTreeSet::new();
    for noun_group in refs.chunk_by(|a, b| claim(*a).event.noun == claim(*b).event.noun) {
        let mut pairs: Vec<(DateRef, DateRef, Disagreement)> = Vec::new();
        for group in corpus.story_groups(noun_group, |r: DateRef| r.0) {
            for (i, &a) in group.iter().enumerate() {
                for &b in &group[i + 1..] {
                    let (ca, cb) = (claim(a), claim(b));
                    if a.0 == b.0 || !ca.event.matches(&cb.event) {
                        continue;
                    }
                    if !corpus.same_story(a.0, b.0) {
                        continue;
                    }
                    if !ca.cue.compatible(&cb.cue, (corpus.year(a.0), corpus.year(b.0)))
                        || !corpus.same_period(a.0, b.0, options.same_period_days)
                    {
                        continue;
                    }
                    if let Some(d) = disagreement(&ca.when, &cb.when) {
                        pairs.push((a, b, d));
                    }
                }
            }
        }
        pairs.sort();
        pairs.dedup();
        if pairs.is_empty() {
            continue;
        }
        let involved: BTreeSet<DateRef> = pairs
            .iter()
            .flat_map(|&(a, b, _)| [a, b])
            .filter(|r| !done.contains(r))
            .collect();
        if involved.is_empty() {
            continue;
        }
        done.extend(&involved);
        let worst = pairs.iter().map(|p| p.2).max().expect("pairs is not empty");
        let mut by_value: std::collections::BTreeMap<String, Side> = std::collections::BTreeMap::new();
        for &r in &involved {
            let value = describe(&claim(r).when);
            by_value
                .entry(value.clone())
                .or_insert_with(|| Side::new(value))
                .add(r.0, claim(r).span.clone());
        }
        let sides = sides::order(by_value.into_values().collect());
        let first = claim(*involved.first().expect("involved is not empty"));
        let event = match &first.event.modifier {
            Some(m) => format!("the {m} {}", first.event.noun),
            None => format!("the {}", first.event.noun),
        };
        drafts.push(Draft {
            code: "date-conflict",
            vars: vec![("event", event), ("summary", sides::summary(corpus, &sides))],
            labels: sides::labels(&sides, |side| format!("says {}", side.value)),
            at_most: (worst == Disagreement::Drift).then_some(Severity::Warning),
        });
    }
}

/// "it happened on 2025-05-15", "it was moved from 2025-05-15 to 2025-05-16".
fn describe(when: &When) -> String {
    let range = |r: &DateRange| {
        if r.start == r.end {
            r.start.strftime("%a %-d %b %Y").to_string()
        } else {
            format!("{} to {}", r.start.strftime("%-d %b"), r.end.strftime("%-d %b %Y"))
        }
    };
    match when {
        When::On(r) => format!("it happened on {}", range(r)),
        When::Moved { from, to } => match (from, to) {
            (Some(f), Some(t)) => format!("it was moved from {} to {}", range(f), range(t)),
            (Some(f), None) => format!("it was moved from {}", range(f)),
            (None, Some(t)) => format!("it was moved to {}", range(t)),
            (None, None) => "it was moved".to_string(),
        },
        When::Cancelled => "it was called off".to_string(),
    }
}

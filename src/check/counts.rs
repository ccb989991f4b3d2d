//! `count-conflict` and `conflicting-reports`: numbers for the same thing that cannot both be right.
//!
//! Counts are grouped by what they count (the outcome or noun, its qualifiers and,
//! for seats or votes, the holder), and a pair is compared only when:
//!
//! - both are statements of fact (asserted, or relayed from a source);
//! - both are totals, not parts of an enumeration ("230 passengers and 12 crew");
//! - neither is marked as an update ("rose to", "so far", "as of"): a later,
//!   larger toll is a revision, not a contradiction;
//! - their event cues agree (not last year's race, not the 2009 sinking);
//! - they are about the same moment: a toll that changes by the hour (killed,
//!   injured, missing) must be given for the same day; a fixed figure (seats,
//!   passengers) within the event window;
//! - their intervals are disjoint: "more than 200" and "246" agree, "nearly 250"
//!   and "246" agree, a round "1,000" is read as roughly a thousand.
//!
//! When both statements are attributed to different named speakers ("the coast
//! guard said 29", "the governor said 70"), the outlet is not wrong: the sources
//! disagree, which is `conflicting-reports` advice instead.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::sides::{self, Side};
use super::{CheckOptions, Corpus, Draft};
use crate::extract::counts::CountClaim;
use crate::extract::quantity::{CountOptions, Interval};

/// Outcomes whose figures change by the hour: they are compared only for the same day.
const EVOLVING: &[&str] = &[
    "killed",
    "injured",
    "casualties",
    "missing",
    "rescued",
    "hospitalized",
    "treated",
    "evacuated",
    "displaced",
    "arrested",
    "survived",
];

/// A count claim by document and index.
type CountRef = (usize, usize);

/// What counts are grouped by: the thing counted, its qualifiers, and its holder.
type GroupKey<'a> = (&'static str, Vec<&'a str>, Option<&'a str>);

pub(super) fn check(corpus: &Corpus, options: &CheckOptions, drafts: &mut Vec<Draft>) {
    let opts = CountOptions::default();
    let claim = |(doc, i): CountRef| -> &CountClaim { &corpus.analyses[doc].counts[i] };
    let mut groups: BTreeMap<GroupKey, Vec<CountRef>> = BTreeMap::new();
    for (doc, analysis) in corpus.analyses.iter().enumerate() {
        for (i, c) in analysis.counts.iter().enumerate() {
            if !c.modality.is_factual() || c.is_part || c.update().is_some() {
                continue;
            }
            // "239 people" with nothing said of them is no claim anyone could contradict.
            if c.outcome().is_none() && c.noun().is_none_or(|n| n == "people") {
                continue;
            }
            let mut qualifiers: Vec<&str> = c.qualifiers().iter().map(AsRef::as_ref).collect();
            qualifiers.sort_unstable();
            qualifiers.dedup();
            groups
                .entry((c.key(), qualifiers, c.holder()))
                .or_default()
                .push((doc, i));
        }
    }
    // The day a figure is given for: the one its sentence names, else its text's date.
    let day = |r: CountRef| -> Option<Date> { claim(r).day.or_else(|| corpus.date(r.0)) };
    // A pair met in two story groups (through a text that names too few to tell) is judged once.
    let mut judged: BTreeSet<(CountRef, CountRef)> = BTreeSet::new();
    for ((key, _, _), all) in groups {
        let evolving = EVOLVING.contains(&key);
        // One finding per story: two disasters never share a finding.
        for refs in corpus.story_groups(&all, |r: CountRef| r.0) {
            let mut conflicts: Vec<(CountRef, CountRef)> = Vec::new();
            let mut reports: Vec<(CountRef, CountRef)> = Vec::new();
            for (i, &a) in refs.iter().enumerate() {
                for &b in &refs[i + 1..] {
                    if !judged.insert((a.min(b), a.max(b))) {
                        continue;
                    }
                    let (ca, cb) = (claim(a), claim(b));
                    let (ia, ib) = (ca.comparable(&opts), cb.comparable(&opts));
                    if !ia.disjoint(&ib) {
                        continue;
                    }
                    // "Dozens" is loose talk: it contradicts a figure only twice its range away.
                    if (ca.vague || cb.vague) && !far_apart(&ia, &ib) {
                        continue;
                    }
                    if !ca.cue.compatible(&cb.cue, (corpus.year(a.0), corpus.year(b.0))) {
                        continue;
                    }
                    if !corpus.same_story(a.0, b.0) {
                        continue;
                    }
                    let same_moment = if evolving {
                        matches!((day(a), day(b)), (Some(x), Some(y)) if x == y)
                    } else {
                        corpus.same_period(a.0, b.0, options.event_window_days)
                    };
                    if !same_moment {
                        continue;
                    }
                    match (ca.speaker(), cb.speaker()) {
                        (Some(x), Some(y)) if x != y => reports.push((a, b)),
                        // Within one text, figures from one voice may be a story told in order.
                        _ if a.0 == b.0 => {}
                        _ => conflicts.push((a, b)),
                    }
                }
            }
            if !conflicts.is_empty() {
                drafts.push(draft(corpus, "count-conflict", key, &conflicts));
            }
            if !reports.is_empty() {
                drafts.push(draft(corpus, "conflicting-reports", key, &reports));
            }
        }
    }
}

/// Whether one interval lies beyond twice the other: (200, ∞) against [24, 150) is not,
/// (400, ∞) is.
fn far_apart(a: &Interval, b: &Interval) -> bool {
    let (low, high) = if a.hi <= b.lo { (a, b) } else { (b, a) };
    high.lo >= 2.0 * low.hi
}

fn draft(corpus: &Corpus, code: &'static str, key: &str, pairs: &[(CountRef, CountRef)]) -> Draft {
    let claim = |(doc, i): CountRef| -> &CountClaim { &corpus.analyses[doc].counts[i] };
    let involved: BTreeSet<CountRef> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
    // One side per figure as written.
    let mut by_value: BTreeMap<String, Side> = BTreeMap::new();
    for &r in &involved {
        let c = claim(r);
        let value = c.written.to_string();
        // "Dozens" in a headline and "dozens" in the body are one side.
        by_value
            .entry(value.to_lowercase())
            .or_insert_with(|| Side::new(value))
            .add(r.0, c.span.clone());
    }
    let sides = sides::order(by_value.into_values().collect());
    let what = describe(key, claim(*involved.first().expect("a conflict has claims")));
    Draft {
        code,
        at_most: None,
        vars: vec![("what", what), ("summary", sides::summary(corpus, &sides))],
        labels: sides::labels(&sides, |side| format!("says {}", side.value)),
    }
}

/// "how many people were killed", "how many runners finished", "the number of seats for Civic Renewal".
fn describe(key: &str, claim: &CountClaim) -> String {
    let who = if claim.qualifiers().is_empty() {
        "people".to_string()
    } else {
        claim.qualifiers().join(" ")
    };
    let mut out = match claim.outcome() {
        // Outcomes people do rather than suffer read in the active voice.
        Some(outcome @ ("finished" | "started" | "registered" | "survived")) => format!("how many {who} {outcome}"),
        Some("casualties") => "the number of casualties".to_string(),
        Some(outcome) => format!("how many {who} were {outcome}"),
        None => format!("the number of {key}"),
    };
    if let Some(holder) = claim.holder() {
        out.push_str(&format!(" for {}", super::title_case(holder)));
    }
    out
}

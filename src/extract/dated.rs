//! Event-date claims: which event happened (or was moved) on which day.
//!
//! [`when::event_statuses`] finds status words with their dates ("held on
//! Thursday", "postponed from Thursday, May 15 to Friday"); this module says
//! which event each one is about and how it is stated. The event is the event
//! noun before the status words ("the talks are underway", "the swearing-in,
//! postponed from …"), the noun a pronoun stands for ("… they were postponed")
//! taken from the sentences before, or, for "sworn in", the swearing-in itself.

use std::ops::Range;

use jiff::civil::Date;

use super::event::{EventCue, cue};
use super::modality::{Cues, Modality, context_cues};
use super::presence::Context;
use super::when::{DateRange, Precision, Status, event_statuses, guess_tense};
use crate::pack::Lexicon;
use crate::text::{Sentence, Token, TokenKind};

/// Which event a status is about: its noun ("talks") and a narrowing word ("prize-giving").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EventKey {
    pub noun: String,
    pub modifier: Option<String>,
}

impl EventKey {
    /// Whether two keys name one event: the same noun, and no two different modifiers
    /// ("the opening ceremony" is not "the closing ceremony").
    pub fn matches(&self, other: &EventKey) -> bool {
        self.noun == other.noun
            && match (&self.modifier, &other.modifier) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }
}

/// What a text says about when an event happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    /// Held, or underway, on these days.
    On(DateRange),
    /// Not on `from` but moved to `to` (either may be unknown).
    Moved {
        from: Option<DateRange>,
        to: Option<DateRange>,
    },
    Cancelled,
}

/// "The talks are underway" (on the publication date), "the swearing-in,
/// postponed from October 17 to October 22".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateClaim {
    pub event: EventKey,
    pub when: When,
    pub modality: Modality,
    /// The words that carry the claim: the event noun through the status and its dates.
    pub span: Range<usize>,
    pub sentence: usize,
    pub cue: EventCue,
}

/// Pronouns that stand for an event named before.
const PRONOUNS: &[&str] = &["they", "it", "both", "these", "those"];

/// Auxiliaries between a subject and its status words: "they were postponed", "it has been moved".
const AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "been", "be", "being", "now", "also",
];

/// Extracts event-date claims from one sentence; `recent` is the last event noun of the
/// sentences before, which a pronoun may stand for, and is updated.
pub fn extract(
    ctx: &Context,
    sentence_idx: usize,
    sentence: &Sentence,
    published: Option<Date>,
    recent: &mut Option<(EventKey, usize)>,
    out: &mut Vec<DateClaim>,
) {
    let tokens = &ctx.seg.tokens;
    let range = sentence.tokens.clone();
    let slice = &tokens[range.clone()];
    let lx = &ctx.pack.lexicon;
    let statuses = event_statuses(slice, published, || guess_tense(slice));
    let event = if statuses.is_empty() {
        EventCue::default()
    } else {
        cue(tokens, range.clone(), lx)
    };
    for status in &statuses {
        if status.negated {
            continue;
        }
        let Some(first) = slice.iter().position(|t| t.span.start == status.span.start) else {
            continue;
        };
        let key = if let Some(key) = event_of_verb(slice, first) {
            Some((key, first))
        } else {
            event_before(slice, first, lx).or_else(|| {
                // "… they were postponed": the event named in the sentences before.
                let mut k = first;
                while k > 0 && AUXILIARIES.contains(&slice[k - 1].norm.as_str()) {
                    k -= 1;
                }
                let pronoun = k > 0 && PRONOUNS.contains(&slice[k - 1].norm.as_str());
                match recent {
                    Some((key, at)) if pronoun && sentence_idx <= *at + 2 => Some((key.clone(), k - 1)),
                    _ => None,
                }
            })
        };
        let Some((key, subject)) = key else { continue };
        // The event must be the subject of the status words: nothing between them
        // may be a figure or another clause ("registered for the race and 15,912 started").
        if slice[(subject + 1).min(first)..first]
            .iter()
            .any(|t| t.kind == TokenKind::Number || matches!(t.norm.as_str(), "and" | "or" | "but"))
        {
            continue;
        }
        // "to be sworn in", "will be held": a plan, however it is worded.
        let mut k = first;
        while k > 0 && AUXILIARIES.contains(&slice[k - 1].norm.as_str()) {
            k -= 1;
        }
        if k > 0 && matches!(slice[k - 1].norm.as_str(), "to" | "will" | "would" | "'ll") {
            continue;
        }
        // Only dates close to the status words are its dates.
        let near = |d: &&super::when::DateMention| d.tokens.start <= first + 8 && d.tokens.end + 6 >= first;
        let when = match &status.status {
            Status::Held | Status::Underway => {
                let day = status
                    .dates
                    .iter()
                    .filter(near)
                    .find(|d| d.precision == Precision::Day)
                    .and_then(|d| d.range);
                // A day after publication is a plan, not a report.
                if let (Some(d), Some(p)) = (day, published)
                    && d.start > p
                {
                    continue;
                }
                // "are underway" with no date is today's news.
                let present = matches!(status.status, Status::Underway)
                    && slice[..first]
                        .iter()
                        .rev()
                        .take(3)
                        .any(|t| matches!(t.norm.as_str(), "are" | "is"));
                match (day, present) {
                    (Some(d), _) => When::On(d),
                    (None, true) => match published {
                        Some(p) => When::On(DateRange::day(p)),
                        None => continue,
                    },
                    (None, false) => continue,
                }
            }
            Status::Postponed { from, to } => {
                if from.is_none() && to.is_none() {
                    continue;
                }
                When::Moved { from: *from, to: *to }
            }
            Status::Cancelled => When::Cancelled,
            Status::Scheduled => continue,
        };
        let mut cues = Cues::default();
        let start = range.start + subject.min(first);
        let forced = context_cues(ctx.seg, sentence, lx, start, range.start + first, range.end, &mut cues);
        let modality = forced.unwrap_or_else(|| cues.modality());
        let last = status
            .dates
            .iter()
            .map(|d| d.span.end)
            .chain([status.span.end])
            .max()
            .unwrap_or(status.span.end);
        out.push(DateClaim {
            event: key,
            when,
            modality,
            span: tokens[start].span.start..last,
            sentence: sentence_idx,
            cue: event.clone(),
        });
    }
    // Remember the last event noun named, for a pronoun in the next sentences.
    if let Some(key) = (0..slice.len()).rev().find_map(|i| event_at(slice, i, lx)) {
        *recent = Some((key, sentence_idx));
    }
}

/// Status words that name their event themselves: "sworn in" is a swearing-in,
/// "presented with their trophies" a prize-giving.
fn event_of_verb(tokens: &[Token], at: usize) -> Option<EventKey> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    if word(at) == "sworn" && word(at + 1) == "in" {
        return Some(EventKey {
            noun: "swearing-in".into(),
            modifier: None,
        });
    }
    // "were presented with their trophies|medals|prizes|awards".
    let prizes = [
        "trophies", "trophy", "medals", "medal", "prizes", "prize", "awards", "award",
    ];
    if word(at) == "presented" && word(at + 1) == "with" && (at + 2..at + 4).any(|i| prizes.contains(&word(i))) {
        return Some(EventKey {
            noun: "ceremony".into(),
            modifier: Some("prize-giving".into()),
        });
    }
    None
}

/// The event noun closest before token `at`, within the clause.
fn event_before(tokens: &[Token], at: usize, lx: &Lexicon) -> Option<(EventKey, usize)> {
    let from = at.saturating_sub(14);
    (from..at).rev().find_map(|i| {
        let key = event_at(tokens, i, lx)?;
        // The phrase starts at its first word: "swearing-in", "prize-giving ceremony".
        let start = if key.noun == "swearing-in" {
            i - 2
        } else if key.modifier.as_deref().is_some_and(|m| m.contains('-')) {
            i - 3
        } else {
            i
        };
        Some((key, start))
    })
}

/// The event named by the noun at token `i`, if it is an event noun: "the talks",
/// "the prize-giving ceremony" (noun "ceremony", modifier "prize-giving"), "the swearing-in".
///
/// Asked of every token of every sentence, so inlined where it is asked: a two-byte
/// comparison and the event nouns' filter turn nearly every token away before
/// [`event_key`] is called.
#[inline(always)]
fn event_at(tokens: &[Token], i: usize, lx: &Lexicon) -> Option<EventKey> {
    let t = &tokens[i];
    let swearing_in = t.norm == "in" && i >= 2 && tokens[i - 1].norm == "-" && tokens[i - 2].norm == "swearing";
    if !swearing_in && !lx.event_nouns.contains(&t.norm) {
        return None;
    }
    Some(event_key(tokens, i, swearing_in))
}

/// [`event_at`] once token `i` is known to name an event.
fn event_key(tokens: &[Token], i: usize, swearing_in: bool) -> EventKey {
    if swearing_in {
        return EventKey {
            noun: "swearing-in".into(),
            modifier: None,
        };
    }
    let t = &tokens[i];
    let noun = t.norm.trim_end_matches("'s").to_string();
    let modifier = if i >= 3 && tokens[i - 2].norm == "-" {
        Some(format!("{}-{}", tokens[i - 3].norm, tokens[i - 1].norm))
    } else {
        match i.checked_sub(1).map(|k| &tokens[k]) {
            Some(m) if m.is_word() && !m.capitalized && !GENERIC_MODIFIERS.contains(&m.norm.as_str()) => {
                Some(m.norm.to_string())
            }
            _ => None,
        }
    };
    EventKey { noun, modifier }
}

/// Words before an event noun that do not tell two events apart.
const GENERIC_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "formal",
    "official",
    "first",
    "second",
    "third",
    "final",
    "planned",
    "scheduled",
    "postponed",
    "delayed",
    "new",
    "long",
    "much",
    "high-level",
    "direct",
    "peace",
    "two-day",
    "three-day",
    "day",
    "latest",
    "year's",
];

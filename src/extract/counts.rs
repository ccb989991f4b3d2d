//! Count claims: a number, what it counts, who holds it, and how it is stated.
//!
//! [`quantity`](super::quantity) reads the number phrase and the counted noun
//! ("at least 30 dead"); this module adds what a check needs to compare two
//! counts fairly: the modality and speaker of the statement, the event cue of
//! its sentence, the day it is given for, and — for counts that belong to
//! someone, like seats or votes — the holder ("Civic Renewal won 71 seats").

use std::fmt;
use std::num::NonZeroU16;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use rustc_hash::FxHashMap;

use super::event::{EventCue, cue};
use super::modality::{Cues, Modality, context_cues};
use super::presence::Context;
use super::quantity::{CountMention, CountOptions, CountRole, Interval, count_key, count_words, find_counts};
use crate::source::BlockKind;
use crate::text::{Sentence, Token, TokenKind};

/// A count as a claim: what the checks compare.
///
/// A run keeps every document's counts until the checks run, so this holds only what
/// they read: not the token ranges and role of the [`CountMention`] it comes from; its
/// words are numbered ([`Word`]) and what few counts have is boxed apart ([`CountDetails`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CountClaim {
    /// The words that make the claim, byte range in the document: "death toll of 246", "at least 30 dead".
    pub span: Range<usize>,
    /// The figure, as read; see [`CountClaim::comparable`].
    pub interval: Interval,
    /// An exact figure that looks rounded.
    pub round: bool,
    pub vague: bool,
    /// One of several counts enumerated together: each of "12 passengers and 3 crew".
    pub is_part: bool,
    /// What is counted; see [`CountClaim::noun`].
    noun: Option<Word>,
    /// What happened to them; see [`CountClaim::outcome`].
    outcome: Option<Word>,
    /// See [`CountClaim::update`].
    update: Option<Word>,
    /// Qualifiers, holder and speaker: `None` when the count has none of them, as most do.
    details: Option<Box<CountDetails>>,
    pub modality: Modality,
    pub cue: EventCue,
    /// The day the figure is given for, when the sentence names one ("by Sunday night").
    pub day: Option<Date>,
    /// The number as written ("at least 30"), for messages.
    pub written: Box<str>,
}

/// What few counts have: boxed apart from [`CountClaim`], which then keeps one pointer
/// for the three instead of 48 bytes. Strings are boxed (`Box<str>` has no spare capacity).
#[derive(Debug, Clone, Default, PartialEq)]
struct CountDetails {
    qualifiers: Box<[Box<str>]>,
    holder: Option<Box<str>>,
    speaker: Option<Box<str>>,
}

impl CountClaim {
    /// What is counted: "people", "passengers", "crew", "countries", "members"…
    pub fn noun(&self) -> Option<&'static str> {
        self.noun.map(Word::as_str)
    }

    /// What happened to them: "killed", "injured", "missing", "arrested"…
    pub fn outcome(&self) -> Option<&'static str> {
        self.outcome.map(Word::as_str)
    }

    /// A cue in the sentence that the figure updates an earlier one: "rose to", "so far", "as of".
    pub fn update(&self) -> Option<&'static str> {
        self.update.map(Word::as_str)
    }

    /// Folded words narrowing the count: "ukrainian", "civilians", "more", "delegation".
    pub fn qualifiers(&self) -> &[Box<str>] {
        self.details.as_ref().map_or(&[], |d| &d.qualifiers)
    }

    /// Folded name of who the count belongs to, for counts that need one (seats, votes).
    pub fn holder(&self) -> Option<&str> {
        self.details.as_ref()?.holder.as_deref()
    }

    /// Who is reported as giving the figure, folded, where the text names them.
    pub fn speaker(&self) -> Option<&str> {
        self.details.as_ref()?.speaker.as_deref()
    }

    /// The key counts are grouped by: the outcome where there is one ("killed"), else the noun ("passengers").
    pub fn key(&self) -> &'static str {
        count_key(self.outcome(), self.noun())
    }

    /// The interval to compare with other sources ([`Interval::comparable`]).
    pub fn comparable(&self, opts: &CountOptions) -> Interval {
        self.interval.comparable(self.round, opts)
    }
}

/// A word of the count tables ("passengers", "killed", "rose to") in two bytes, where a
/// `&'static str` takes sixteen: a run keeps every document's counts until the checks run.
/// It is the word's index in [`count_words`], plus one (so that `Option<Word>` is two
/// bytes too).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Word(NonZeroU16);

impl Word {
    fn of(word: &'static str) -> Word {
        static NUMBERS: LazyLock<FxHashMap<&'static str, Word>> = LazyLock::new(|| {
            (1..)
                .zip(count_words())
                .map(|(n, &w)| {
                    let n = u16::try_from(n).expect("the count tables have fewer than 65,535 words");
                    (w, Word(NonZeroU16::new(n).expect("numbered from 1")))
                })
                .collect()
        });
        *NUMBERS.get(word).expect("a count's words come from the count tables")
    }

    fn as_str(self) -> &'static str {
        count_words()[usize::from(self.0.get()) - 1]
    }
}

impl fmt::Debug for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt(f)
    }
}

/// Counted nouns that belong to a holder: two parties' seats are not one count.
const HELD: &[&str] = &[
    "seats",
    "votes",
    "medals",
    "points",
    "goals",
    "delegates",
    "members",
    "mandates",
];

/// Verbs between a holder and its count: "Civic Renewal won 71 seats".
const HOLDING_VERBS: &[&str] = &[
    "won", "wins", "win", "took", "takes", "secured", "secures", "gained", "gains", "got", "gets", "received",
    "receives", "holds", "held", "has", "had", "claimed", "claims", "captured", "earned", "scored", "finished",
    "ended", "with", "on",
];

/// Extracts count claims from one sentence of `text`; `published` anchors relative days.
pub fn extract(
    ctx: &Context,
    text: &str,
    sentence: &Sentence,
    published: Option<Date>,
    opts: &CountOptions,
    out: &mut Vec<CountClaim>,
) {
    let tokens = &ctx.seg.tokens;
    let range = sentence.tokens.clone();
    let slice = &tokens[range.clone()];
    let counts = find_counts(slice, opts);
    if counts.is_empty() {
        return;
    }
    let lx = &ctx.pack.lexicon;
    let event = cue(tokens, range.clone(), lx);
    let day = as_of(slice, published);
    // Headlines drop "at least": "Quake kills 9" is at least nine.
    let headline = matches!(sentence.block_kind, BlockKind::Title | BlockKind::Heading);
    for mut count in counts {
        if headline && let Some(n) = count.interval.as_exact() {
            count.interval = Interval {
                hi: f64::INFINITY,
                hi_open: true,
                ..Interval::exact(n)
            };
            count.round = false;
        }
        let held = count.noun.is_some_and(|n| HELD.contains(&n));
        // A share with a holder is that holder's total: "Civic Renewal won 71 of the 180 seats".
        if count.role != CountRole::Total && !(held && count.role == CountRole::Subset) {
            continue;
        }
        let start = range.start + count.tokens.start;
        let end = range.start + count.tokens.end;
        let mut cues = Cues::default();
        let forced = context_cues(ctx.seg, sentence, lx, start, start, end, &mut cues);
        // Hedges and plans inside the count's own words: "the toll could be as many as 90".
        // (Not every cue word: "were" in "people were missing" is no subjunctive.)
        for t in &tokens[start..end] {
            if lx.hedge.contains(&t.norm) || lx.planned.contains(&t.norm) {
                cues.absorb(&t.norm, lx);
            }
        }
        let modality = forced.unwrap_or_else(|| cues.modality());
        let holder = if held {
            match holder(slice, count.tokens.start) {
                Some(h) => Some(h),
                // Whose seats? Without a holder the count cannot be compared.
                None => continue,
            }
        } else {
            None
        };
        let speaker = match (&modality, &cues.speaker) {
            (Modality::Reported, Some(span)) => text.get(span.clone()).map(crate::text::fold),
            _ => None,
        };
        let written = text.get(count.number.clone()).unwrap_or_default().into();
        let CountMention {
            span,
            interval,
            round,
            vague,
            noun,
            outcome,
            qualifiers,
            update,
            is_part,
            ..
        } = count;
        let qualifiers: Box<[Box<str>]> = qualifiers.into_iter().map(String::into_boxed_str).collect();
        let details = CountDetails {
            qualifiers,
            holder: holder.map(String::into_boxed_str),
            speaker: speaker.map(String::into_boxed_str),
        };
        out.push(CountClaim {
            span,
            interval,
            round,
            vague,
            is_part,
            noun: noun.map(Word::of),
            outcome: outcome.map(Word::of),
            update: update.map(Word::of),
            details: (details != CountDetails::default()).then(|| Box::new(details)),
            modality,
            cue: event.clone(),
            day,
            written,
        });
    }
}

/// The day a sentence gives its figures for: "by Sunday night", "as of Tuesday".
/// Without such a cutoff a figure is as of its text's date (the check supplies it).
fn as_of(tokens: &[Token], published: Option<Date>) -> Option<Date> {
    let published = published?;
    for (i, t) in tokens.iter().enumerate() {
        let cutoff = t.norm == "by" || (t.norm == "as" && tokens.get(i + 1).is_some_and(|n| n.norm == "of"));
        if !cutoff {
            continue;
        }
        let next = if t.norm == "as" { i + 2 } else { i + 1 };
        if let Some(day) = tokens.get(next).and_then(|n| crate::source::weekday(&n.norm)) {
            // The most recent such day on or before publication.
            let back = (published.weekday().to_monday_zero_offset() - day.to_monday_zero_offset()).rem_euclid(7);
            return published.checked_sub(jiff::Span::new().days(i64::from(back))).ok();
        }
    }
    None
}

/// Who holds the count starting at token `at`: "Civic Renewal won 71 seats",
/// "gave Civic Renewal 71 of the 180 seats", "Civic Renewal: 71 seats".
fn holder(tokens: &[Token], at: usize) -> Option<String> {
    let name_before = |end: usize| -> Option<String> {
        let mut start = end;
        while start > 0 && tokens[start - 1].capitalized && tokens[start - 1].kind == TokenKind::Word {
            start -= 1;
        }
        // A capitalised sentence opener alone ("The") is not a name.
        let words: Vec<&str> = tokens[start..end].iter().map(|t| t.norm.as_str()).collect();
        let pronoun_only = words.len() == 1 && matches!(words[0], "the" | "a" | "it" | "they");
        (!words.is_empty() && !pronoun_only).then(|| words.join(" "))
    };
    let mut k = at;
    // Skip the approximator and determiners between the verb and the number: "won only 12", "took just over 70".
    while k > 0
        && matches!(
            tokens[k - 1].norm.as_str(),
            "only" | "just" | "some" | "about" | "over" | "nearly"
        )
    {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let before = &tokens[k - 1];
    if before.norm == ":" {
        return name_before(k - 1);
    }
    if HOLDING_VERBS.contains(&before.norm.as_str()) {
        // "Civic Renewal, which won 71 seats": the name before the relative clause.
        if k >= 4 && matches!(tokens[k - 2].norm.as_str(), "which" | "who" | "that") && tokens[k - 3].norm == "," {
            return name_before(k - 3);
        }
        return name_before(k - 1);
    }
    if before.capitalized && before.kind == TokenKind::Word {
        // "gave Civic Renewal 71 of the 180 seats".
        let name = name_before(k)?;
        let name_start = k - name.split(' ').count();
        if name_start > 0
            && matches!(
                tokens[name_start - 1].norm.as_str(),
                "gave" | "gives" | "give" | "handed" | "awarded"
            )
        {
            return Some(name);
        }
    }
    None
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn table_words_round_trip_in_two_bytes() {
        assert_eq!(std::mem::size_of::<Option<Word>>(), 2);
        for &word in count_words() {
            assert_eq!(Word::of(word).as_str(), word);
        }
        assert_eq!(Word::of("people").as_str(), "people");
        assert_ne!(Word::of("killed"), Word::of("injured"));
    }
}

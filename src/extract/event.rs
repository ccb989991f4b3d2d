//! Event cues: which occurrence of an event a sentence is about.
//!
//! Two claims can only contradict each other when they are about the same
//! event. Articles about one story often mention others: the second round of
//! talks, last year's race, a 2009 sinking. A sentence that names an ordinal
//! part ("the second round", "Round 2") or a year ("in 2024", "last year's
//! edition") is about that occurrence; the check compares claims only when their
//! cues do not disagree.

use std::ops::Range;

use crate::pack::Lexicon;
use crate::text::{Token, TokenKind};

/// An ordinal part of a recurring event: (number, the part's noun) — (2, "round").
pub type Ordinal = (u32, String);

/// What a sentence says about which occurrence of an event it describes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EventCue {
    /// Boxed: rare, and every count, leader and date claim of a run keeps a cue to the end.
    pub ordinal: Option<Box<Ordinal>>,
    /// A year named in the sentence, absolute or relative to publication ("last year" = -1).
    pub year: Option<YearRef>,
}

/// A year as a text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearRef {
    Absolute(i32),
    /// Years from the publication year: "last year" is -1.
    Relative(i32),
}

impl YearRef {
    /// The calendar year, given the publication year where the reference is relative.
    pub fn resolve(self, published: Option<i32>) -> Option<i32> {
        match self {
            YearRef::Absolute(y) => Some(y),
            YearRef::Relative(d) => published.map(|p| p + d),
        }
    }
}

impl EventCue {
    /// Whether two cues can describe one occurrence; `years` are the publication years.
    pub fn compatible(&self, other: &EventCue, years: (Option<i32>, Option<i32>)) -> bool {
        if let (Some((a, noun_a)), Some((b, noun_b))) = (self.ordinal.as_deref(), other.ordinal.as_deref())
            && noun_a == noun_b
            && a != b
        {
            return false;
        }
        // A claim without a year is about its publication year.
        let year_a = self.year.and_then(|y| y.resolve(years.0)).or(years.0);
        let year_b = other.year.and_then(|y| y.resolve(years.1)).or(years.1);
        !matches!((year_a, year_b), (Some(a), Some(b)) if a != b)
    }
}

/// Ordinal words and their numbers.
const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
    ("5th", 5),
];

/// Reads the event cue of the tokens in `range`.
pub fn cue(tokens: &[Token], range: Range<usize>, lx: &Lexicon) -> EventCue {
    let mut out = EventCue::default();
    let slice = &tokens[range];
    for (i, t) in slice.iter().enumerate() {
        // "the second round", "its third edition", "the second and final round".
        if out.ordinal.is_none()
            && let Some(&(_, n)) = ORDINALS.iter().find(|(w, _)| t.norm == *w)
            && let Some(part) = slice[i + 1..].iter().take(3).find(|p| lx.event_parts.contains(&p.norm))
        {
            out.ordinal = Some(Box::new((n, part.norm.to_string())));
        }
        // "Round 2", "Stage 14".
        if out.ordinal.is_none()
            && lx.event_parts.contains(&t.norm)
            && t.capitalized
            && let Some(n) = slice.get(i + 1).filter(|n| n.kind == TokenKind::Number)
            && let Ok(n) = n.norm.parse::<u32>()
        {
            out.ordinal = Some(Box::new((n, t.norm.to_string())));
        }
        if out.year.is_none() {
            out.year = year_at(slice, i);
        }
    }
    out
}

/// A year at token `i`: "2024", or "last year" / "next year" / "a year ago".
fn year_at(tokens: &[Token], i: usize) -> Option<YearRef> {
    let t = &tokens[i];
    if t.kind == TokenKind::Number && t.norm.len() == 4 {
        let year: i32 = t.norm.parse().ok()?;
        // "2,000" is tokenised as one number with a comma, so four plain digits in this
        // range read as a year, unless a unit follows ("1999 people").
        let counted = tokens
            .get(i + 1)
            .is_some_and(|n| n.kind == TokenKind::Word && !n.capitalized);
        let after_in = i > 0 && matches!(tokens[i - 1].norm.as_str(), "in" | "since" | "of" | "," | "the");
        if (1900..=2100).contains(&year) && (!counted || after_in) {
            return Some(YearRef::Absolute(year));
        }
    }
    if t.norm == "year" || t.norm == "year's" {
        let prev = i.checked_sub(1).map(|p| tokens[p].norm.as_str());
        match prev {
            Some("last" | "previous") => return Some(YearRef::Relative(-1)),
            Some("next") => return Some(YearRef::Relative(1)),
            _ => {}
        }
        if tokens.get(i + 1).is_some_and(|n| n.norm == "ago") && prev == Some("a") {
            return Some(YearRef::Relative(-1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;
    use crate::text::tokenize_str;

    fn cue_of(text: &str) -> EventCue {
        let pack = Pack::builtin().unwrap();
        let tokens = tokenize_str(text);
        cue(&tokens, 0..tokens.len(), &pack.lexicon)
    }

    #[test]
    fn reads_ordinal_parts() {
        let ordinal = |text| cue_of(text).ordinal.map(|o| *o);
        assert_eq!(ordinal("in the second round of talks"), Some((2, "round".into())));
        assert_eq!(ordinal("At the first round in Lindau"), Some((1, "round".into())));
        assert_eq!(ordinal("the second and final round"), Some((2, "round".into())));
        assert_eq!(ordinal("Round 3 opens on Monday"), Some((3, "round".into())));
        assert_eq!(ordinal("the first formal talks in years"), None);
        assert_eq!(ordinal("he came first"), None);
    }

    #[test]
    fn reads_years() {
        assert_eq!(
            cue_of("the 2009 sinking of the ferry").year,
            Some(YearRef::Absolute(2009))
        );
        assert_eq!(cue_of("up from 49 seats in 2021").year, Some(YearRef::Absolute(2021)));
        assert_eq!(cue_of("last year's race").year, Some(YearRef::Relative(-1)));
        assert_eq!(cue_of("as it did a year ago").year, Some(YearRef::Relative(-1)));
        assert_eq!(cue_of("1500 people marched").year, None);
        assert_eq!(cue_of("this year").year, None);
    }

    #[test]
    fn compatibility() {
        let round = |n| EventCue {
            ordinal: Some(Box::new((n, "round".into()))),
            year: None,
        };
        let plain = EventCue::default();
        let y = (Some(2025), Some(2025));
        assert!(!round(1).compatible(&round(2), y));
        assert!(round(1).compatible(&round(1), y));
        assert!(round(1).compatible(&plain, y));
        let last_year = EventCue {
            ordinal: None,
            year: Some(YearRef::Relative(-1)),
        };
        assert!(!last_year.compatible(&plain, y));
        assert!(last_year.compatible(&plain, (Some(2025), Some(2024))));
        assert!(plain.compatible(&plain, (None, Some(2024))));
    }
}

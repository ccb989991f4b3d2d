//! Dates in prose, resolved against the publication date.
//!
//! "Thursday", "last week", "mid-May" and "May 15" only mean a day once we
//! know when the article was written. Reading happens in two steps: a
//! [`DateExpr`] is what the words say ("the Thursday before the anchor"),
//! and [`DateExpr::resolve`] turns it into an inclusive [`DateRange`] given the
//! publication date and the sentence's [`Tense`]. Keeping the two apart lets a
//! caller re-resolve an expression against another anchor: "postponed from
//! Thursday to Friday" means the Friday after that Thursday.
//!
//! Month and weekday names are shared with the publication-date parser in
//! [`crate::source`]; numeric dates are read only where they are unambiguous
//! ("2025-05-15", "15/05/2025"), never "05/06/2025".

use std::ops::Range;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::phrases::{PhraseIndex, norms_at};
use super::quantity::{CountOptions, may_start_quantity, parse_quantity};
use crate::pack::WordSet;
use crate::source::{is_full_name, month_number, weekday};
use crate::text::{Token, TokenKind};

// ───────────────────────────── vocabulary ─────────────────────────────

/// Single days named relative to the publication date.
const RELATIVE_DAYS: &[(&[&str], i32)] = &[
    (&["the", "day", "before", "yesterday"], -2),
    (&["the", "day", "after", "tomorrow"], 2),
    (&["yesterday"], -1),
    (&["last", "night"], -1),
    (&["today"], 0),
    (&["tonight"], 0),
    (&["this", "morning"], 0),
    (&["this", "afternoon"], 0),
    (&["this", "evening"], 0),
    (&["tomorrow"], 1),
];

/// "last", "this", "next" before a period or weekday, as an offset.
const DEICTICS: &[(&str, i32)] = &[("last", -1), ("past", -1), ("this", 0), ("next", 1), ("coming", 1)];

/// Parts of a day that may follow a weekday: "Monday night".
const PARTS_OF_DAY: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];

/// Parts of a month: "early May", "mid-May", "the end of May".
const MONTH_PARTS: &[(&[&str], Part)] = &[
    (&["early"], Part::Early),
    (&["mid"], Part::Mid),
    (&["late"], Part::Late),
    (&["the", "beginning", "of"], Part::Early),
    (&["the", "start", "of"], Part::Early),
    (&["the", "middle", "of"], Part::Mid),
    (&["the", "end", "of"], Part::Late),
];

/// Words before a bare month name that make it the month ("in May") rather
/// than a verb or a name ("may travel", "June Carter").
const MONTH_PREPOSITIONS: &[&str] = &[
    "in", "on", "of", "since", "until", "till", "by", "from", "to", "through", "during", "before", "after", "early",
    "mid", "late", "last", "next", "this", "between", "and",
];

/// Verbs and auxiliaries that say a sentence looks back or ahead; see [`guess_tense`].
const PAST_CUES: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "ago",
    "yesterday",
    "last",
    "took",
    "held",
    "met",
    "began",
];
const FUTURE_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "due",
    "scheduled",
    "slated",
    "expected",
    "plans",
    "planned",
    "upcoming",
    "tomorrow",
    "next",
    "going",
];

/// Status words of an event, longest first where they share a word.
const STATUS_CUES: &[(&[&str], StatusKind)] = &[
    (&["took", "place"], StatusKind::Held),
    (&["take", "place"], StatusKind::Held),
    (&["held"], StatusKind::Held),
    (&["sworn", "in"], StatusKind::Held),
    (&["presented", "with"], StatusKind::Held),
    (&["delivered"], StatusKind::Held),
    (&["handed", "down"], StatusKind::Held),
    (&["happened"], StatusKind::Held),
    (&["met"], StatusKind::Held),
    (&["convened"], StatusKind::Held),
    (&["opened"], StatusKind::Held),
    (&["began"], StatusKind::Held),
    (&["started"], StatusKind::Held),
    (&["ended"], StatusKind::Held),
    (&["concluded"], StatusKind::Held),
    (&["underway"], StatusKind::Underway),
    (&["under", "way"], StatusKind::Underway),
    (&["ongoing"], StatusKind::Underway),
    (&["in", "progress"], StatusKind::Underway),
    (&["will", "be", "held"], StatusKind::Scheduled),
    (&["to", "be", "held"], StatusKind::Scheduled),
    (&["will", "take", "place"], StatusKind::Scheduled),
    (&["scheduled"], StatusKind::Scheduled),
    (&["slated"], StatusKind::Scheduled),
    (&["set", "for"], StatusKind::Scheduled),
    (&["due"], StatusKind::Scheduled),
    (&["planned"], StatusKind::Scheduled),
    (&["postponed"], StatusKind::Postponed),
    (&["delayed"], StatusKind::Postponed),
    (&["pushed", "back"], StatusKind::Postponed),
    (&["put", "off"], StatusKind::Postponed),
    (&["rescheduled"], StatusKind::Postponed),
    (&["moved"], StatusKind::Postponed),
    (&["deferred"], StatusKind::Postponed),
    (&["cancelled"], StatusKind::Cancelled),
    (&["canceled"], StatusKind::Cancelled),
    (&["called", "off"], StatusKind::Cancelled),
    (&["scrapped"], StatusKind::Cancelled),
    (&["abandoned"], StatusKind::Cancelled),
];

/// Words before a schedule that make it the original one, replaced later: "initially scheduled for".
const ORIGINAL_CUES: &[&str] = &["initially", "originally", "previously", "first", "earlier"];

/// Days a year-less date or a past/future hint may miss by: time zones, a
/// dateline a day off, a "past" event reported the evening before.
const SLACK_DAYS: i32 = 7;

// ───────────────────────────── types ─────────────────────────────

/// Whether the sentence around a date looks back or ahead; it decides which
/// Thursday "on Thursday" is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// How finely a mention pins its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    Day,
    /// A week, a weekend, or a third of a month ("mid-May").
    Week,
    Month,
    Year,
}

/// Inclusive civil dates: a single day has `start == end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

impl DateRange {
    pub fn day(date: Date) -> DateRange {
        DateRange { start: date, end: date }
    }

    /// Whether some day lies in both ranges.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A stretch of a week, month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Whole,
    /// Days 1–10 of a month.
    Early,
    /// Days 11–20.
    Mid,
    /// Day 21 to the end.
    Late,
    /// "earlier this week": from the period's start to the day before the anchor.
    BeforeAnchor,
    /// "later this month": from the day after the anchor to the period's end.
    AfterAnchor,
    /// Saturday and Sunday of a week.
    Weekend,
}

/// What a date mention says, before it is resolved against an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// A calendar day: "May 15", "15 May 2025", "Thursday, May 15", "2025-05-15".
    /// The weekday is the one written next to the date, if any.
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
    },
    /// A month or part of one: "in May", "May 2025", "mid-May", "the end of June".
    Month { year: Option<i16>, month: i8, part: Part },
    /// Days from the anchor: "yesterday" is −1, "tomorrow" 1, "three days ago" −3.
    DayOffset(i32),
    /// A weekday: "Thursday", "on Monday night" (`offset: None`), "last Friday"
    /// (−1), "this Friday" (0), "next Friday" (1).
    Weekday { weekday: Weekday, offset: Option<i32> },
    /// A week relative to the anchor's (Monday to Sunday): "this week", "last weekend", "two weeks ago".
    Week { offset: i32, part: Part },
    /// A month relative to the anchor's: "last month", "earlier this month".
    RelMonth { offset: i32, part: Part },
    /// A year relative to the anchor's: "last year", "earlier this year".
    RelYear { offset: i32, part: Part },
}

/// A date written next to a weekday that falls on another day: "Friday, May 15, 2025".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayMismatch {
    pub written: Weekday,
    pub actual: Weekday,
}

/// A date found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte range in the document: "Thursday, May 15", "last week", "Monday night".
    pub span: Range<usize>,
    /// Token indices into the slice given to [`find_date_mentions`].
    pub tokens: Range<usize>,
    pub expr: DateExpr,
    /// The days meant; `None` when the expression needs a publication date and
    /// there is none, or names no real day ("February 30").
    pub range: Option<DateRange>,
    pub precision: Precision,
    /// A calendar date written out ("May 15") rather than one relative to the
    /// publication date ("Thursday", "last week").
    pub explicit: bool,
    /// Set when a written weekday disagrees with the date it accompanies.
    pub weekday_mismatch: Option<WeekdayMismatch>,
}

// ───────────────────────────── resolution ─────────────────────────────

impl DateExpr {
    /// How finely the expression pins its date.
    pub fn precision(&self) -> Precision {
        match self {
            DateExpr::Day { .. } | DateExpr::DayOffset(_) | DateExpr::Weekday { .. } => Precision::Day,
            DateExpr::Week { .. } => Precision::Week,
            DateExpr::Month {
                part: Part::Early | Part::Mid | Part::Late,
                ..
            } => Precision::Week,
            DateExpr::Month { .. } | DateExpr::RelMonth { .. } => Precision::Month,
            DateExpr::RelYear { .. } => Precision::Year,
        }
    }

    /// Whether the expression is a calendar date rather than one relative to the anchor.
    pub fn is_explicit(&self) -> bool {
        matches!(self, DateExpr::Day { .. } | DateExpr::Month { .. })
    }

    fn has_year(&self) -> bool {
        matches!(
            self,
            DateExpr::Day { year: Some(_), .. } | DateExpr::Month { year: Some(_), .. }
        )
    }

    /// The days meant, read from `anchor` (the publication date).
    ///
    /// A calendar date with a year needs no anchor. Without a year it takes the
    /// anchor's year, or the one before or after when that is nearer in the
    /// direction `tense` points: "Dec. 28" in an article of January 3 is last
    /// December. A bare weekday is the nearest such day on or before the anchor
    /// for [`Tense::Past`], on or after it for [`Tense::Future`], and for
    /// [`Tense::Unknown`] the nearest in either direction (the anchor's own day
    /// if it matches; otherwise at most three days back or three ahead, since a
    /// weekday four days back is three days ahead). "last Friday" is the Friday
    /// before the anchor, "next Friday" the one after, "this Friday" the one in
    /// the anchor's week (weeks run Monday to Sunday).
    pub fn resolve(&self, anchor: Option<Date>, tense: Tense) -> Option<DateRange> {
        match *self {
            DateExpr::Day {
                year: Some(year),
                month,
                day,
                ..
            } => Date::new(year, month, day).ok().map(DateRange::day),
            DateExpr::Day {
                year: None, month, day, ..
            } => {
                let anchor = anchor?;
                let candidates =
                    [-1, 0, 1].map(|dy| Date::new(anchor.year() + dy, month, day).ok().map(DateRange::day));
                pick_year(candidates, anchor, tense)
            }
            DateExpr::Month {
                year: Some(year),
                month,
                part,
            } => month_part(Date::new(year, month, 1).ok()?, part, None),
            DateExpr::Month {
                year: None,
                month,
                part,
            } => {
                let anchor = anchor?;
                let candidates = [-1, 0, 1].map(|dy| {
                    Date::new(anchor.year() + dy, month, 1)
                        .ok()
                        .and_then(|first| month_part(first, part, None))
                });
                pick_year(candidates, anchor, tense)
            }
            DateExpr::DayOffset(days) => Some(DateRange::day(anchor?.checked_add(days.days()).ok()?)),
            DateExpr::Weekday { weekday, offset } => {
                let anchor = anchor?;
                let date = match offset {
                    Some(-1) => anchor.nth_weekday(-1, weekday).ok()?,
                    Some(1) => anchor.nth_weekday(1, weekday).ok()?,
                    Some(_) => week_start(anchor)?
                        .checked_add(i32::from(weekday.to_monday_zero_offset()).days())
                        .ok()?,
                    None => nearest_weekday(anchor, weekday, tense)?,
                };
                Some(DateRange::day(date))
            }
            DateExpr::Week { offset, part } => {
                let anchor = anchor?;
                let start = week_start(anchor)?.checked_add((offset * 7).days()).ok()?;
                let end = start.checked_add(6.days()).ok()?;
                let range = DateRange { start, end };
                match part {
                    Part::Weekend => Some(DateRange {
                        start: start.checked_add(5.days()).ok()?,
                        end,
                    }),
                    _ => around_anchor(range, part, anchor),
                }
            }
            DateExpr::RelMonth { offset, part } => {
                let anchor = anchor?;
                let first = anchor.first_of_month().checked_add(offset.months()).ok()?;
                month_part(first, part, Some(anchor))
            }
            DateExpr::RelYear { offset, part } => {
                let anchor = anchor?;
                let year = anchor.year().checked_add(i16::try_from(offset).ok()?)?;
                let range = DateRange {
                    start: Date::new(year, 1, 1).ok()?,
                    end: Date::new(year, 12, 31).ok()?,
                };
                around_anchor(range, part, anchor)
            }
        }
    }
}

/// The Monday of the anchor's week.
fn week_start(date: Date) -> Option<Date> {
    let back = i32::from(date.weekday().to_monday_zero_offset());
    date.checked_sub(back.days()).ok()
}

fn nearest_weekday(anchor: Date, weekday: Weekday, tense: Tense) -> Option<Date> {
    if anchor.weekday() == weekday {
        return Some(anchor);
    }
    let before = anchor.nth_weekday(-1, weekday).ok()?;
    let after = anchor.nth_weekday(1, weekday).ok()?;
    Some(match tense {
        Tense::Past => before,
        Tense::Future => after,
        Tense::Unknown => {
            if anchor.since(before).ok()?.get_days() <= after.since(anchor).ok()?.get_days() {
                before
            } else {
                after
            }
        }
    })
}

/// Chooses among the same date in the anchor's year and its neighbours.
fn pick_year(candidates: [Option<DateRange>; 3], anchor: Date, tense: Tense) -> Option<DateRange> {
    let slack = SLACK_DAYS.days();
    let late = anchor.checked_add(slack).ok()?;
    let early = anchor.checked_sub(slack).ok()?;
    let mut valid = candidates.into_iter().flatten();
    match tense {
        // The latest that has begun by the anchor (give or take the slack).
        Tense::Past => valid.rfind(|r| r.start <= late),
        // The earliest that has not ended before it.
        Tense::Future => valid.find(|r| r.end >= early),
        Tense::Unknown => valid.min_by_key(|r| distance_days(r, anchor)),
    }
}

/// Days from `anchor` to the nearest day of `range` (0 when inside).
fn distance_days(range: &DateRange, anchor: Date) -> i32 {
    if range.contains(anchor) {
        0
    } else if anchor < range.start {
        range.start.since(anchor).map_or(i32::MAX, |s| s.get_days())
    } else {
        anchor.since(range.end).map_or(i32::MAX, |s| s.get_days())
    }
}

/// A part of the month that starts on `first`; `anchor` is needed for "earlier/later this month".
fn month_part(first: Date, part: Part, anchor: Option<Date>) -> Option<DateRange> {
    let last = first.last_of_month();
    let day = |d: i8| first.with().day(d).build().ok();
    let range = match part {
        Part::Whole | Part::BeforeAnchor | Part::AfterAnchor | Part::Weekend => DateRange {
            start: first,
            end: last,
        },
        Part::Early => DateRange {
            start: first,
            end: day(10)?,
        },
        Part::Mid => DateRange {
            start: day(11)?,
            end: day(20)?,
        },
        Part::Late => DateRange {
            start: day(21)?,
            end: last,
        },
    };
    match (part, anchor) {
        (Part::BeforeAnchor | Part::AfterAnchor, Some(anchor)) => around_anchor(range, part, anchor),
        _ => Some(range),
    }
}

/// Cuts a period at the anchor for "earlier this …" and "later this …".
///
/// When nothing is left ("earlier this week" on a Monday) the period's first
/// or last day is kept rather than failing: the words still place the event
/// near that edge.
fn around_anchor(range: DateRange, part: Part, anchor: Date) -> Option<DateRange> {
    match part {
        Part::BeforeAnchor => {
            let end = anchor.yesterday().ok()?.max(range.start).min(range.end);
            Some(DateRange {
                start: range.start,
                end,
            })
        }
        Part::AfterAnchor => {
            let start = anchor.tomorrow().ok()?.min(range.end).max(range.start);
            Some(DateRange { start, end: range.end })
        }
        _ => Some(range),
    }
}

// ───────────────────────────── reading ─────────────────────────────

/// Finds the dates in one sentence's tokens and resolves them against the publication date.
///
/// "The talks, first set for Thursday, May 15, moved to next week" gives
/// "Thursday, May 15" (explicit, a day) and "next week" (relative, a week).
/// Without a publication date relative mentions are still reported, with `range: None`.
pub fn find_date_mentions(tokens: &[Token], published: Option<Date>, tense: Tense) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !may_start_date(tokens, i) {
            i += 1;
            continue;
        }
        let Some((expr, start, end)) = parse_date(tokens, i) else {
            i += 1;
            continue;
        };
        let range = expr.resolve(published, tense);
        // "February 30" is no date at all; "May 15" without a publication date is only unresolved.
        if range.is_none() && expr.is_explicit() && (published.is_some() || expr.has_year()) {
            i = end;
            continue;
        }
        let weekday_mismatch = match (expr, range) {
            (
                DateExpr::Day {
                    weekday: Some(written), ..
                },
                Some(range),
            ) if range.start.weekday() != written => Some(WeekdayMismatch {
                written,
                actual: range.start.weekday(),
            }),
            _ => None,
        };
        out.push(DateMention {
            span: tokens[start].span.start..tokens[end - 1].span.end,
            tokens: start..end,
            expr,
            range,
            precision: expr.precision(),
            explicit: expr.is_explicit(),
            weekday_mismatch,
        });
        i = end;
    }
    out
}

/// Whether [`parse_date`] could read a date at token `i`: every date expression starts
/// with a capitalised word (a weekday, a month), a figure ("15", "15th", "2025-05-15"),
/// a number phrase ("two days ago") or one of a few words ("the", "last", "early",
/// "in"…). Most tokens are none of these, and the parsers are not tried there.
fn may_start_date(tokens: &[Token], i: usize) -> bool {
    static FIRST_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        let words = RELATIVE_DAYS.iter().map(|(words, _)| words[0]);
        let words = words.chain(MONTH_PARTS.iter().map(|(words, _)| words[0]));
        let words = words.chain(DEICTICS.iter().map(|(word, _)| *word));
        let words = words.chain(["the", "earlier", "later", "in", "a", "an"]);
        words.map(str::to_string).collect()
    });
    let t = &tokens[i];
    // A figure is a number phrase's start too: `may_start_quantity` tells it.
    t.capitalized || FIRST_WORDS.contains(&t.norm) || may_start_quantity(tokens, i)
}

/// Reads a date expression at or just after token `i`; returns it with the token range it covers.
fn parse_date(tokens: &[Token], i: usize) -> Option<(DateExpr, usize, usize)> {
    if let Some((expr, end)) = calendar(tokens, i) {
        return Some((expr, i, end));
    }
    if let Some((expr, end)) = relative(tokens, i) {
        return Some((expr, i, end));
    }
    None
}

/// "Thursday, May 15, 2025", "15 May", "mid-May", "in June", "2025-05-15".
fn calendar(tokens: &[Token], i: usize) -> Option<(DateExpr, usize)> {
    // A weekday written before a date: "Thursday, May 15", "Thu. 15 May".
    if let Some(wd) = weekday_at(tokens, i) {
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|t| t.is(".")) {
            j += 1;
        }
        if tokens.get(j).is_some_and(|t| t.is(",")) {
            j += 1;
        }
        if let Some((DateExpr::Day { year, month, day, .. }, end)) = calendar_day(tokens, j) {
            return Some((
                DateExpr::Day {
                    year,
                    month,
                    day,
                    weekday: Some(wd),
                },
                end,
            ));
        }
    }
    if let Some(found) = calendar_day(tokens, i) {
        return Some(found);
    }
    if let Some(found) = numeric_date(tokens, i) {
        return Some(found);
    }
    // "early May", "mid-May", "the end of June".
    let (part, j) = match MONTH_PARTS.iter().find(|(words, _)| norms_at(tokens, i, words)) {
        Some(&(words, part)) => {
            let mut j = i + words.len();
            if tokens.get(j).is_some_and(|t| t.is("-")) {
                j += 1;
            }
            (part, j)
        }
        None => (Part::Whole, i),
    };
    let month = month_at(tokens, j)?;
    let year = year_at(tokens, j + 1);
    let in_context = part != Part::Whole
        || year.is_some()
        || j.checked_sub(1)
            .is_some_and(|p| MONTH_PREPOSITIONS.contains(&tokens[p].norm.as_str()));
    if !in_context || !is_full_name(&tokens[j].norm) {
        return None;
    }
    let end = if year.is_some() { j + 2 } else { j + 1 };
    Some((DateExpr::Month { year, month, part }, end))
}

/// "May 15", "May 15th, 2025", "15 May 2025", "the 15th of May".
fn calendar_day(tokens: &[Token], i: usize) -> Option<(DateExpr, usize)> {
    // An optional comma, then a year: "May 15, 2025".
    let with_year = |month: i8, day: i8, after: usize| {
        let comma = usize::from(tokens.get(after).is_some_and(|t| t.is(",")));
        let (year, end) = match year_at(tokens, after + comma) {
            Some(year) => (Some(year), after + comma + 1),
            None => (None, after),
        };
        let expr = DateExpr::Day {
            year,
            month,
            day,
            weekday: None,
        };
        (expr, end)
    };
    if let Some(month) = month_at(tokens, i)
        && let Some(day) = day_at(tokens, i + 1)
    {
        return Some(with_year(month, day, i + 2));
    }
    let start = if tokens.get(i).is_some_and(|t| t.is("the")) {
        i + 1
    } else {
        i
    };
    let day = day_at(tokens, start)?;
    let of = usize::from(tokens.get(start + 1).is_some_and(|t| t.is("of")));
    let month = month_at(tokens, start + 1 + of)?;
    Some(with_year(month, day, start + 2 + of))
}

/// ISO "2025-05-15" and slashed dates whose order is unambiguous ("15/05/2025", "5/15/2025").
fn numeric_date(tokens: &[Token], i: usize) -> Option<(DateExpr, usize)> {
    let parts: Vec<&Token> = tokens.get(i..i + 5)?.iter().collect();
    let glued = parts.windows(2).all(|w| w[0].span.end == w[1].span.start);
    let numbers = [parts[0], parts[2], parts[4]];
    if !glued || numbers.iter().any(|t| t.kind != TokenKind::Number) || parts[1].norm != parts[3].norm {
        return None;
    }
    let value = |t: &Token| t.norm.parse::<i16>().ok();
    let (a, b, c) = (value(numbers[0])?, value(numbers[1])?, value(numbers[2])?);
    let (year, month, day) = match parts[1].norm.as_str() {
        "-" if numbers[0].norm.len() == 4 => (a, b, c),
        "/" if numbers[2].norm.len() == 4 && a > 12 && b <= 12 => (c, b, a),
        "/" if numbers[2].norm.len() == 4 && b > 12 && a <= 12 => (c, a, b),
        _ => return None,
    };
    let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
    Some((
        DateExpr::Day {
            year: Some(year),
            month,
            day,
            weekday: None,
        },
        i + 5,
    ))
}

/// "yesterday", "last Friday", "on Monday night", "this week", "earlier this month", "two days ago".
fn relative(tokens: &[Token], i: usize) -> Option<(DateExpr, usize)> {
    if let Some(&(words, days)) = RELATIVE_DAYS.iter().find(|(words, _)| norms_at(tokens, i, words)) {
        return Some((DateExpr::DayOffset(days), i + words.len()));
    }
    // "earlier this week", "later this year".
    let (part, j) = match tokens.get(i).map(|t| t.norm.as_str()) {
        Some("earlier") if tokens.get(i + 1).is_some_and(|t| t.is("this")) => (Part::BeforeAnchor, i + 1),
        Some("later") if tokens.get(i + 1).is_some_and(|t| t.is("this")) => (Part::AfterAnchor, i + 1),
        _ => (Part::Whole, i),
    };
    if let Some(offset) = tokens.get(j).and_then(|t| lookup(DEICTICS, &t.norm)) {
        let period = tokens.get(j + 1).map(|t| t.norm.as_str());
        let expr = match period {
            Some("week") => Some(DateExpr::Week { offset, part }),
            Some("weekend") if part == Part::Whole => Some(DateExpr::Week {
                offset,
                part: Part::Weekend,
            }),
            Some("month") => Some(DateExpr::RelMonth { offset, part }),
            Some("year") => Some(DateExpr::RelYear { offset, part }),
            _ => None,
        };
        if let Some(expr) = expr {
            return Some((expr, j + 2));
        }
        if part == Part::Whole
            && let Some(weekday) = full_weekday_at(tokens, j + 1)
        {
            return Some((
                DateExpr::Weekday {
                    weekday,
                    offset: Some(offset),
                },
                part_of_day_end(tokens, j + 2),
            ));
        }
    }
    if let Some(weekday) = full_weekday_at(tokens, i) {
        return Some((
            DateExpr::Weekday { weekday, offset: None },
            part_of_day_end(tokens, i + 1),
        ));
    }
    // "two days ago", "a week ago", "in three days".
    let (sign, n_at) = if tokens.get(i).is_some_and(|t| t.is("in")) {
        (1, i + 1)
    } else {
        (-1, i)
    };
    let n = if tokens.get(n_at).is_some_and(|t| t.is("a") || t.is("an")) {
        Some((1, n_at + 1))
    } else {
        parse_quantity(tokens, n_at, &CountOptions::default()).and_then(|q| {
            let n = q.interval.as_exact().filter(|_| !q.vague)?;
            (n.fract() == 0.0 && n < 1000.0).then_some((n as i32, q.tokens.end))
        })
    };
    let (n, unit_at) = n?;
    let unit = tokens.get(unit_at)?.norm.trim_end_matches('s');
    let ago = tokens.get(unit_at + 1).is_some_and(|t| t.is("ago"));
    if (sign == -1) != ago {
        return None;
    }
    let end = unit_at + 1 + usize::from(ago);
    let offset = sign * n;
    let expr = match unit {
        "day" => DateExpr::DayOffset(offset),
        "week" => DateExpr::Week {
            offset,
            part: Part::Whole,
        },
        "month" => DateExpr::RelMonth {
            offset,
            part: Part::Whole,
        },
        "year" => DateExpr::RelYear {
            offset,
            part: Part::Whole,
        },
        _ => return None,
    };
    Some((expr, end))
}

/// Extends a weekday over a following "night", "morning"…
fn part_of_day_end(tokens: &[Token], i: usize) -> usize {
    if tokens.get(i).is_some_and(|t| PARTS_OF_DAY.contains(&t.norm.as_str())) {
        i + 1
    } else {
        i
    }
}

/// A capitalised month name or abbreviation: "May", "Sept.", "Dec"; "may" the verb is lowercase.
///
/// Abbreviations are accepted only with a day ("Dec. 28"): a month on its own
/// ("in March") must be written in full, see [`calendar`].
fn month_at(tokens: &[Token], i: usize) -> Option<i8> {
    let t = tokens.get(i)?;
    if !t.capitalized || !t.is_word() {
        return None;
    }
    month_number(&t.norm)
}

/// A weekday name or capitalised abbreviation (used only before a calendar date).
fn weekday_at(tokens: &[Token], i: usize) -> Option<Weekday> {
    let t = tokens.get(i)?;
    (t.capitalized && t.is_word()).then(|| weekday(&t.norm)).flatten()
}

/// A weekday written in full: "Thursday" on its own is a date, "Thu" is not.
fn full_weekday_at(tokens: &[Token], i: usize) -> Option<Weekday> {
    weekday_at(tokens, i).filter(|_| is_full_name(&tokens[i].norm))
}

/// A day of the month: "15", "15th", "1st".
fn day_at(tokens: &[Token], i: usize) -> Option<i8> {
    let t = tokens.get(i)?;
    let digits = match t.kind {
        TokenKind::Number => t.norm.as_str(),
        TokenKind::Word => ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|suffix| t.norm.strip_suffix(suffix))
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?,
        TokenKind::Punct => return None,
    };
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let day: i8 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year: "2025".
fn year_at(tokens: &[Token], i: usize) -> Option<i16> {
    let t = tokens.get(i)?;
    if t.kind != TokenKind::Number || t.norm.len() != 4 {
        return None;
    }
    t.norm.parse::<i16>().ok().filter(|y| (1000..=2999).contains(y))
}

fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

/// A rough tense for a sentence, from auxiliaries and time words: enough to
/// choose between last Thursday and next Thursday. Returns
/// [`Tense::Unknown`] when the cues disagree or there are none.
pub fn guess_tense(tokens: &[Token]) -> Tense {
    let has = |cues: &[&str]| tokens.iter().any(|t| cues.contains(&t.norm.as_str()));
    match (has(PAST_CUES), has(FUTURE_CUES)) {
        (true, false) => Tense::Past,
        (false, true) => Tense::Future,
        _ => Tense::Unknown,
    }
}

// ───────────────────────────── event status ─────────────────────────────

/// The kind of status word, before its dates are attached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusKind {
    Held,
    Underway,
    Scheduled,
    Postponed,
    Cancelled,
}

/// What a sentence says happened to an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// "held", "took place", "met", "began".
    Held,
    /// "underway", "ongoing".
    Underway,
    /// "scheduled for", "will be held", "due".
    Scheduled,
    /// "postponed from Thursday to Friday": the original and new dates where given.
    Postponed {
        from: Option<DateRange>,
        to: Option<DateRange>,
    },
    /// "cancelled", "called off".
    Cancelled,
}

/// A status word with the dates attached to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventStatus {
    pub status: Status,
    /// Byte range of the status words: "took place", "postponed".
    pub span: Range<usize>,
    /// "was not held", "never took place".
    pub negated: bool,
    /// The dates nearest this status word, in sentence order.
    pub dates: Vec<DateMention>,
}

/// Finds status words in one sentence and attaches its dates to them.
///
/// Each date goes to the nearest status word. For a postponement, a date
/// after "from", before the status word, or attached to an original schedule
/// ("initially scheduled for Thursday, May 15, they were postponed to
/// Friday") is the original date; a date after "to", "until" or "for" is the
/// new one, and a new weekday is read as the first such day after the
/// original date.
///
/// `tense` is asked for only when the sentence has status words, which most do not.
pub fn event_statuses(tokens: &[Token], published: Option<Date>, tense: impl FnOnce() -> Tense) -> Vec<EventStatus> {
    let cues = find_cues(tokens);
    if cues.is_empty() {
        return Vec::new();
    }
    let postponed = cues.iter().any(|c| c.kind == StatusKind::Postponed);
    // Postponements move scheduled events, so their dates are read without a tense.
    let tense = if postponed { Tense::Unknown } else { tense() };
    let dates = find_date_mentions(tokens, published, tense);

    let mut attached: Vec<Vec<DateMention>> = vec![Vec::new(); cues.len()];
    for date in &dates {
        let nearest = (0..cues.len())
            .min_by_key(|&c| gap(&cues[c].tokens, &date.tokens))
            .expect("cues is not empty");
        attached[nearest].push(date.clone());
    }

    let mut out = Vec::new();
    let mut original: Option<DateRange> = None;
    for (cue, dates) in cues.iter().zip(attached) {
        let status = match cue.kind {
            StatusKind::Held => Status::Held,
            StatusKind::Underway => Status::Underway,
            StatusKind::Cancelled => Status::Cancelled,
            StatusKind::Scheduled if cue.original && postponed => {
                // Folded into the postponement that follows.
                original = dates.iter().find_map(|d| d.range);
                continue;
            }
            StatusKind::Scheduled => Status::Scheduled,
            StatusKind::Postponed => {
                let (from, to) = postponement(tokens, cue, &dates, published);
                Status::Postponed {
                    from: from.or(original),
                    to,
                }
            }
        };
        out.push(EventStatus {
            status,
            span: tokens[cue.tokens.start].span.start..tokens[cue.tokens.end - 1].span.end,
            negated: cue.negated,
            dates,
        });
    }
    // An original schedule named after the postponement: "postponed to Friday; it was originally set for Thursday".
    if let Some(original) = original {
        for status in &mut out {
            if let Status::Postponed { from: from @ None, .. } = &mut status.status {
                *from = Some(original);
            }
        }
    }
    out
}

struct Cue {
    kind: StatusKind,
    tokens: Range<usize>,
    negated: bool,
    /// "initially scheduled": the plan that a postponement replaced.
    original: bool,
}

fn find_cues(tokens: &[Token]) -> Vec<Cue> {
    static CUES: LazyLock<PhraseIndex<StatusKind>> = LazyLock::new(|| PhraseIndex::new(STATUS_CUES));
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((kind, len)) = CUES.longest_at(tokens, i) else {
            i += 1;
            continue;
        };
        let before = |n: usize| tokens[i.saturating_sub(n)..i].iter();
        let negated = before(2).any(|t| matches!(t.norm.as_str(), "not" | "never") || t.norm.ends_with("n't"));
        let original = before(2).any(|t| ORIGINAL_CUES.contains(&t.norm.as_str()));
        out.push(Cue {
            kind,
            tokens: i..i + len,
            negated,
            original,
        });
        i += len;
    }
    out
}

/// Tokens between two ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The original and new dates of a postponement among the dates attached to its cue.
fn postponement(
    tokens: &[Token],
    cue: &Cue,
    dates: &[DateMention],
    published: Option<Date>,
) -> (Option<DateRange>, Option<DateRange>) {
    let mut from = None;
    let mut to_expr = None;
    for date in dates {
        let before = date.tokens.start.checked_sub(1).map(|k| tokens[k].norm.as_str());
        // "from Thursday", "from Thursday, May 15".
        let before = if before == Some("on") {
            date.tokens.start.checked_sub(2).map(|k| tokens[k].norm.as_str())
        } else {
            before
        };
        match before {
            Some("from") => from = from.or(date.range),
            Some("to" | "until" | "till" | "for") if date.tokens.start >= cue.tokens.end => {
                to_expr = to_expr.or(Some(date));
            }
            _ if date.tokens.end <= cue.tokens.start => from = from.or(date.range),
            _ => {}
        }
    }
    let to = to_expr.and_then(|date| match (date.expr, from) {
        // "to Friday" after an original Thursday: the Friday after it.
        (DateExpr::Weekday { weekday, offset: None }, Some(from)) => {
            from.start.nth_weekday(1, weekday).ok().map(DateRange::day)
        }
        (expr, _) if !expr.is_explicit() => expr.resolve(published, Tense::Future),
        _ => date.range,
    });
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize_str;
    use jiff::civil::date;

    /// `may_start_date` turns a token away only where no parser reads a date: checked on
    /// pseudo-random sentences of date words, figures, number words and others.
    #[test]
    fn dates_start_only_where_the_filter_lets_them() {
        let alphabet = [
            "Thursday",
            "Thu.",
            "May",
            "may",
            "Sept.",
            "June",
            "15",
            "15th",
            "1st",
            "2025",
            "2025-05-15",
            "5/15/2025",
            "the",
            "of",
            "day",
            "before",
            "after",
            "yesterday",
            "tomorrow",
            "last",
            "this",
            "next",
            "coming",
            "past",
            "week",
            "weekend",
            "month",
            "year",
            "night",
            "morning",
            "early",
            "mid",
            "-",
            "late",
            "end",
            "start",
            "earlier",
            "later",
            "in",
            "a",
            "an",
            "two",
            "three",
            "dozen",
            "days",
            "weeks",
            "ago",
            "about",
            ",",
            ".",
            "on",
            "held",
            "talks",
            "Monday",
            "Oslo",
        ];
        let words: Vec<String> = alphabet.iter().map(|w| format!("{w} ")).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut dates = 0;
        let written = [
            "in three days",
            "in a week",
            "two days ago",
            "the 15th of May",
            "mid-May",
            "early June 2025",
            "the end of June",
            "last Friday",
            "this week",
            "earlier this month",
            "Thursday, May 15, 2025",
            "2025-05-15",
            "15 May",
            "the day before yesterday",
            "tonight",
            "next weekend",
        ];
        for phrase in written {
            assert!(parse_date(&tokenize_str(phrase), 0).is_some(), "{phrase:?}");
        }
        let random = crate::test_support::random_strings(0x2f6b_9c3d_41e7_a805, 100_000, 7, &words);
        for text in written.into_iter().map(String::from).chain(random) {
            let tokens = tokenize_str(&text);
            for i in 0..tokens.len() {
                if parse_date(&tokens, i).is_some() {
                    dates += 1;
                    assert!(may_start_date(&tokens, i), "{text:?} at {i}");
                }
            }
        }
        assert!(dates > 1000, "{dates}");
    }

    /// Thursday 15 May 2025: the week runs Monday 12 to Sunday 18.
    const PUB: Date = date(2025, 5, 15);

    fn mentions_at(text: &str, published: Option<Date>, tense: Tense) -> Vec<DateMention> {
        find_date_mentions(&tokenize_str(text), published, tense)
    }

    fn one_at(text: &str, published: Option<Date>, tense: Tense) -> DateMention {
        let found = mentions_at(text, published, tense);
        assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
        found.into_iter().next().unwrap()
    }

    /// The single date range in `text`, published on [`PUB`].
    fn range(text: &str, tense: Tense) -> DateRange {
        one_at(text, Some(PUB), tense)
            .range
            .unwrap_or_else(|| panic!("{text:?} did not resolve"))
    }

    fn day(text: &str, tense: Tense) -> Date {
        let r = range(text, tense);
        assert_eq!(r.start, r.end, "{text:?} is not one day: {r:?}");
        r.start
    }

    fn span(start: Date, end: Date) -> DateRange {
        DateRange { start, end }
    }

    use Tense::{Future, Past, Unknown};

    // ── absolute dates ──

    #[test]
    fn calendar_days() {
        for text in [
            "The talks opened on May 15.",
            "The talks opened on 15 May.",
            "The talks opened on May 15, 2025.",
            "The talks opened on 15 May 2025.",
            "The talks opened on May 15th.",
            "The talks opened on the 15th of May.",
            "The talks opened on 2025-05-15.",
            "The talks opened on 15/05/2025.",
            "The talks opened on 5/15/2025.",
        ] {
            let m = one_at(text, Some(PUB), Unknown);
            assert_eq!(m.range, Some(DateRange::day(PUB)), "{text:?}");
            assert!(m.explicit, "{text:?}");
            assert_eq!(m.precision, Precision::Day, "{text:?}");
            assert_eq!(m.weekday_mismatch, None, "{text:?}");
        }
        assert_eq!(day("They met on Sept. 3.", Unknown), date(2025, 9, 3));
        assert_eq!(day("They met on Dec 3.", Past), date(2024, 12, 3));
    }

    #[test]
    fn spans() {
        let text = "The talks opened on Thursday, May 15, 2025 in Geneva.";
        let m = one_at(text, Some(PUB), Unknown);
        assert_eq!(&text[m.span], "Thursday, May 15, 2025");
        let text = "They arrived on Monday night.";
        assert_eq!(&text[one_at(text, Some(PUB), Past).span], "Monday night");
        let text = "Prices rose earlier this month.";
        assert_eq!(&text[one_at(text, Some(PUB), Past).span], "earlier this month");
    }

    #[test]
    fn weekday_and_date_agree_or_are_flagged() {
        let m = one_at("The talks opened on Thursday, May 15.", Some(PUB), Unknown);
        assert_eq!(m.weekday_mismatch, None);
        let m = one_at("The talks opened on Thu. 15 May 2025.", None, Unknown);
        assert_eq!(m.weekday_mismatch, None);
        let m = one_at("The talks opened on Friday, May 15, 2025.", None, Unknown);
        assert_eq!(m.range, Some(DateRange::day(PUB)), "the written date wins");
        assert_eq!(
            m.weekday_mismatch,
            Some(WeekdayMismatch {
                written: Weekday::Friday,
                actual: Weekday::Thursday
            })
        );
    }

    #[test]
    fn ambiguous_numeric_dates_are_skipped() {
        for text in [
            "Filed 05/06/2025 at noon.",
            "Filed 5/6/2025.",
            "Open 24/7 for callers.",
            "Seasons 2024/25.",
        ] {
            assert_eq!(mentions_at(text, Some(PUB), Unknown), vec![], "{text:?}");
        }
    }

    #[test]
    fn months_and_parts() {
        let may = span(date(2025, 5, 1), date(2025, 5, 31));
        assert_eq!(range("Talks resume in May.", Unknown), may);
        assert_eq!(range("Talks resumed in May 2025.", Unknown), may);
        let m = one_at("Talks resume in May.", Some(PUB), Unknown);
        assert_eq!((m.precision, m.explicit), (Precision::Month, true));
        assert_eq!(
            range("Talks resume in mid-May.", Unknown),
            span(date(2025, 5, 11), date(2025, 5, 20))
        );
        assert_eq!(
            one_at("Talks resume in mid-May.", Some(PUB), Unknown).precision,
            Precision::Week
        );
        assert_eq!(
            range("Talks resume in early June.", Future),
            span(date(2025, 6, 1), date(2025, 6, 10))
        );
        assert_eq!(
            range("Talks resume at the end of May.", Unknown),
            span(date(2025, 5, 21), date(2025, 5, 31))
        );
        assert_eq!(
            range("Talks began in late February.", Past),
            span(date(2025, 2, 21), date(2025, 2, 28))
        );
    }

    #[test]
    fn invalid_dates_are_dropped() {
        assert_eq!(mentions_at("Due on February 30, 2025.", None, Unknown), vec![]);
        assert_eq!(mentions_at("Due on February 30.", Some(PUB), Unknown), vec![]);
        assert_eq!(mentions_at("Due on 2025-13-01.", None, Unknown), vec![]);
        assert_eq!(day("Born on Feb. 29.", Past), date(2024, 2, 29), "the last leap day");
    }

    #[test]
    fn not_dates() {
        for text in [
            "Zelensky may travel to Istanbul.",
            "The March on the capital drew crowds.",
            "June Carter sang.",
            "Mayor Adams spoke.",
            "The Sun reported it.",
            "He sat down.",
            "In 2025 the talks resumed.",
            "Article 5 applies.",
            "He will march next to them.",
            "They won 3-1.",
        ] {
            assert_eq!(mentions_at(text, Some(PUB), Unknown), vec![], "{text:?}");
        }
    }

    // ── year inference ──

    #[test]
    fn year_wraps_at_new_year() {
        let jan3 = date(2026, 1, 3);
        for tense in [Past, Unknown] {
            let m = one_at("The fire started on Dec. 28.", Some(jan3), tense);
            assert_eq!(m.range, Some(DateRange::day(date(2025, 12, 28))), "{tense:?}");
        }
        let dec28 = date(2025, 12, 28);
        for tense in [Future, Unknown] {
            let m = one_at("The vote is on Jan. 5.", Some(dec28), tense);
            assert_eq!(m.range, Some(DateRange::day(date(2026, 1, 5))), "{tense:?}");
        }
        let m = one_at("The vote was held on Jan. 5.", Some(dec28), Past);
        assert_eq!(m.range, Some(DateRange::day(date(2025, 1, 5))));
        let m = one_at("Talks were held in December.", Some(jan3), Past);
        assert_eq!(m.range, Some(span(date(2025, 12, 1), date(2025, 12, 31))));
        // A past event dated a day after publication (time zones): still this year.
        let m = one_at("Talks were held on May 16.", Some(PUB), Past);
        assert_eq!(m.range, Some(DateRange::day(date(2025, 5, 16))));
    }

    #[test]
    fn without_a_publication_date() {
        let m = one_at("The talks opened on Thursday.", None, Past);
        assert_eq!((m.range, m.explicit), (None, false));
        assert_eq!(one_at("The talks opened on May 15.", None, Past).range, None);
        assert_eq!(one_at("The talks opened yesterday.", None, Past).range, None);
        assert_eq!(
            one_at("The talks opened on May 15, 2025.", None, Past).range,
            Some(DateRange::day(PUB))
        );
    }

    // ── relative dates ──

    #[test]
    fn relative_days() {
        assert_eq!(day("They met yesterday.", Past), date(2025, 5, 14));
        assert_eq!(day("They meet today.", Unknown), PUB);
        assert_eq!(day("They meet tomorrow.", Future), date(2025, 5, 16));
        assert_eq!(day("They met last night.", Past), date(2025, 5, 14));
        assert_eq!(day("They met the day before yesterday.", Past), date(2025, 5, 13));
        assert_eq!(day("They met two days ago.", Past), date(2025, 5, 13));
        assert_eq!(day("They met 10 days ago.", Past), date(2025, 5, 5));
        assert_eq!(day("They meet in three days.", Future), date(2025, 5, 18));
        let m = one_at("They met yesterday.", Some(PUB), Past);
        assert_eq!((m.explicit, m.precision), (false, Precision::Day));
    }

    #[test]
    fn weekdays_follow_the_tense() {
        // Published on a Thursday.
        assert_eq!(day("They met on Thursday.", Past), PUB);
        assert_eq!(day("They meet on Thursday.", Future), PUB);
        assert_eq!(day("They met on Monday.", Past), date(2025, 5, 12));
        assert_eq!(day("They meet on Monday.", Future), date(2025, 5, 19));
        assert_eq!(
            day("Talks on Monday.", Unknown),
            date(2025, 5, 12),
            "3 days back beats 4 ahead"
        );
        assert_eq!(
            day("Talks on Sunday.", Unknown),
            date(2025, 5, 18),
            "3 days ahead beats 4 back"
        );
        assert_eq!(day("Talks on Sunday.", Past), date(2025, 5, 11));
        assert_eq!(day("They met on Monday night.", Past), date(2025, 5, 12));
        assert_eq!(day("Monday's talks ended.", Past), date(2025, 5, 12));
    }

    #[test]
    fn last_this_next_weekday() {
        assert_eq!(day("They met last Friday.", Unknown), date(2025, 5, 9));
        assert_eq!(day("They met last Thursday.", Unknown), date(2025, 5, 8), "not today");
        assert_eq!(day("They meet next Friday.", Unknown), date(2025, 5, 16));
        assert_eq!(day("They meet next Thursday.", Unknown), date(2025, 5, 22));
        assert_eq!(day("They meet this Friday.", Unknown), date(2025, 5, 16));
        assert_eq!(day("They met this Monday.", Unknown), date(2025, 5, 12));
    }

    #[test]
    fn weekdays_across_month_and_year_boundaries() {
        // Thursday 1 January 2026.
        let new_year = date(2026, 1, 1);
        let m = one_at("They met on Monday.", Some(new_year), Past);
        assert_eq!(m.range, Some(DateRange::day(date(2025, 12, 29))));
        let m = one_at("They met last Friday.", Some(new_year), Unknown);
        assert_eq!(m.range, Some(DateRange::day(date(2025, 12, 26))));
        // Wednesday 31 December 2025.
        let m = one_at("They meet on Friday.", Some(date(2025, 12, 31)), Future);
        assert_eq!(m.range, Some(DateRange::day(date(2026, 1, 2))));
        // Monday 2 June 2025: last Saturday is in May.
        let m = one_at("They met on Saturday.", Some(date(2025, 6, 2)), Past);
        assert_eq!(m.range, Some(DateRange::day(date(2025, 5, 31))));
    }

    #[test]
    fn weeks() {
        assert_eq!(
            range("They met this week.", Unknown),
            span(date(2025, 5, 12), date(2025, 5, 18))
        );
        assert_eq!(
            range("They met last week.", Past),
            span(date(2025, 5, 5), date(2025, 5, 11))
        );
        assert_eq!(
            range("They meet next week.", Future),
            span(date(2025, 5, 19), date(2025, 5, 25))
        );
        assert_eq!(
            range("They met earlier this week.", Past),
            span(date(2025, 5, 12), date(2025, 5, 14))
        );
        assert_eq!(
            range("They meet later this week.", Future),
            span(date(2025, 5, 16), date(2025, 5, 18))
        );
        assert_eq!(
            range("They meet this weekend.", Future),
            span(date(2025, 5, 17), date(2025, 5, 18))
        );
        assert_eq!(
            range("They met last weekend.", Past),
            span(date(2025, 5, 10), date(2025, 5, 11))
        );
        assert_eq!(
            range("They met two weeks ago.", Past),
            span(date(2025, 4, 28), date(2025, 5, 4))
        );
        let m = one_at("They met last week.", Some(PUB), Past);
        assert_eq!((m.precision, m.explicit), (Precision::Week, false));
        // "earlier this week" on a Monday keeps the Monday.
        let m = one_at("They met earlier this week.", Some(date(2025, 5, 12)), Past);
        assert_eq!(m.range, Some(DateRange::day(date(2025, 5, 12))));
    }

    #[test]
    fn months_and_years_relative() {
        assert_eq!(
            range("They met last month.", Past),
            span(date(2025, 4, 1), date(2025, 4, 30))
        );
        assert_eq!(
            range("They meet next month.", Future),
            span(date(2025, 6, 1), date(2025, 6, 30))
        );
        assert_eq!(
            range("They met earlier this month.", Past),
            span(date(2025, 5, 1), date(2025, 5, 14))
        );
        assert_eq!(
            range("They meet later this month.", Future),
            span(date(2025, 5, 16), date(2025, 5, 31))
        );
        assert_eq!(
            range("They met last year.", Past),
            span(date(2024, 1, 1), date(2024, 12, 31))
        );
        assert_eq!(
            range("They met three months ago.", Past),
            span(date(2025, 2, 1), date(2025, 2, 28))
        );
        let m = one_at("They met last month.", Some(date(2026, 1, 10)), Past);
        assert_eq!(m.range, Some(span(date(2025, 12, 1), date(2025, 12, 31))));
        assert_eq!(
            one_at("They met last year.", Some(PUB), Past).precision,
            Precision::Year
        );
    }

    #[test]
    fn several_dates_in_one_sentence() {
        let found = mentions_at(
            "Talks planned for Thursday, May 15 moved to next week, not to June.",
            Some(PUB),
            Unknown,
        );
        let exprs: Vec<Precision> = found.iter().map(|m| m.precision).collect();
        assert_eq!(exprs, vec![Precision::Day, Precision::Week, Precision::Month]);
    }

    #[test]
    fn tense_guess() {
        assert_eq!(guess_tense(&tokenize_str("The talks will open on Monday.")), Future);
        assert_eq!(guess_tense(&tokenize_str("The talks were held on Monday.")), Past);
        assert_eq!(guess_tense(&tokenize_str("Talks on Monday.")), Unknown);
    }

    // ── event status ──

    fn statuses(text: &str, tense: Tense) -> Vec<EventStatus> {
        event_statuses(&tokenize_str(text), Some(PUB), || tense)
    }

    fn one_status(text: &str, tense: Tense) -> EventStatus {
        let found = statuses(text, tense);
        assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn held_with_its_date() {
        let s = one_status("The talks were held on Thursday in Geneva.", Past);
        assert_eq!(s.status, Status::Held);
        assert_eq!(s.dates.len(), 1);
        assert_eq!(s.dates[0].range, Some(DateRange::day(PUB)));
        assert!(!s.negated);
        let text = "The summit took place on May 12.";
        let s = one_status(text, Past);
        assert_eq!((&text[s.span.clone()], &s.status), ("took place", &Status::Held));
        assert_eq!(s.dates[0].range, Some(DateRange::day(date(2025, 5, 12))));
    }

    #[test]
    fn negated_status() {
        let s = one_status("The talks did not take place on Friday.", Past);
        assert_eq!(s.status, Status::Held);
        assert!(s.negated);
    }

    #[test]
    fn other_statuses() {
        assert_eq!(
            one_status("Talks are underway in Geneva.", Unknown).status,
            Status::Underway
        );
        assert_eq!(one_status("The final was called off.", Past).status, Status::Cancelled);
        assert_eq!(
            one_status("The match was cancelled on Monday.", Past).status,
            Status::Cancelled
        );
        let s = one_status("The talks will be held on Monday.", Future);
        assert_eq!(s.status, Status::Scheduled);
        assert_eq!(s.dates[0].range, Some(DateRange::day(date(2025, 5, 19))));
    }

    #[test]
    fn postponed_from_to() {
        let s = one_status("The summit was postponed from Thursday, May 15 to Friday.", Past);
        assert_eq!(
            s.status,
            Status::Postponed {
                from: Some(DateRange::day(PUB)),
                to: Some(DateRange::day(date(2025, 5, 16))),
            }
        );
        // Published the Saturday after: "to Friday" is still the day after the original Thursday.
        let found = event_statuses(
            &tokenize_str("The talks were moved from Thursday to Friday."),
            Some(date(2025, 5, 17)),
            || Past,
        );
        assert_eq!(
            found[0].status,
            Status::Postponed {
                from: Some(DateRange::day(PUB)),
                to: Some(DateRange::day(date(2025, 5, 16))),
            }
        );
    }

    #[test]
    fn postponed_after_an_original_schedule() {
        let s = one_status(
            "Initially scheduled for Thursday, May 15, the talks were postponed to Friday.",
            Past,
        );
        assert_eq!(
            s.status,
            Status::Postponed {
                from: Some(DateRange::day(PUB)),
                to: Some(DateRange::day(date(2025, 5, 16))),
            }
        );
    }

    #[test]
    fn postponed_with_partial_dates() {
        let s = one_status("Thursday's vote was postponed until next month.", Past);
        assert_eq!(
            s.status,
            Status::Postponed {
                from: Some(DateRange::day(PUB)),
                to: Some(span(date(2025, 6, 1), date(2025, 6, 30))),
            }
        );
        let s = one_status("The vote was delayed.", Past);
        assert_eq!(s.status, Status::Postponed { from: None, to: None });
    }

    #[test]
    fn no_status_no_output() {
        assert_eq!(statuses("The weather was fine on Thursday.", Past), vec![]);
    }
}

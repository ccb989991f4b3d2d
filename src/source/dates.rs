//! Absolute calendar dates written in prose.
//!
//! Regexes find candidates; jiff decides whether a candidate is a real date, so
//! "13/45/2025" and "February 30, 2025" are dropped rather than guessed at.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};

/// Month names and abbreviations; the longest spelling is tried first.
///
/// Word boundaries are ASCII (`(?-u:\b)`): the names are ASCII, and a Unicode
/// boundary would force the regex engine off its fast path on every curly quote.
const MONTH: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY: &str =
    r"(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)";
/// Whitespace that may hold at most one line break: a date can wrap in a
/// hard-wrapped paragraph but never spans a blank line (a block boundary).
const SP1: &str = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)";
const SEP: &str = r"[^\S\n]*,?[^\S\n]*(?:\n[^\S\n]*)?";

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let wd = format!(r"(?:(?-u:\b)(?P<wd>{WEEKDAY})(?-u:\b)\.?[^\S\n]*,?{SP1})?");
    let pattern = format!(
        r"{wd}(?-u:\b)(?P<mon>{MONTH})(?-u:\b)\.?{SP1}(?P<day>[0-9]{{1,2}})(?i:st|nd|rd|th)?(?-u:\b){SEP}(?P<year>[0-9]{{4}})"
    );
    Regex::new(&pattern).expect("month-first date pattern is valid")
});

static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let wd = format!(r"(?:(?-u:\b)(?P<wd>{WEEKDAY})(?-u:\b)\.?[^\S\n]*,?{SP1})?");
    let pattern = format!(
        r"{wd}(?-u:\b)(?P<day>[0-9]{{1,2}})(?i:st|nd|rd|th)?{SP1}(?:(?i:of){SP1})?(?P<mon>{MONTH})(?-u:\b)\.?[^\S\n]*,?{SP1}(?P<year>[0-9]{{4}})"
    );
    Regex::new(&pattern).expect("day-first date pattern is valid")
});

static US_NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<mon>[0-9]{1,2})/(?P<day>[0-9]{1,2})/(?P<year>[0-9]{4})").expect("numeric date pattern is valid")
});

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<year>[0-9]{4})-(?P<mon>[0-9]{2})-(?P<day>[0-9]{2})").expect("ISO date pattern is valid")
});

/// Words that may introduce a date on a line of its own ("Published: May 16, 2025").
static DATE_LINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:last|first)\s+)?(?:published|updated|posted|modified|dated|date|released)(?:\s+on)?\s*[:\-–—|]?\s*",
    )
    .expect("date-line prefix pattern is valid")
});

static ISO_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<year>[0-9]{4})[-/.](?P<mon>[0-9]{1,2})[-/.](?P<day>[0-9]{1,2})(?:$|[Tt ])")
        .expect("date value pattern is valid")
});

/// Finds every absolute date mentioned in `text`, with byte spans into `text`.
///
/// Accepted: "May 15, 2025", "Thursday, May 15, 2025", "15 May 2025", "Sept. 3, 2025",
/// "May 15th, 2025", "5/15/2025" (US month/day/year) and "2025-05-15". A date needs a
/// day and a four-digit year, so "May 2025" and the verb in "may travel" are not dates;
/// a weekday that contradicts the date rejects the whole mention.
pub fn find_dates(text: &str) -> Vec<(Range<usize>, Date)> {
    let mut found: Vec<(Range<usize>, Date)> = Vec::new();
    for caps in MONTH_FIRST.captures_iter(text) {
        push_named(text, &caps, &mut found);
    }
    for caps in DAY_FIRST.captures_iter(text) {
        push_named(text, &caps, &mut found);
    }
    for caps in US_NUMERIC.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if preceded_by(text, whole.start(), |c| c.is_alphanumeric() || c == '/') {
            continue;
        }
        if !year_end_ok(text, &caps) {
            continue;
        }
        if let Some(date) = numeric_date(&caps) {
            found.push((whole.range(), date));
        }
    }
    for caps in ISO.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if preceded_by(text, whole.start(), char::is_alphanumeric)
            || text[whole.end()..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        if let Some(date) = numeric_date(&caps) {
            found.push((whole.range(), date));
        }
    }
    // The patterns can overlap ("15 May 2025" inside a longer mention): keep the
    // earliest, then the longest, and drop anything that overlaps a kept one.
    found.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut kept: Vec<(Range<usize>, Date)> = Vec::with_capacity(found.len());
    for (span, date) in found {
        if kept.last().is_some_and(|(last, _)| span.start < last.end) {
            continue;
        }
        kept.push((span, date));
    }
    kept
}

/// Reads a front-matter date value: ISO ("2025-05-15", "2025-05-15T10:00:00Z",
/// "2025/05/15") or any form `find_dates` accepts, starting the value.
pub(crate) fn parse_date_value(value: &str) -> Option<Date> {
    let value = value.trim();
    if let Some(caps) = ISO_PREFIX.captures(value) {
        return numeric_date(&caps);
    }
    find_dates(value)
        .into_iter()
        .next()
        .filter(|(span, _)| span.start == 0)
        .map(|(_, date)| date)
}

/// The longest line that can hold only a date and its prefix
/// ("Published: Wednesday, September 17, 2025 at 10:45 a.m." is under this).
const DATE_LINE_MAX: usize = 80;

/// Returns the date on `line` if the line holds nothing else, apart from an
/// optional "Published"/"Updated"/"Posted"/"Date:" prefix. The span is relative to `line`.
pub(crate) fn date_only_line(line: &str) -> Option<(Range<usize>, Date)> {
    let trimmed_start = line.len() - line.trim_start().len();
    let body = line.trim();
    // A line of prose is no date line: skip the regexes for anything long or digit-free.
    if body.len() > DATE_LINE_MAX || !body.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let prefix = DATE_LINE_PREFIX.find(body).map_or(0, |m| m.end());
    let rest = &body[prefix..];
    let rest = rest.trim_end_matches(|c: char| c == '.' || c == '|' || c.is_whitespace());
    if rest.is_empty() {
        return None;
    }
    let mut dates = find_dates(rest);
    if dates.len() != 1 {
        return None;
    }
    let (span, date) = dates.remove(0);
    if span.start != 0 || span.end != rest.len() {
        return None;
    }
    let offset = trimmed_start + prefix;
    Some((span.start + offset..span.end + offset, date))
}

fn push_named(text: &str, caps: &Captures<'_>, found: &mut Vec<(Range<usize>, Date)>) {
    let Some(whole) = caps.get(0) else { return };
    if !year_end_ok(text, caps) {
        return;
    }
    let (Some(mon), Some(day), Some(year)) = (caps.name("mon"), caps.name("day"), caps.name("year")) else {
        return;
    };
    let (Some(month), Ok(day), Ok(year)) = (
        month_number(mon.as_str()),
        day.as_str().parse::<i8>(),
        year.as_str().parse::<i16>(),
    ) else {
        return;
    };
    let Ok(date) = Date::new(year, month, day) else {
        return;
    };
    if let Some(wd) = caps.name("wd")
        && weekday(wd.as_str()) != Some(date.weekday())
    {
        return;
    }
    found.push((whole.range(), date));
}

fn numeric_date(caps: &Captures<'_>) -> Option<Date> {
    let year = caps.name("year")?.as_str().parse::<i16>().ok()?;
    let month = caps.name("mon")?.as_str().parse::<i8>().ok()?;
    let day = caps.name("day")?.as_str().parse::<i8>().ok()?;
    Date::new(year, month, day).ok()
}

/// A year glued to a following digit is accepted only when it looks like a
/// modern year: scraped pages print "5/15/20256 min read", but "May 15, 12345" is no date.
fn year_end_ok(text: &str, caps: &Captures<'_>) -> bool {
    let Some(year) = caps.name("year") else {
        return false;
    };
    if !text[year.end()..].starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    matches!(&year.as_str()[..2], "19" | "20")
}

fn preceded_by(text: &str, at: usize, pred: impl Fn(char) -> bool) -> bool {
    text[..at].chars().next_back().is_some_and(pred)
}

/// Month names and the abbreviations [`MONTH`] accepts, with their numbers.
const MONTH_NAMES: &[(&str, i8)] = &[
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
    ("december", 12),
];

/// Weekday names and the abbreviations [`WEEKDAY`] accepts.
const WEEKDAY_NAMES: &[(&str, Weekday)] = &[
    ("mon", Weekday::Monday),
    ("monday", Weekday::Monday),
    ("tue", Weekday::Tuesday),
    ("tues", Weekday::Tuesday),
    ("tuesday", Weekday::Tuesday),
    ("wed", Weekday::Wednesday),
    ("wednesday", Weekday::Wednesday),
    ("thu", Weekday::Thursday),
    ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday),
    ("thursday", Weekday::Thursday),
    ("fri", Weekday::Friday),
    ("friday", Weekday::Friday),
    ("sat", Weekday::Saturday),
    ("saturday", Weekday::Saturday),
    ("sun", Weekday::Sunday),
    ("sunday", Weekday::Sunday),
];

/// The month a name or abbreviation stands for, in any case, with or without
/// a full stop: "Sept." and "SEPTEMBER" are 9; "Mayor" is no month.
pub(crate) fn month_number(name: &str) -> Option<i8> {
    lookup_name(MONTH_NAMES, name)
}

/// The weekday a name or abbreviation stands for: "Thu", "thurs.", "Thursday".
pub(crate) fn weekday(name: &str) -> Option<Weekday> {
    lookup_name(WEEKDAY_NAMES, name)
}

/// Whether the name is a full spelling rather than an abbreviation ("May", "June" count as full).
pub(crate) fn is_full_name(name: &str) -> bool {
    let key = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    key.len() > 4 || matches!(key.as_str(), "may" | "june" | "july")
}

fn lookup_name<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    let key = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    table.iter().find(|(n, _)| *n == key).map(|&(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn one(text: &str) -> Option<(String, Date)> {
        let found = find_dates(text);
        assert!(found.len() <= 1, "{text:?} gave {found:?}");
        found.into_iter().next().map(|(span, d)| (text[span].to_string(), d))
    }

    #[test]
    fn month_first_forms() {
        let may15 = date(2025, 5, 15);
        assert_eq!(one("on May 15, 2025 the"), Some(("May 15, 2025".into(), may15)));
        assert_eq!(one("May 15 2025"), Some(("May 15 2025".into(), may15)));
        assert_eq!(one("May 15th, 2025"), Some(("May 15th, 2025".into(), may15)));
        assert_eq!(
            one("Thursday, May 15, 2025."),
            Some(("Thursday, May 15, 2025".into(), may15))
        );
        assert_eq!(
            one("ISTANBUL, MAY 15, 2025 — The"),
            Some(("MAY 15, 2025".into(), may15))
        );
        assert_eq!(one("Sept. 3, 2025"), Some(("Sept. 3, 2025".into(), date(2025, 9, 3))));
        assert_eq!(one("Sept 3, 2025"), Some(("Sept 3, 2025".into(), date(2025, 9, 3))));
        assert_eq!(one("Sep. 3, 2025"), Some(("Sep. 3, 2025".into(), date(2025, 9, 3))));
        assert_eq!(
            one("September 3, 2025"),
            Some(("September 3, 2025".into(), date(2025, 9, 3)))
        );
        assert_eq!(one("Jan. 2, 2024"), Some(("Jan. 2, 2024".into(), date(2024, 1, 2))));
        assert_eq!(one("Feb 29, 2024"), Some(("Feb 29, 2024".into(), date(2024, 2, 29))));
        assert_eq!(
            one("Published: May 16, 2025"),
            Some(("May 16, 2025".into(), date(2025, 5, 16)))
        );
        // A hard-wrapped paragraph may break a date across lines.
        assert_eq!(one("on May\n15, 2025"), Some(("May\n15, 2025".into(), may15)));
        // Emphasis markers blanked out of Markdown leave extra spaces.
        assert_eq!(one("  May 15  , 2025"), Some(("May 15  , 2025".into(), may15)));
        assert_eq!(
            one("May\u{a0}15,\u{a0}2025"),
            Some(("May\u{a0}15,\u{a0}2025".into(), may15))
        );
    }

    #[test]
    fn day_first_forms() {
        assert_eq!(one("14 May 2025"), Some(("14 May 2025".into(), date(2025, 5, 14))));
        assert_eq!(
            one("14th of May, 2025"),
            Some(("14th of May, 2025".into(), date(2025, 5, 14)))
        );
        assert_eq!(
            one("Wednesday 14 May 2025"),
            Some(("Wednesday 14 May 2025".into(), date(2025, 5, 14)))
        );
        assert_eq!(one("3 Sept. 2025"), Some(("3 Sept. 2025".into(), date(2025, 9, 3))));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(one("5/15/2025"), Some(("5/15/2025".into(), date(2025, 5, 15))));
        assert_eq!(one("05/15/2025,"), Some(("05/15/2025".into(), date(2025, 5, 15))));
        assert_eq!(
            one("5/15/20256 min read"),
            Some(("5/15/2025".into(), date(2025, 5, 15)))
        );
        assert_eq!(one("2025-05-15"), Some(("2025-05-15".into(), date(2025, 5, 15))));
        assert_eq!(one("2025-05-15T10:00Z"), Some(("2025-05-15".into(), date(2025, 5, 15))));
    }

    #[test]
    fn negatives() {
        for text in [
            "Zelensky may travel to Istanbul",
            "in May 2025 alone",
            "May 15",
            "13/45/2025",
            "2/30/2025",
            "February 30, 2025",
            "Friday, May 15, 2025",
            "5/15/25",
            "May 15, 25",
            "Mayor 15, 2025",
            "112/5/2025",
            "2025-05-150",
            "x2025-05-15",
            "May 15, 12345",
            "May 15,\n\n2025",
            "May 152025",
            "١٥/٥/٢٠٢٥",
        ] {
            assert_eq!(find_dates(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn several_dates_in_order() {
        let text = "Talks on May 15, 2025 and 2025-05-16, then 16 May 2025 and 5/17/2025.";
        let dates: Vec<Date> = find_dates(text).into_iter().map(|(_, d)| d).collect();
        assert_eq!(
            dates,
            vec![
                date(2025, 5, 15),
                date(2025, 5, 16),
                date(2025, 5, 16),
                date(2025, 5, 17)
            ]
        );
    }

    #[test]
    fn date_values() {
        assert_eq!(parse_date_value("2025-05-15"), Some(date(2025, 5, 15)));
        assert_eq!(parse_date_value(" 2025-05-15T23:30:00-04:00 "), Some(date(2025, 5, 15)));
        assert_eq!(parse_date_value("2025-05-15 10:00:00 +0300"), Some(date(2025, 5, 15)));
        assert_eq!(parse_date_value("2025/5/15"), Some(date(2025, 5, 15)));
        assert_eq!(parse_date_value("May 15, 2025"), Some(date(2025, 5, 15)));
        assert_eq!(parse_date_value("yesterday"), None);
        assert_eq!(parse_date_value("2025-13-01"), None);
        assert_eq!(parse_date_value("20250515"), None);
    }

    #[test]
    fn names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("SEPTEMBER"), Some(9));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Marc"), None);
        assert_eq!(weekday("thurs."), Some(Weekday::Thursday));
        assert_eq!(weekday("Sunny"), None);
        assert!(is_full_name("June") && is_full_name("Thursday") && !is_full_name("Thu."));
    }

    #[test]
    fn date_lines() {
        let may16 = date(2025, 5, 16);
        assert_eq!(date_only_line("May 16, 2025"), Some((0..12, may16)));
        assert_eq!(date_only_line("  Published: May 16, 2025  "), Some((13..25, may16)));
        assert_eq!(date_only_line("Updated 16 May 2025."), Some((8..19, may16)));
        assert_eq!(date_only_line("Posted on 5/16/2025"), Some((10..19, may16)));
        assert_eq!(date_only_line("Date: 2025-05-16"), Some((6..16, may16)));
        assert_eq!(date_only_line("The talks on May 16, 2025 ended"), None);
        assert_eq!(date_only_line("Published"), None);
        assert_eq!(date_only_line(""), None);
    }
}

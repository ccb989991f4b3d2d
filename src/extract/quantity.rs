//! Counts: numbers in news prose, read as intervals, with what they count.
//!
//! "At least 30 dead", "nearly 250 people were killed" and "a death toll of 246"
//! are all claims about one count. This module reads each of them as an
//! [`Interval`] of whole numbers plus the noun and outcome it counts, so that a
//! check can ask the only question that matters: can both sources be right?
//!
//! Reading is token based (see [`crate::text`]): a number phrase is found
//! first ([`parse_quantity`]), then the words around it say what is counted
//! ([`find_counts`]). Numbers that are not counts — years, dates, times, ages,
//! percentages, money, ordinals, numbers inside names ("Group of 20", "Article
//! 5", "G7") — are skipped, and a number with no known noun or outcome is not
//! reported at all: silence is cheaper than a wrong count.
//!
//! The vocabulary lives in the tables at the top of this file, so that it can
//! move into the rule pack without touching the code.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use super::phrases::{PhraseIndex, WordIndex, norms_at};
use crate::pack::WordSet;
use crate::source::{month_number, weekday};
use crate::text::{Token, TokenKind};

// ───────────────────────────── vocabulary ─────────────────────────────

/// Number words below twenty.
const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

/// Tens, which may take a unit: "twenty-three", "forty five".
const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Multipliers written as words, after digits ("2.5 million") or number words ("two dozen").
const SCALES: &[(&str, f64)] = &[
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
];

/// Multipliers glued to digits: "1.5bn", "10k", "2m".
const SUFFIX_SCALES: &[(&str, f64)] = &[("k", 1e3), ("m", 1e6), ("mn", 1e6), ("bn", 1e9)];

/// Vague plurals of a unit, as `[lo, hi)`.
///
/// The lower bound is the literal one: "dozens" is at least two dozen. The
/// upper bound is where writers switch to the next wording up ("hundreds",
/// "more than a hundred"), placed generously: a linter that calls "dozens"
/// against "120" a conflict would be wrong more often than right, while
/// "dozens" against "300" is a real discrepancy. "hundreds" is `[200, 1000)`,
/// "thousands" `[2000, 10000)` and so on; "hundreds of thousands" multiplies
/// by the second word's unit (see [`PLURAL_UNITS`]).
const VAGUE_PLURALS: &[(&str, f64, f64)] = &[
    ("tens", 20.0, 100.0),
    ("dozens", 24.0, 150.0),
    ("scores", 40.0, 200.0),
    ("hundreds", 200.0, 1e3),
    ("thousands", 2e3, 1e4),
    ("millions", 2e6, 1e7),
    ("billions", 2e9, 1e10),
];

/// The unit a plural multiplies by in "hundreds of thousands", "tens of millions".
const PLURAL_UNITS: &[(&str, f64)] = &[("thousands", 1e3), ("millions", 1e6), ("billions", 1e9)];

/// Vague quantifiers, as `[lo, hi)`; when a scale word follows ("several
/// hundred", "a few dozen") both bounds are multiplied by it.
const VAGUE_PHRASES: &[(&[&str], f64, f64)] = &[
    (&["a", "handful"], 2.0, 10.0),
    (&["a", "few"], 2.0, 10.0),
    (&["several"], 3.0, 10.0),
    (&["a", "couple"], 2.0, 4.0),
];

/// How an approximator bends a number into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Approx {
    /// "more than N": (N, ∞).
    Above,
    /// "at least N": [N, ∞).
    AtLeast,
    /// "about N": N ± band.
    About,
    /// "nearly N": [N − band, N].
    Nearly,
    /// "just over N": (N, N + band].
    JustAbove,
    /// "just under N": [N − band, N).
    JustBelow,
    /// "up to N": [0, N].
    AtMost,
    /// "fewer than N": [0, N).
    Below,
}

/// Words before a number that make it approximate; the longest match wins.
const APPROXIMATORS: &[(&[&str], Approx)] = &[
    (&["more", "than"], Approx::Above),
    (&["over"], Approx::Above),
    (&["above"], Approx::Above),
    (&["well", "over"], Approx::Above),
    (&["well", "above"], Approx::Above),
    (&["upwards", "of"], Approx::Above),
    (&["in", "excess", "of"], Approx::Above),
    (&["just", "over"], Approx::JustAbove),
    (&["just", "above"], Approx::JustAbove),
    (&["slightly", "more", "than"], Approx::JustAbove),
    (&["at", "least"], Approx::AtLeast),
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["a", "minimum", "of"], Approx::AtLeast),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["roughly"], Approx::About),
    (&["approximately"], Approx::About),
    (&["some"], Approx::About),
    (&["an", "estimated"], Approx::About),
    (&["estimated"], Approx::About),
    (&["circa"], Approx::About),
    (&["nearly"], Approx::Nearly),
    (&["almost"], Approx::Nearly),
    (&["close", "to"], Approx::Nearly),
    (&["approaching"], Approx::Nearly),
    (&["just", "under"], Approx::JustBelow),
    (&["just", "below"], Approx::JustBelow),
    (&["slightly", "fewer", "than"], Approx::JustBelow),
    (&["up", "to"], Approx::AtMost),
    (&["as", "many", "as"], Approx::AtMost),
    (&["at", "most"], Approx::AtMost),
    (&["no", "more", "than"], Approx::AtMost),
    (&["a", "maximum", "of"], Approx::AtMost),
    (&["fewer", "than"], Approx::Below),
    (&["less", "than"], Approx::Below),
    (&["under"], Approx::Below),
    (&["below"], Approx::Below),
];

/// Shares of a written number: "half of the 18,400", "two-thirds of its 300".
const FRACTIONS: &[(&[&str], f64)] = &[
    (&["half"], 0.5),
    (&["a", "third"], 1.0 / 3.0),
    (&["one", "third"], 1.0 / 3.0),
    (&["two", "-", "thirds"], 2.0 / 3.0),
    (&["two", "thirds"], 2.0 / 3.0),
    (&["a", "quarter"], 0.25),
    (&["one", "quarter"], 0.25),
    (&["three", "-", "quarters"], 0.75),
    (&["three", "quarters"], 0.75),
];

/// Outcomes written as phrases: "reached the finish", "crossed the finish line".
const OUTCOME_PHRASES: &[(&[&str], &str)] = &[
    (&["reached", "the", "finish"], "finished"),
    (&["crossed", "the", "finish", "line"], "finished"),
    (&["completed", "the", "race"], "finished"),
    (&["finished", "the", "race"], "finished"),
    (&["taken", "to", "hospital"], "hospitalized"),
    (&["taken", "to", "the", "hospital"], "hospitalized"),
];

/// Words after a number that make it approximate: "30 or more", "100-plus", "50-odd".
const POST_APPROXIMATORS: &[(&[&str], Approx)] = &[
    (&["or", "more"], Approx::AtLeast),
    (&["-", "plus"], Approx::AtLeast),
    (&["+"], Approx::AtLeast),
    (&["and", "counting"], Approx::AtLeast),
    (&["or", "so"], Approx::About),
    (&["-", "odd"], Approx::About),
    (&["or", "fewer"], Approx::AtMost),
    (&["or", "less"], Approx::AtMost),
];

/// What happened to the counted: the word and its grouping key.
///
/// Used after a number ("30 dead", "12 people were injured") and before one
/// ("killing 12", "a death toll of 246", "the number of injured rose to 40").
const OUTCOMES: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("die", "killed"),
    ("deaths", "killed"),
    ("death", "killed"),
    ("fatalities", "killed"),
    ("killing", "killed"),
    ("kills", "killed"),
    ("kill", "killed"),
    ("perished", "killed"),
    ("toll", "killed"),
    ("injury", "injured"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("injuries", "injured"),
    ("injuring", "injured"),
    ("wounding", "injured"),
    ("injures", "injured"),
    ("casualties", "casualties"),
    ("hospitalized", "hospitalized"),
    ("hospitalised", "hospitalized"),
    ("missing", "missing"),
    ("unaccounted", "missing"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("arrests", "arrested"),
    ("arresting", "arrested"),
    ("detaining", "arrested"),
    ("evacuated", "evacuated"),
    ("evacuating", "evacuated"),
    ("displaced", "displaced"),
    ("displacing", "displaced"),
    ("rescued", "rescued"),
    ("rescuing", "rescued"),
    ("survived", "survived"),
    ("survivors", "survived"),
    ("hospital", "hospitalized"),
    ("treated", "treated"),
    ("finished", "finished"),
    ("finishers", "finished"),
    ("completed", "finished"),
    ("started", "started"),
    ("starters", "started"),
    ("registered", "registered"),
];

/// Things counted, and their grouping key. A multi-word noun is matched before its first word.
///
/// Nouns that key to "people" ("civilians", "soldiers") also stay on the
/// mention as qualifiers: "30 civilians" and "30 soldiers" are different counts.
const NOUNS: &[(&[&str], &str)] = &[
    (&["people"], "people"),
    (&["persons"], "people"),
    (&["person"], "people"),
    (&["individuals"], "people"),
    (&["civilians"], "people"),
    (&["soldiers"], "people"),
    (&["troops"], "people"),
    (&["servicemen"], "people"),
    (&["children"], "people"),
    (&["women"], "people"),
    (&["men"], "people"),
    (&["residents"], "people"),
    (&["villagers"], "people"),
    (&["migrants"], "people"),
    (&["refugees"], "people"),
    (&["workers"], "people"),
    (&["miners"], "people"),
    (&["protesters"], "people"),
    (&["protestors"], "people"),
    (&["demonstrators"], "people"),
    (&["journalists"], "people"),
    (&["students"], "people"),
    (&["tourists"], "people"),
    (&["pilgrims"], "people"),
    (&["fighters"], "people"),
    (&["militants"], "people"),
    (&["officers"], "people"),
    (&["police", "officers"], "people"),
    (&["firefighters"], "people"),
    (&["victims"], "people"),
    (&["bodies"], "people"),
    (&["others"], "people"),
    (&["passengers"], "passengers"),
    (&["passenger"], "passengers"),
    (&["crew", "members"], "crew"),
    (&["crewmembers"], "crew"),
    (&["crew"], "crew"),
    (&["delegates"], "delegates"),
    (&["delegations"], "delegations"),
    (&["countries"], "countries"),
    (&["nations"], "countries"),
    (&["member", "states"], "countries"),
    (&["heads", "of", "state"], "leaders"),
    (&["leaders"], "leaders"),
    (&["participants"], "attendees"),
    (&["attendees"], "attendees"),
    (&["hostages"], "hostages"),
    (&["prisoners"], "prisoners"),
    (&["members"], "members"),
    (&["runners"], "people"),
    (&["athletes"], "people"),
    (&["competitors"], "people"),
    (&["spectators"], "people"),
    (&["fans"], "people"),
    (&["patients"], "people"),
    (&["seats"], "seats"),
    (&["votes"], "votes"),
    (&["ballots"], "votes"),
    (&["medals"], "medals"),
    (&["homes"], "homes"),
    (&["houses"], "homes"),
    (&["buildings"], "buildings"),
    (&["vehicles"], "vehicles"),
    (&["flights"], "flights"),
    (&["witnesses"], "witnesses"),
];

/// Which [`NOUNS`] keys are mere "people" and keep their own word as a qualifier.
const PEOPLE: &str = "people";

/// Second halves of compound modifiers: "a 12-member delegation", "a 27-nation bloc".
/// The noun that follows is kept as a qualifier ("delegation").
const COMPOUNDS: &[(&str, &str)] = &[
    ("member", "members"),
    ("strong", "members"),
    ("person", "people"),
    ("man", "people"),
    ("nation", "countries"),
    ("country", "countries"),
];

/// Words between a number and its noun that narrow the count: "12 Ukrainian soldiers",
/// "30 more people", "five seriously injured". Any capitalised word qualifies as well.
const QUALIFIERS: &[&str] = &[
    "civilian",
    "military",
    "foreign",
    "local",
    "other",
    "innocent",
    "unarmed",
    "armed",
    "suspected",
    "confirmed",
    "police",
    "security",
    "aid",
    "rescue",
    "young",
    "elderly",
    "seriously",
    "critically",
    "badly",
    "severely",
    "slightly",
    "lightly",
    "more",
    "additional",
    "further",
    "new",
];

/// Words that may follow "N injured people" without changing what is counted.
const ATTRIBUTE_FOLLOWERS: &[&str] = &[
    "and", "or", "in", "on", "at", "from", "of", "with", "during", "after", "before", "by", "across", "near", "since",
    "so", "as",
];

/// Qualifiers that make the count an increment on an earlier total: "30 more people".
const INCREMENT: &[&str] = &["more", "additional", "further", "new", "another"];

/// Words allowed between a generic noun and its outcome: "people were killed",
/// "people have been confirmed dead", "people who remain missing".
const PREDICATE_FILLER: &[&str] = &[
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "been",
    "being",
    "be",
    "who",
    "that",
    "reportedly",
    "also",
    "all",
    "later",
    "still",
    "remain",
    "remained",
    "remains",
    "now",
    "confirmed",
    "feared",
    "believed",
    "thought",
    "known",
    "to",
    "taken",
    "rushed",
    "admitted",
    "brought",
    "left",
    "officially",
    "seriously",
    "critically",
    "badly",
    "severely",
    "slightly",
    "lightly",
    "fatally",
    "mortally",
];

/// Words allowed between an outcome and the number it governs: "the toll rose to",
/// "a death toll of", "the number of dead has climbed to".
const LOOKBACK_FILLER: &[&str] = &[
    "to",
    "at",
    "of",
    "from",
    "has",
    "had",
    "have",
    "is",
    "was",
    "were",
    "been",
    "now",
    "rose",
    "risen",
    "climbed",
    "reached",
    "stood",
    "stands",
    "stand",
    "hit",
    "increased",
    "jumped",
    "grew",
    "surged",
    "soared",
    "revised",
    "up",
    "officially",
    "reportedly",
    "already",
    "the",
    "a",
    "final",
    "official",
    "overall",
    "total",
    "number",
];

/// Verbs that make "from N to M" a change rather than a range: "rose from 12 to 30".
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "risen",
    "climbed",
    "increased",
    "jumped",
    "grew",
    "revised",
    "raised",
    "surged",
    "soared",
    "fell",
    "dropped",
    "lowered",
    "up",
    "down",
];

/// Words that make a count a subset of another: "including 12 children".
const SUBSET_CUES: &[&str] = &["including", "among", "includes", "included"];

/// Words whose presence in the sentence says a count updates an earlier one,
/// with the cue reported; the first entry found wins.
const UPDATE_CUES: &[(&[&str], &str)] = &[
    (&["rose", "to"], "rose to"),
    (&["risen", "to"], "risen to"),
    (&["climbed", "to"], "climbed to"),
    (&["jumped", "to"], "jumped to"),
    (&["increased", "to"], "increased to"),
    (&["revised"], "revised"),
    (&["updated"], "updated"),
    (&["so", "far"], "so far"),
    (&["as", "of"], "as of"),
    (&["to", "date"], "to date"),
    (&["at", "last", "count"], "at last count"),
    (&["latest"], "latest"),
    (&["now"], "now"),
    (&["climbed"], "climbed"),
    (&["rose"], "rose"),
];

/// The tables above, indexed for lookup at a token.
struct Tables {
    units: WordIndex<u32>,
    tens: WordIndex<u32>,
    scales: WordIndex<f64>,
    suffix_scales: WordIndex<f64>,
    plural_units: WordIndex<f64>,
    outcomes: WordIndex<&'static str>,
    compounds: WordIndex<&'static str>,
    approximators: PhraseIndex<Approx>,
    post_approximators: PhraseIndex<Approx>,
    fractions: PhraseIndex<f64>,
    nouns: PhraseIndex<&'static str>,
    outcome_phrases: PhraseIndex<&'static str>,
    update_cues: PhraseIndex<&'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    units: WordIndex::new(UNITS),
    tens: WordIndex::new(TENS),
    scales: WordIndex::new(SCALES),
    suffix_scales: WordIndex::new(SUFFIX_SCALES),
    plural_units: WordIndex::new(PLURAL_UNITS),
    outcomes: WordIndex::new(OUTCOMES),
    compounds: WordIndex::new(COMPOUNDS),
    approximators: PhraseIndex::new(APPROXIMATORS),
    post_approximators: PhraseIndex::new(POST_APPROXIMATORS),
    fractions: PhraseIndex::new(FRACTIONS),
    nouns: PhraseIndex::new(NOUNS),
    outcome_phrases: PhraseIndex::new(OUTCOME_PHRASES),
    update_cues: PhraseIndex::new(UPDATE_CUES),
});

/// After a number, words that cannot start a counted noun but let an earlier
/// outcome govern the number: "killing 12 on Friday", "injuring 30 and".
const FOLLOW_OK: &[&str] = &[
    "on",
    "in",
    "at",
    "and",
    "or",
    "but",
    "after",
    "when",
    "while",
    "during",
    "since",
    "including",
    "as",
    "with",
    "by",
    "from",
    "so",
    "overnight",
    "yesterday",
    "today",
    "last",
    "this",
    "according",
    "was",
    "were",
    "is",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "to",
];

/// Currency marks and words: money is never a count.
const CURRENCY_MARKS: &[&str] = &["$", "€", "£", "¥", "₽", "₴", "₹", "us$", "usd", "eur", "gbp"];
const CURRENCY_WORDS: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "rubles", "roubles", "hryvnias", "yuan", "yen", "rupees",
    "francs", "usd", "eur", "gbp", "cents",
];

/// Words after a number that make it a percentage, time or measurement of age.
const NOT_COUNT_AFTER: &[&str] = &[
    "%",
    "percent",
    "per",
    "pc",
    "a.m.",
    "p.m.",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "o'clock",
    "percentage",
];

/// Words before a number that make it a label, age or year rather than a count.
const NOT_COUNT_BEFORE: &[&str] = &[
    "aged",
    "age",
    "ages",
    "no.",
    "no",
    "number",
    "nos.",
    "article",
    "room",
    "route",
    "flight",
    "page",
    "chapter",
    "section",
    "resolution",
    "platform",
    "gate",
    "level",
    "grade",
    "size",
];

/// Prepositions that make a four-digit number a year: "in 2024", "since 1991".
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "of", "until", "till", "from", "before", "after", "during", "through", "to", "the", "early",
    "late", "mid", "fiscal",
];

// ───────────────────────────── intervals ─────────────────────────────

/// A set of whole numbers between two bounds, each bound open or closed.
///
/// Bounds are `f64` because approximations produce fractions ("about 25" is
/// `[22.5, 27.5]`) and "more than N" has no upper bound (`hi` is infinite).
/// Comparisons treat the interval as the whole numbers it contains, since
/// counts are whole: "more than 12" and "fewer than 13" do not overlap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    /// The interval to compare with other sources: a `round` figure written
    /// without an approximator may be a rounding of the true count, so
    /// "1,000" is widened by [`CountOptions::round_band`] and does not
    /// conflict with "1,012"; every other interval is returned as it is.
    pub fn comparable(&self, round: bool, opts: &CountOptions) -> Interval {
        match self.as_exact() {
            Some(n) if round => Interval::closed(n * (1.0 - opts.round_band), n * (1.0 + opts.round_band)),
            _ => *self,
        }
    }

    /// Exactly `n`: `[n, n]`.
    pub fn exact(n: f64) -> Interval {
        Interval::closed(n, n)
    }

    /// `[lo, hi]`.
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[lo, hi)`.
    pub fn half_open(lo: f64, hi: f64) -> Interval {
        Interval {
            hi_open: true,
            ..Interval::closed(lo, hi)
        }
    }

    /// The smallest and largest whole numbers inside, or `None` when there are none.
    pub fn whole_bounds(&self) -> Option<(f64, f64)> {
        let lo = if self.lo_open {
            self.lo.floor() + 1.0
        } else {
            self.lo.ceil()
        };
        let hi = if self.hi.is_infinite() {
            self.hi
        } else if self.hi_open {
            self.hi.ceil() - 1.0
        } else {
            self.hi.floor()
        };
        (lo <= hi).then_some((lo, hi))
    }

    /// Whether some count satisfies both intervals: "nearly 250" and "246" overlap.
    pub fn overlaps(&self, other: &Interval) -> bool {
        match (self.whole_bounds(), other.whole_bounds()) {
            (Some((a_lo, a_hi)), Some((b_lo, b_hi))) => a_lo <= b_hi && b_lo <= a_hi,
            _ => false,
        }
    }

    /// Whether no count satisfies both: the two sources cannot both be right.
    pub fn disjoint(&self, other: &Interval) -> bool {
        !self.overlaps(other)
    }

    /// Whether the whole number `n` lies inside.
    pub fn contains(&self, n: f64) -> bool {
        self.overlaps(&Interval::exact(n))
    }

    /// A single value, when the interval is one: `[246, 246]`.
    pub fn as_exact(&self) -> Option<f64> {
        (self.lo == self.hi && !self.lo_open && !self.hi_open).then_some(self.lo)
    }

    fn scaled(self, factor: f64) -> Interval {
        Interval {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..self
        }
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = self.as_exact() {
            return write!(f, "{n}");
        }
        let open = if self.lo_open { '(' } else { '[' };
        let close = if self.hi_open || self.hi.is_infinite() {
            ')'
        } else {
            ']'
        };
        if self.hi.is_infinite() {
            write!(f, "{open}{}, ∞{close}", self.lo)
        } else {
            write!(f, "{open}{}, {}{close}", self.lo, self.hi)
        }
    }
}

impl Approx {
    /// Bends `base` (an exact number or a vague range) by this approximator.
    fn apply(self, base: Interval, band: f64) -> Interval {
        let Interval { lo, hi, .. } = base;
        match self {
            Approx::Above => Interval {
                lo,
                hi: f64::INFINITY,
                lo_open: true,
                hi_open: true,
            },
            Approx::AtLeast => Interval {
                hi: f64::INFINITY,
                hi_open: true,
                ..base
            },
            Approx::About => Interval::closed(lo * (1.0 - band), hi * (1.0 + band)),
            Approx::Nearly => Interval {
                lo: lo * (1.0 - band),
                lo_open: false,
                ..base
            },
            Approx::JustAbove => Interval {
                lo,
                hi: hi * (1.0 + band),
                lo_open: true,
                hi_open: false,
            },
            Approx::JustBelow => Interval::half_open(lo * (1.0 - band), hi),
            Approx::AtMost => Interval {
                lo: 0.0,
                lo_open: false,
                ..base
            },
            Approx::Below => Interval {
                lo: 0.0,
                hi,
                lo_open: false,
                hi_open: true,
            },
        }
    }
}

// ───────────────────────────── number phrases ─────────────────────────────

/// How numbers are bent into intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountOptions {
    /// Relative half-width of "about N" (and the one-sided width of "nearly N",
    /// "just over N"): 0.1 reads "about 250" as `[225, 275]`.
    pub approx_band: f64,
    /// Relative half-width granted to a round figure written without an
    /// approximator, in [`Interval::comparable`]: with 0.05, "1,000" admits 950–1,050.
    pub round_band: f64,
}

impl Default for CountOptions {
    fn default() -> CountOptions {
        CountOptions {
            approx_band: 0.10,
            round_band: 0.05,
        }
    }
}

/// A number phrase with its approximator: "at least 30", "between 12 and 15", "dozens".
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Token indices into the slice given to [`parse_quantity`].
    pub tokens: Range<usize>,
    /// The tokens of the number itself, without approximators: "30" in "at least 30".
    pub amount: Range<usize>,
    pub interval: Interval,
    /// An exact figure that looks rounded ("1,000", "2.5 million", "a dozen"):
    /// the writer may have rounded the true count, see [`CountMention::comparable`].
    pub round: bool,
    /// A vague wording ("dozens", "several hundred") rather than a figure.
    pub vague: bool,
}

/// A number before approximators are applied.
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// Token index one past the amount.
    end: usize,
    base: Interval,
    round: bool,
    vague: bool,
}

impl Amount {
    fn value(&self) -> Option<f64> {
        if self.vague { None } else { self.base.as_exact() }
    }
}

/// Reads the number phrase starting at token `i`, if there is one.
///
/// Examples of what starts at `i`: "more than 200", "246", "2.5 million",
/// "twenty-three", "a dozen", "dozens", "hundreds of thousands", "between 12
/// and 15", "30-40", "two or three", "100 or more". Context that would make the
/// number a year, date, time, age, percentage, sum of money or label is not
/// looked at here; [`find_counts`] does that.
pub fn parse_quantity(tokens: &[Token], i: usize, opts: &CountOptions) -> Option<Quantity> {
    // Callers ask at any token (a date parser, at every one): where no number can start,
    // the sentence's case is not read.
    if i >= tokens.len() || !may_start_quantity(tokens, i) {
        return None;
    }
    let title_case = looks_title_case(tokens);
    parse_quantity_in(tokens, i, opts, title_case)
}

fn parse_quantity_in(tokens: &[Token], i: usize, opts: &CountOptions, title_case: bool) -> Option<Quantity> {
    // "between 12 and 15"
    if tokens.get(i).is_some_and(|t| t.is("between")) {
        let a = parse_amount(tokens, i + 1, title_case)?;
        let a_value = a.value()?;
        if !tokens.get(a.end).is_some_and(|t| t.is("and")) {
            return None;
        }
        let b = parse_amount(tokens, a.end + 1, title_case)?;
        let b_value = b.value()?;
        if b_value <= a_value {
            return None;
        }
        return Some(Quantity {
            tokens: i..b.end,
            amount: i + 1..b.end,
            interval: Interval::closed(a_value, b_value),
            round: false,
            vague: false,
        });
    }
    let (pre, start) = match TABLES.approximators.longest_at(tokens, i) {
        Some((approx, len)) => (Some(approx), i + len),
        None => (None, i),
    };
    let mut amount = parse_amount(tokens, start, title_case)?;
    let number_end = amount.end;
    let mut post = None;
    if let Some((approx, len)) = TABLES.post_approximators.longest_at(tokens, amount.end) {
        post = Some(approx);
        amount.end += len;
    } else if let Some(range) = range_tail(tokens, start, &amount, title_case) {
        amount = range;
    }
    let mut interval = amount.base;
    let approx = pre.or(post);
    if let Some(approx) = approx {
        interval = approx.apply(interval, opts.approx_band);
    }
    Some(Quantity {
        tokens: i..amount.end,
        amount: start..amount.end.max(number_end),
        interval,
        round: approx.is_none() && amount.round,
        vague: amount.vague,
    })
}

/// "30-40", "12 to 15", "two or three": a range written after its first number.
fn range_tail(tokens: &[Token], start: usize, first: &Amount, title_case: bool) -> Option<Amount> {
    let lo = first.value()?;
    let joint = tokens.get(first.end)?;
    let dash = matches!(joint.norm.as_str(), "-" | "\u{2013}" | "\u{2014}");
    if !(dash || joint.is("to") || joint.is("or")) {
        return None;
    }
    // "rose from 12 to 30" is a change, not a range.
    if joint.is("to") && is_change(tokens, start) {
        return None;
    }
    let second = parse_amount(tokens, first.end + 1, title_case)?;
    let hi = second.value()?;
    // "won 3-1" is a score, "2024-25" a season: a range climbs, and by less than tenfold.
    if hi <= lo || (dash && lo > 0.0 && hi > lo * 10.0) {
        return None;
    }
    Some(Amount {
        end: second.end,
        base: Interval::closed(lo, hi),
        round: false,
        vague: false,
    })
}

fn parse_amount(tokens: &[Token], i: usize, title_case: bool) -> Option<Amount> {
    let t = tokens.get(i)?;
    // "half of the 18,400", "two-thirds of its 300": a share of a written number.
    if let Some((share, len)) = TABLES.fractions.longest_at(tokens, i) {
        let mut k = i + len;
        if tokens.get(k).is_some_and(|t| t.is("of")) {
            k += 1;
            if tokens
                .get(k)
                .is_some_and(|t| matches!(t.norm.as_str(), "the" | "its" | "their" | "some"))
            {
                k += 1;
            }
            if tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number) {
                let whole = parse_amount(tokens, k, title_case)?;
                let value = whole.value()?;
                return Some(exact_amount(whole.end, (value * share).round(), true));
            }
        }
    }
    // "half a dozen"
    if t.is("half") && norms_at(tokens, i + 1, &["a", "dozen"]) {
        return Some(exact_amount(i + 3, 6.0, true));
    }
    if let Some(amount) = vague_amount(tokens, i) {
        return Some(amount);
    }
    match t.kind {
        TokenKind::Number => {
            let value = parse_digits(&t.norm)?;
            let (value, end, scaled) = match tokens.get(i + 1).and_then(|n| scale_of(&n.norm)) {
                Some(scale) => (value * scale, i + 2, true),
                None => (value, i + 1, false),
            };
            Some(exact_amount(end, value, scaled || is_round(value)))
        }
        TokenKind::Word if t.starts_with_digit() => {
            let split = t.norm.find(|c: char| c.is_ascii_alphabetic())?;
            let (digits, suffix) = t.norm.split_at(split);
            let scale = TABLES.suffix_scales.get(suffix)?;
            let value = parse_digits(digits)? * scale;
            Some(exact_amount(i + 1, value, true))
        }
        TokenKind::Word => {
            // A capitalised number word inside a sentence is a name: "Group of Seven", "the Big Three".
            if t.capitalized && !title_case && i > 0 && !tokens[i - 1].is(".") {
                return None;
            }
            parse_number_words(tokens, i)
        }
        TokenKind::Punct => None,
    }
}

fn exact_amount(end: usize, value: f64, round: bool) -> Amount {
    Amount {
        end,
        base: Interval::exact(value),
        round,
        vague: false,
    }
}

/// "dozens", "hundreds of thousands", "a handful", "several hundred".
fn vague_amount(tokens: &[Token], i: usize) -> Option<Amount> {
    if let Some(&(_, lo, hi)) = VAGUE_PLURALS.iter().find(|(w, _, _)| tokens[i].is(w)) {
        let mut base = Interval::half_open(lo, hi);
        let mut end = i + 1;
        // "hundreds of thousands of people": each "of <plural>" multiplies.
        while tokens.get(end).is_some_and(|t| t.is("of"))
            && let Some(unit) = tokens.get(end + 1).and_then(|t| TABLES.plural_units.get(&t.norm))
        {
            base = base.scaled(unit);
            end += 2;
        }
        return Some(Amount {
            end,
            base,
            round: false,
            vague: true,
        });
    }
    for &(words, lo, hi) in VAGUE_PHRASES {
        if !norms_at(tokens, i, words) {
            continue;
        }
        let mut end = i + words.len();
        let mut base = Interval::half_open(lo, hi);
        if let Some(scale) = tokens.get(end).and_then(|t| scale_of(&t.norm)) {
            base = base.scaled(scale);
            end += 1;
        }
        return Some(Amount {
            end,
            base,
            round: false,
            vague: true,
        });
    }
    None
}

/// Number words: "twelve", "twenty-three", "a hundred and fifty", "two dozen", "three million".
fn parse_number_words(tokens: &[Token], i: usize) -> Option<Amount> {
    let word = |j: usize| tokens.get(j).map(|t| t.norm.as_str());
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut end = None;
    let mut last_scale = None;
    if matches!(word(j), Some("a" | "an")) && word(j + 1).and_then(scale_of).is_some() {
        current = 1.0;
        j += 1;
    }
    while let Some(w) = word(j) {
        if let Some(v) = TABLES.units.get(w).or_else(|| TABLES.tens.get(w)) {
            let v = f64::from(v);
            // A unit may follow a ten ("twenty-three") or a hundred ("two hundred five"), nothing else.
            let rest = current % 100.0;
            let fits = current == 0.0 && (end.is_none() || last_scale.is_some())
                || rest == 0.0 && current > 0.0
                || (rest >= 20.0 && rest % 10.0 == 0.0 && v < 10.0);
            if !fits {
                break;
            }
            current += v;
            j += 1;
            end = Some(j);
            last_scale = None;
            // "twenty-three": skip the hyphen when a unit follows a ten.
            if v >= 20.0
                && word(j) == Some("-")
                && word(j + 1).and_then(|n| TABLES.units.get(n)).is_some_and(|u| u < 10)
            {
                j += 1;
            }
        } else if let Some(scale) = scale_of(w) {
            if current == 0.0 {
                break;
            }
            if scale >= 1e3 {
                total += current * scale;
                current = 0.0;
            } else {
                current *= scale;
            }
            j += 1;
            end = Some(j);
            last_scale = Some(w);
        } else if w == "and"
            && last_scale.is_some()
            && word(j + 1).is_some_and(|n| TABLES.units.get(n).is_some() || TABLES.tens.get(n).is_some())
        {
            j += 1;
        } else {
            break;
        }
    }
    let end = end?;
    let value = total + current;
    Some(exact_amount(end, value, last_scale == Some("dozen") || is_round(value)))
}

/// "1,000", "2.5", "12": digits with optional thousands commas and decimals.
/// A figure's whole part and its decimals, when the decimals are digits: "12.5" gives
/// ("12", Some("5")), "12" gives ("12", None), "12." and "1.a" give nothing.
fn split_decimals(s: &str) -> Option<(&str, Option<&str>)> {
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    let digits = |f: &str| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit());
    frac.is_none_or(digits).then_some((int, frac))
}

fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = split_decimals(s)?;
    // Grouped by thousands or not at all: "1,500", "1500"; not "1,50" nor "15,00,000".
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or_default();
    let mut grouped = false;
    for group in groups {
        if !(digits(group) && group.len() == 3) {
            return None;
        }
        grouped = true;
    }
    if !digits(first) || (grouped && first.len() > 3) {
        return None;
    }
    // "05" is part of a date or a code, never a count.
    if int.len() > 1 && int.starts_with('0') {
        return None;
    }
    // A whole number of up to 19 digits fits a u64, and converting that to f64 rounds
    // as parsing the digits as f64 would: no string to build for most figures.
    if frac.is_none() && int.len() - int.matches(',').count() <= 19 {
        let value = int
            .bytes()
            .filter(u8::is_ascii_digit)
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(value as f64);
    }
    s.replace(',', "").parse().ok()
}

/// Whether an exact figure looks rounded: at least 100, a whole number ending
/// in zero, with at most two significant digits ("250", "1,000", "2.5 million").
///
/// Small counts ("30 dead") are taken as exact: they are usually counted, not estimated.
pub fn is_round(value: f64) -> bool {
    if value < 100.0 || value.fract() != 0.0 {
        return false;
    }
    let mut n = value as u64;
    while n.is_multiple_of(10) {
        n /= 10;
    }
    n < 100
}

fn scale_of(norm: &str) -> Option<f64> {
    TABLES.scales.get(norm)
}

/// Headlines capitalise every word, so capitalisation says nothing about names there.
fn looks_title_case(tokens: &[Token]) -> bool {
    let long = tokens.iter().filter(|t| t.is_word() && t.norm.len() > 3);
    let (words, capitalized) = long.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(t.capitalized)));
    words >= 2 && capitalized * 10 >= words * 7
}

// ───────────────────────────── counts ─────────────────────────────

/// How a count relates to others about the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountRole {
    /// A total: "246 people were killed".
    Total,
    /// Added to an earlier total: "30 more people", "another 12".
    Increment,
    /// An earlier figure replaced in the same sentence: the 12 in "rose from 12 to 30".
    Previous,
    /// A part of a larger count: "including 12 children".
    Subset,
}

/// A count in a sentence: a number phrase and what it counts.
#[derive(Debug, Clone, PartialEq)]
pub struct CountMention {
    /// The words that make the claim, byte range in the document: "death toll of 246", "at least 30 dead".
    pub span: Range<usize>,
    /// The number phrase alone, byte range: "at least 30".
    pub number: Range<usize>,
    /// Token indices (into the slice given to [`find_counts`]) covered by `span`.
    pub tokens: Range<usize>,
    /// Token indices covered by `number`.
    pub number_tokens: Range<usize>,
    pub interval: Interval,
    /// An exact figure that looks rounded; see [`CountMention::comparable`].
    pub round: bool,
    pub vague: bool,
    /// What is counted: "people", "passengers", "crew", "countries", "members"…
    pub noun: Option<&'static str>,
    /// What happened to them: "killed", "injured", "missing", "arrested"…
    pub outcome: Option<&'static str>,
    /// Folded words narrowing the count: "ukrainian", "civilians", "more", "delegation".
    pub qualifiers: Vec<String>,
    /// A cue in the sentence that the figure updates an earlier one: "rose to", "so far", "as of".
    pub update: Option<&'static str>,
    /// One of several counts enumerated together: each of "12 passengers and 3 crew".
    pub is_part: bool,
    pub role: CountRole,
}

impl CountMention {
    /// The key counts are grouped by ([`count_key`]).
    pub fn key(&self) -> &'static str {
        count_key(self.outcome, self.noun)
    }

    /// The interval to compare with other sources ([`Interval::comparable`]).
    pub fn comparable(&self, opts: &CountOptions) -> Interval {
        self.interval.comparable(self.round, opts)
    }
}

/// Every word a count's noun, outcome or update cue can be: the values of the count
/// tables, each once, in table order. A count claim keeps its words as indexes here.
pub fn count_words() -> &'static [&'static str] {
    static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let values = OUTCOMES
            .iter()
            .map(|(_, w)| *w)
            .chain(COMPOUNDS.iter().map(|(_, w)| *w));
        let values = values.chain(NOUNS.iter().map(|(_, w)| *w));
        let values = values.chain(OUTCOME_PHRASES.iter().map(|(_, w)| *w));
        let values = values.chain(UPDATE_CUES.iter().map(|(_, w)| *w));
        let mut words = vec![PEOPLE];
        for word in values {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        words
    });
    &WORDS
}

/// The key counts are grouped by: the outcome where there is one ("killed"), else the noun ("passengers").
pub fn count_key(outcome: Option<&'static str>, noun: Option<&'static str>) -> &'static str {
    outcome.or(noun).unwrap_or(PEOPLE)
}

/// Whether a number phrase could start at token `i`: digits, or the first word of a
/// number word, approximator, vague amount or share. Checked with hash lookups
/// before the tables are scanned. An article starts one only before the words that
/// follow it in those tables or a scale ("a dozen", "an estimated", "a third"):
/// most sentences have an "a" and no number.
pub fn may_start_quantity(tokens: &[Token], i: usize) -> bool {
    // Asked of every token: word sets whose filter turns most words away unhashed.
    static FIRST_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        let words = UNITS.iter().map(|(w, _)| *w).chain(TENS.iter().map(|(w, _)| *w));
        let words = words.chain(VAGUE_PLURALS.iter().map(|(w, _, _)| *w));
        let words = words.chain(VAGUE_PHRASES.iter().map(|(w, _, _)| w[0]));
        let words = words.chain(APPROXIMATORS.iter().map(|(w, _)| w[0]));
        let words = words.chain(FRACTIONS.iter().map(|(w, _)| w[0]));
        let words = words.chain(["between", "half"]);
        words.filter(|w| !is_article(w)).map(str::to_string).collect()
    });
    static AFTER_ARTICLE: LazyLock<WordSet> = LazyLock::new(|| {
        let phrases = VAGUE_PHRASES.iter().map(|(w, _, _)| *w);
        let phrases = phrases.chain(APPROXIMATORS.iter().map(|(w, _)| *w));
        let phrases = phrases.chain(FRACTIONS.iter().map(|(w, _)| *w));
        let after = phrases.filter(|w| is_article(w[0])).filter_map(|w| w.get(1).copied());
        after
            .chain(SCALES.iter().map(|(w, _)| *w))
            .map(str::to_string)
            .collect()
    });
    let t = &tokens[i];
    if is_article(&t.norm) {
        return tokens.get(i + 1).is_some_and(|next| AFTER_ARTICLE.contains(&next.norm));
    }
    t.kind == TokenKind::Number || t.starts_with_digit() || FIRST_WORDS.contains(&t.norm)
}

fn is_article(word: &str) -> bool {
    word == "a" || word == "an"
}

/// Finds the counts in one sentence's tokens.
///
/// "At least 246 people were killed and more than 100 injured" gives two
/// mentions: `[246, ∞)` people killed and `(100, ∞)` injured. Only numbers
/// that count a known noun or outcome are reported.
pub fn find_counts(tokens: &[Token], opts: &CountOptions) -> Vec<CountMention> {
    // Most sentences hold no number at all: say so before any table is read.
    let Some(mut i) = (0..tokens.len()).find(|&i| may_start_quantity(tokens, i)) else {
        return Vec::new();
    };
    let title_case = looks_title_case(tokens);
    // Read only once a count is found: most sentences with a number have none.
    let mut updates = None;
    let mut found: Vec<CountMention> = Vec::new();
    while i < tokens.len() {
        if !may_start_quantity(tokens, i) {
            i += 1;
            continue;
        }
        let Some(q) = parse_quantity_in(tokens, i, opts, title_case) else {
            i += 1;
            continue;
        };
        if !is_count(tokens, &q, title_case) {
            i = q.tokens.end;
            continue;
        }
        match read_count(tokens, q, updates.get_or_insert_with(|| update_cues(tokens))) {
            Some(mention) => {
                i = mention.tokens.end.max(i + 1);
                found.push(mention);
            }
            None => i += 1,
        }
    }
    link_enumerations(tokens, &mut found);
    found
}

/// Whether a number phrase is a count rather than a year, date, time, age,
/// percentage, sum of money or a label.
fn is_count(tokens: &[Token], q: &Quantity, title_case: bool) -> bool {
    let first = q.amount.start;
    let before = first.checked_sub(1).map(|k| &tokens[k]);
    let after = tokens.get(q.tokens.end);
    let norm_before = before.map_or("", |t| t.norm.as_str());
    let norm_after = after.map_or("", |t| t.norm.as_str());
    let touches = |t: Option<&Token>, marks: &[&str]| t.is_some_and(|t| marks.contains(&t.norm.as_str()));

    if CURRENCY_MARKS.contains(&norm_before) || CURRENCY_WORDS.contains(&norm_after) {
        return false;
    }
    if NOT_COUNT_AFTER.contains(&norm_after) || NOT_COUNT_BEFORE.contains(&norm_before) {
        return false;
    }
    // Times ("10:30"), dates and fractions ("5/15", "24/7"), written without spaces;
    // "Civic Renewal: 71 seats" is a label and a count.
    let glued_before = before.is_some_and(|b| b.span.end == tokens[first].span.start);
    let glued_after = after.is_some_and(|a| a.span.start == tokens[q.tokens.end - 1].span.end);
    if (glued_before && touches(before, &[":", "/"])) || (glued_after && touches(after, &[":", "/"])) {
        return false;
    }
    if is_month(before) || is_month(after) {
        return false;
    }
    // Ages: "a 45-year-old", "45 years old".
    if (norm_after == "-" && tokens.get(q.tokens.end + 1).is_some_and(|t| t.norm.starts_with("year")))
        || (norm_after.starts_with("year") && tokens.get(q.tokens.end + 1).is_some_and(|t| t.is("old")))
    {
        return false;
    }
    // Partitives: "one of the victims", "12 of the 30 dead" (the 30 is the count) —
    // except a share of a counted whole, "won 71 of the 180 seats", read as a subset.
    if norm_after == "of" && !q.vague && !partitive_of_number(tokens, q.tokens.end) {
        return false;
    }
    // "no one was hurt", "killed one another".
    if norm_before == "no" || norm_after == "another" {
        return false;
    }
    // Years: "in 2024", "the 2022 election".
    let number = &tokens[first];
    if number.kind == TokenKind::Number
        && number.norm.len() == 4
        && number.norm.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
        && (YEAR_PREPOSITIONS.contains(&norm_before) || first == 0 || !starts_noun(tokens, q.tokens.end))
    {
        return false;
    }
    // Labels: "Article 5", "Flight 370", "Group of 20". Weekdays and
    // sentence-initial words are not names: "On Monday 12 people…".
    if let Some(b) = before
        && !title_case
    {
        let named = |t: &Token, k: usize| t.capitalized && t.is_word() && k > 0 && !is_weekday(t);
        // A name before a share of a counted whole is its holder, not a label:
        // "gave Civic Renewal 71 of the 180 seats".
        if named(b, first - 1) && q.tokens.start == first && !partitive_of_number(tokens, q.tokens.end) {
            return false;
        }
        if b.is("of") && first >= 2 && named(&tokens[first - 2], first - 2) {
            return false;
        }
    }
    true
}

fn starts_noun(tokens: &[Token], i: usize) -> bool {
    TABLES.nouns.longest_at(tokens, i).is_some()
        || tokens.get(i).is_some_and(|t| TABLES.outcomes.get(&t.norm).is_some())
}

fn is_month(t: Option<&Token>) -> bool {
    t.is_some_and(|t| t.capitalized && month_number(&t.norm).is_some())
}

fn is_weekday(t: &Token) -> bool {
    weekday(&t.norm).is_some()
}

/// Reads what the quantity `q` counts: the words after it, then the words before it.
/// An outcome starting at token `k`, as a phrase or a word, with its length.
fn outcome_at(tokens: &[Token], k: usize) -> Option<(&'static str, usize)> {
    TABLES
        .outcome_phrases
        .longest_at(tokens, k)
        .or_else(|| Some((TABLES.outcomes.get(&tokens.get(k)?.norm)?, 1)))
}

/// "of the 180 …" at token `i`: a share of a counted whole.
fn partitive_of_number(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| t.is("of"))
        && tokens.get(i + 1).is_some_and(|t| t.is("the"))
        && tokens.get(i + 2).is_some_and(|t| t.kind == TokenKind::Number)
}

fn read_count(tokens: &[Token], q: Quantity, updates: &[(usize, &'static str)]) -> Option<CountMention> {
    let mut noun = None;
    let mut outcome = None;
    let mut qualifiers: Vec<String> = Vec::new();
    let mut j = q.tokens.end;
    // "71 of the 180 seats": the share is counted in the whole's noun.
    let partitive = partitive_of_number(tokens, j);
    if partitive {
        j += 3;
    }

    // "dozens of people", "a handful of protesters", "hundreds of Ukrainians".
    if q.vague && tokens.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if tokens.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
    }
    // "a 12-member delegation", "a five-man crew".
    if tokens.get(j).is_some_and(|t| t.is("-"))
        && let Some(key) = tokens.get(j + 1).and_then(|t| TABLES.compounds.get(&t.norm))
    {
        noun = Some(key);
        j += 2;
        if let Some(head) = tokens.get(j).filter(|t| t.is_word()) {
            qualifiers.push(head.norm.to_string());
            j += 1;
        }
    } else {
        let bare = j;
        while qualifiers.len() < 3
            && let Some(t) = tokens.get(j)
            && t.is_word()
            && TABLES.nouns.longest_at(tokens, j).is_none()
            && TABLES.outcomes.get(&t.norm).is_none()
            && (QUALIFIERS.contains(&t.norm.as_str())
                || t.capitalized && !is_plural_name(t) && !is_weekday(t) && !is_month(Some(t)))
        {
            qualifiers.push(t.norm.to_string());
            j += 1;
        }
        if let Some(t) = tokens.get(j)
            && let Some(key) = TABLES.outcomes.get(&t.norm)
        {
            outcome = Some(key);
            j += 1;
            // "2,500 registered runners stayed away", "12 injured passengers were flown out":
            // the outcome is an attribute and what follows the noun says what is counted.
            if let Some((noun_key, len)) = TABLES.nouns.longest_at(tokens, j) {
                // "registered runners": a people noun is kept as a qualifier, as after a number.
                let noun_words: Vec<&str> = tokens[j..j + len].iter().map(|t| t.norm.as_str()).collect();
                if noun_key == PEOPLE && !matches!(noun_words[..], ["people"] | ["persons"]) {
                    qualifiers.push(noun_words.join(" "));
                }
                let mut k = j + len;
                while tokens
                    .get(k)
                    .is_some_and(|t| PREDICATE_FILLER.contains(&t.norm.as_str()))
                {
                    k += 1;
                }
                match tokens.get(k) {
                    Some(_) if outcome_at(tokens, k).is_some() => {
                        let (key, len) = outcome_at(tokens, k).expect("checked above");
                        outcome = Some(key);
                        j = k + len;
                    }
                    Some(t) if t.is_word() && !t.capitalized && !ATTRIBUTE_FOLLOWERS.contains(&t.norm.as_str()) => {
                        return None;
                    }
                    _ => j += len,
                }
                if noun_key != PEOPLE {
                    noun = Some(noun_key);
                }
            }
        } else if let Some((key, len)) = TABLES.nouns.longest_at(tokens, j) {
            if key == PEOPLE && !tokens[j].is("people") && !tokens[j].is("persons") {
                qualifiers.push(
                    tokens[j..j + len]
                        .iter()
                        .map(|t| t.norm.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
            noun = Some(key);
            j += len;
        } else if let Some(t) = tokens.get(j).filter(|t| is_plural_name(t)) {
            // "30 Ukrainians", "five Britons".
            qualifiers.push(t.norm.to_string());
            noun = Some(PEOPLE);
            j += 1;
        } else {
            // No head after all: the words read as qualifiers belong to something else.
            qualifiers.clear();
            j = bare;
        }
    }
    // "people on board", "people aboard".
    if noun.is_some() {
        if norms_at(tokens, j, &["on", "board"]) {
            qualifiers.push("aboard".into());
            j += 2;
        } else if tokens.get(j).is_some_and(|t| t.is("aboard")) {
            qualifiers.push("aboard".into());
            j += 1;
        }
    }
    // "people were killed", "dozens died", "people remain missing".
    if outcome.is_none() {
        let mut k = j;
        while k < j + 4
            && tokens
                .get(k)
                .is_some_and(|t| PREDICATE_FILLER.contains(&t.norm.as_str()))
        {
            k += 1;
        }
        if let Some((key, len)) = outcome_at(tokens, k) {
            outcome = Some(key);
            j = k + len;
        }
    }
    // "killing 12", "a death toll of 246", "the number of injured rose to 40".
    let mut start = q.tokens.start;
    let nothing_follows = noun.is_none()
        && outcome.is_none()
        && tokens
            .get(j)
            .is_none_or(|t| !t.is_word() || FOLLOW_OK.contains(&t.norm.as_str()));
    if outcome.is_none()
        && (noun.is_some() || nothing_follows)
        && let Some((k, key)) = outcome_before(tokens, q.tokens.start)
    {
        outcome = Some(key);
        start = k;
    }
    if noun.is_none() && outcome.is_none() {
        return None;
    }
    let role = if partitive {
        CountRole::Subset
    } else {
        role_of(tokens, &q, &qualifiers)
    };
    // An update cue counts when it is near this figure: "rose to 63", "12 so far",
    // not "temperatures climbed past 30" later in the sentence.
    let update = updates
        .iter()
        .find(|(at, _)| *at + 6 >= start && *at <= j + 1)
        .map(|&(_, cue)| cue);
    let span_start = tokens[start].span.start;
    let span_end = tokens[j - 1].span.end;
    Some(CountMention {
        span: span_start..span_end,
        number: tokens[q.tokens.start].span.start..tokens[q.tokens.end - 1].span.end,
        tokens: start..j,
        number_tokens: q.tokens.clone(),
        interval: q.interval,
        round: q.round,
        vague: q.vague,
        noun,
        outcome,
        qualifiers,
        update,
        is_part: false,
        role,
    })
}

/// A capitalised plural that names people: "Ukrainians", "Britons", "Israelis".
fn is_plural_name(t: &Token) -> bool {
    t.capitalized && t.is_word() && t.norm.len() > 3 && t.norm.ends_with('s') && !t.norm.ends_with("ss")
}

/// An outcome word shortly before token `i`, across filler words only.
fn outcome_before(tokens: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let mut k = i;
    for _ in 0..6 {
        k = k.checked_sub(1)?;
        let t = &tokens[k];
        if TABLES.outcomes.get(&t.norm).is_some() {
            // A compound names the outcome with its first word: "death toll", "injury toll".
            while k > 0 && TABLES.outcomes.get(&tokens[k - 1].norm).is_some() {
                k -= 1;
            }
            return TABLES.outcomes.get(&tokens[k].norm).map(|key| (k, key));
        }
        // "rose from 12 to 30": look past the earlier figure.
        if t.kind == TokenKind::Number && k > 0 && tokens[k - 1].is("from") {
            continue;
        }
        if !LOOKBACK_FILLER.contains(&t.norm.as_str()) {
            return None;
        }
    }
    None
}

/// Whether the number at `start` opens "from N to M" after a verb of change: "rose from 12 to 30".
fn is_change(tokens: &[Token], start: usize) -> bool {
    start > 0
        && tokens[start - 1].is("from")
        && tokens[..start - 1]
            .iter()
            .rev()
            .take(5)
            .any(|t| CHANGE_VERBS.contains(&t.norm.as_str()))
}

fn role_of(tokens: &[Token], q: &Quantity, qualifiers: &[String]) -> CountRole {
    let before = q.tokens.start.checked_sub(1).map(|k| tokens[k].norm.as_str());
    if before == Some("another") || qualifiers.iter().any(|w| INCREMENT.contains(&w.as_str())) {
        return CountRole::Increment;
    }
    if before.is_some_and(|w| SUBSET_CUES.contains(&w)) {
        return CountRole::Subset;
    }
    // "rose from 12 to 30": the 12 is the figure being replaced.
    if tokens.get(q.tokens.end).is_some_and(|t| t.is("to")) && is_change(tokens, q.tokens.start) {
        return CountRole::Previous;
    }
    CountRole::Total
}

/// Every update cue in the sentence with the token where it starts; at one
/// position the first cue of the table wins, so "rose to" beats "rose".
fn update_cues(tokens: &[Token]) -> Vec<(usize, &'static str)> {
    (0..tokens.len())
        .filter_map(|i| TABLES.update_cues.first_at(tokens, i).map(|(text, _)| (i, text)))
        .collect()
}

/// Marks enumerated counts ("12 passengers and 3 crew") as parts and shares
/// an outcome stated once for all of them ("… were killed"); links the two
/// figures of "rose from 12 to 30".
fn link_enumerations(tokens: &[Token], found: &mut [CountMention]) {
    let mut k = 0;
    while k + 1 < found.len() {
        let (a, b) = (&found[k], &found[k + 1]);
        // A later count may reach back over an earlier one ("rose from 12 to 30"), so the
        // gap ends where the later number starts.
        let gap_end = b.number_tokens.start;
        let gap = &tokens[a.tokens.end.min(gap_end)..gap_end];
        let enumerated = !gap.is_empty()
            && gap.iter().all(|t| matches!(t.norm.as_str(), "," | "and" | "plus"))
            && (a.outcome == b.outcome || a.outcome.is_none() || b.outcome.is_none())
            && (a.noun != b.noun || a.qualifiers != b.qualifiers);
        if enumerated {
            let outcome = a.outcome.or(b.outcome);
            for m in &mut found[k..k + 2] {
                m.is_part = true;
                m.outcome = m.outcome.or(outcome);
            }
        } else if a.role == CountRole::Previous && gap.len() == 1 && gap[0].is("to") {
            let (noun, outcome) = (a.noun.or(b.noun), a.outcome.or(b.outcome));
            for m in &mut found[k..k + 2] {
                m.noun = m.noun.or(noun);
                m.outcome = m.outcome.or(outcome);
            }
        }
        k += 1;
    }
    // An outcome stated after the last part applies to every earlier part: walk back once more.
    for k in (0..found.len().saturating_sub(1)).rev() {
        if found[k].is_part && found[k + 1].is_part && found[k].outcome.is_none() {
            found[k].outcome = found[k + 1].outcome;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize_str;

    /// The reading [`parse_digits`] must keep: group check, then the cleaned string parsed.
    fn parse_digits_by_string(s: &str) -> Option<f64> {
        let (int, _) = split_decimals(s)?;
        let groups: Vec<&str> = int.split(',').collect();
        let well_grouped = groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            && (groups.len() == 1 || groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
        if !well_grouped || (int.len() > 1 && int.starts_with('0')) {
            return None;
        }
        s.replace(',', "").parse().ok()
    }

    #[test]
    fn figures_read_as_the_cleaned_string_parses() {
        let fixed = [
            "0",
            "7",
            "05",
            "1,500",
            "1,50",
            "15,00,000",
            "1500",
            "1,234,567",
            "12.5",
            "1,000.25",
            "1.",
            ".5",
            "",
            ",",
            "1,",
            ",100",
            "18446744073709551615",
            "99999999999999999999",
            "9,999,999,999,999,999,999",
            "123456789012345678",
            "9007199254740993",
            "1e5",
            "1,0a0",
        ];
        for s in fixed {
            assert_eq!(parse_digits(s), parse_digits_by_string(s), "{s:?}");
        }
        // Random strings of digits, commas and full stops, up to 24 characters.
        let alphabet = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", ",", ".", "0"];
        for text in crate::test_support::random_strings(0x853c_49e6_748f_ea9b, 20_000, 25, &alphabet) {
            assert_eq!(parse_digits(&text), parse_digits_by_string(&text), "{text:?}");
        }
    }

    const INF: f64 = f64::INFINITY;

    fn counts(text: &str) -> Vec<CountMention> {
        find_counts(&tokenize_str(text), &CountOptions::default())
    }

    fn one(text: &str) -> CountMention {
        let found = counts(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
        found.into_iter().next().unwrap()
    }

    /// The interval of the number phrase that opens `text`.
    fn quantity(text: &str) -> Quantity {
        let tokens = tokenize_str(text);
        parse_quantity(&tokens, 0, &CountOptions::default()).unwrap_or_else(|| panic!("no quantity in {text:?}"))
    }

    fn iv(text: &str) -> Interval {
        quantity(text).interval
    }

    fn open_hi(lo: f64, hi: f64) -> Interval {
        Interval::half_open(lo, hi)
    }

    fn above(lo: f64) -> Interval {
        Interval {
            lo,
            hi: INF,
            lo_open: true,
            hi_open: true,
        }
    }

    fn at_least(lo: f64) -> Interval {
        Interval {
            hi: INF,
            hi_open: true,
            ..Interval::exact(lo)
        }
    }

    fn close(a: Interval, b: Interval) -> bool {
        (a.lo - b.lo).abs() < 1e-9
            && (a.hi == b.hi || (a.hi - b.hi).abs() < 1e-9)
            && a.lo_open == b.lo_open
            && a.hi_open == b.hi_open
    }

    macro_rules! assert_iv {
        ($text:expr, $want:expr) => {{
            let got = iv($text);
            assert!(close(got, $want), "{:?}: got {got}, want {}", $text, $want);
        }};
    }

    // ── numbers ──

    #[test]
    fn digit_numbers() {
        assert_iv!("12", Interval::exact(12.0));
        assert_iv!("1,000", Interval::exact(1000.0));
        assert_iv!("1,234,567", Interval::exact(1_234_567.0));
        assert_iv!("2.5 million", Interval::exact(2_500_000.0));
        assert_iv!("1.2 billion", Interval::exact(1.2e9));
        assert_iv!("3 dozen", Interval::exact(36.0));
        assert_iv!("1.5bn", Interval::exact(1.5e9));
        assert_iv!("10k", Interval::exact(10_000.0));
        assert_iv!("2m", Interval::exact(2e6));
    }

    #[test]
    fn malformed_digits_are_not_numbers() {
        for text in ["1,2", "12,34", "05", "007", "15th", "1990s", "G7", "3rd", "1,0000"] {
            let tokens = tokenize_str(text);
            assert_eq!(parse_quantity(&tokens, 0, &CountOptions::default()), None, "{text:?}");
        }
    }

    #[test]
    fn number_words() {
        assert_iv!("ten", Interval::exact(10.0));
        assert_iv!("twelve", Interval::exact(12.0));
        assert_iv!("twenty-three", Interval::exact(23.0));
        assert_iv!("forty five", Interval::exact(45.0));
        assert_iv!("a dozen", Interval::exact(12.0));
        assert_iv!("two dozen", Interval::exact(24.0));
        assert_iv!("half a dozen", Interval::exact(6.0));
        assert_iv!("a hundred", Interval::exact(100.0));
        assert_iv!("two hundred and fifty", Interval::exact(250.0));
        assert_iv!("one hundred twenty", Interval::exact(120.0));
        assert_iv!("three thousand", Interval::exact(3000.0));
        assert_iv!("two million", Interval::exact(2e6));
        assert_iv!("one thousand two hundred", Interval::exact(1200.0));
        // "twenty" then "twelve" is two numbers, not 32.
        assert_eq!(quantity("twenty twelve").tokens, 0..1);
        assert_eq!(quantity("ten eleven").tokens, 0..1);
    }

    #[test]
    fn vague_plurals() {
        assert_iv!("dozens", open_hi(24.0, 150.0));
        assert_iv!("scores", open_hi(40.0, 200.0));
        assert_iv!("hundreds", open_hi(200.0, 1000.0));
        assert_iv!("thousands", open_hi(2000.0, 10_000.0));
        assert_iv!("tens of thousands", open_hi(20_000.0, 100_000.0));
        assert_iv!("hundreds of thousands", open_hi(200_000.0, 1e6));
        assert_iv!("millions", open_hi(2e6, 1e7));
        assert!(quantity("dozens").vague);
    }

    #[test]
    fn vague_quantifiers() {
        assert_iv!("a handful", open_hi(2.0, 10.0));
        assert_iv!("a few", open_hi(2.0, 10.0));
        assert_iv!("several", open_hi(3.0, 10.0));
        assert_iv!("a couple", open_hi(2.0, 4.0));
        assert_iv!("several hundred", open_hi(300.0, 1000.0));
        assert_iv!("a few dozen", open_hi(24.0, 120.0));
        assert_iv!("a few thousand", open_hi(2000.0, 10_000.0));
    }

    // ── approximators ──

    #[test]
    fn lower_bounds() {
        assert_iv!("more than 200", above(200.0));
        assert_iv!("over 200", above(200.0));
        assert_iv!("upwards of 200", above(200.0));
        assert_iv!("in excess of 200", above(200.0));
        assert_iv!("at least 30", at_least(30.0));
        assert_iv!("no fewer than 30", at_least(30.0));
        assert_iv!("30 or more", at_least(30.0));
        assert_iv!("100-plus", at_least(100.0));
        assert_iv!("100+", at_least(100.0));
        assert_iv!("more than a dozen", above(12.0));
        assert_iv!("at least dozens", at_least(24.0));
    }

    #[test]
    fn upper_bounds() {
        assert_iv!("up to 50", Interval::closed(0.0, 50.0));
        assert_iv!("as many as 50", Interval::closed(0.0, 50.0));
        assert_iv!("no more than 50", Interval::closed(0.0, 50.0));
        assert_iv!("fewer than 50", open_hi(0.0, 50.0));
        assert_iv!("less than 50", open_hi(0.0, 50.0));
        assert_iv!("under 50", open_hi(0.0, 50.0));
        assert_iv!("50 or fewer", Interval::closed(0.0, 50.0));
    }

    #[test]
    fn approximations_use_the_band() {
        assert_iv!("about 250", Interval::closed(225.0, 275.0));
        assert_iv!("around 250", Interval::closed(225.0, 275.0));
        assert_iv!("roughly 250", Interval::closed(225.0, 275.0));
        assert_iv!("approximately 250", Interval::closed(225.0, 275.0));
        assert_iv!("some 250", Interval::closed(225.0, 275.0));
        assert_iv!("an estimated 250", Interval::closed(225.0, 275.0));
        assert_iv!("250 or so", Interval::closed(225.0, 275.0));
        assert_iv!("50-odd", Interval::closed(45.0, 55.0));
        assert_iv!("nearly 250", Interval::closed(225.0, 250.0));
        assert_iv!("almost 250", Interval::closed(225.0, 250.0));
        assert_iv!("close to 250", Interval::closed(225.0, 250.0));
        assert_iv!("just under 250", open_hi(225.0, 250.0));
        assert_iv!(
            "just over 200",
            Interval {
                lo_open: true,
                ..Interval::closed(200.0, 220.0)
            }
        );
        let wide = CountOptions {
            approx_band: 0.2,
            ..CountOptions::default()
        };
        let tokens = tokenize_str("about 100");
        let q = parse_quantity(&tokens, 0, &wide).unwrap();
        assert!(close(q.interval, Interval::closed(80.0, 120.0)), "{}", q.interval);
    }

    #[test]
    fn ranges() {
        assert_iv!("30-40", Interval::closed(30.0, 40.0));
        assert_iv!("30\u{2013}40", Interval::closed(30.0, 40.0));
        assert_iv!("12 to 15", Interval::closed(12.0, 15.0));
        assert_iv!("between 12 and 15", Interval::closed(12.0, 15.0));
        assert_iv!("two or three", Interval::closed(2.0, 3.0));
        assert_iv!("about 30-40", Interval::closed(27.0, 44.0));
        // Not ranges: a score, a season.
        assert_eq!(quantity("3-1").tokens, 0..1);
        assert_eq!(quantity("2024-25").tokens, 0..1);
    }

    #[test]
    fn roundness() {
        assert!(quantity("1,000").round);
        assert!(quantity("2.5 million").round);
        assert!(quantity("250").round);
        assert!(quantity("a dozen").round);
        assert!(!quantity("246").round);
        assert!(!quantity("1,012").round);
        assert!(!quantity("30").round, "small counts are counted, not estimated");
        assert!(!quantity("about 1,000").round, "the approximator already says it");
        assert!(is_round(3_000_000.0));
        assert!(!is_round(1_250.0));
    }

    // ── interval comparison ──

    #[test]
    fn overlaps_and_disjoint() {
        let exact = Interval::exact(246.0);
        assert!(iv("nearly 250").overlaps(&exact));
        assert!(iv("more than 200").overlaps(&exact));
        assert!(iv("at least 246").overlaps(&exact));
        assert!(iv("about 250").overlaps(&exact));
        assert!(iv("up to 300").overlaps(&exact));
        assert!(iv("hundreds").overlaps(&exact));
        assert!(iv("more than 250").disjoint(&exact));
        assert!(iv("fewer than 200").disjoint(&exact));
        assert!(iv("dozens").disjoint(&exact));
        assert!(iv("nearly 240").disjoint(&exact));
        assert!(iv("more than 246").disjoint(&exact), "open bound");
        assert!(iv("fewer than 246").disjoint(&exact), "open bound");
        // Counts are whole: nothing is both more than 12 and fewer than 13.
        assert!(iv("more than 12").disjoint(&iv("fewer than 13")));
        assert!(iv("more than 12").overlaps(&iv("fewer than 14")));
        assert!(Interval::exact(30.0).disjoint(&Interval::exact(31.0)));
        assert!(iv("dozens").contains(100.0));
        assert!(!iv("dozens").contains(300.0));
    }

    #[test]
    fn display() {
        assert_eq!(iv("246").to_string(), "246");
        assert_eq!(iv("more than 200").to_string(), "(200, ∞)");
        assert_eq!(iv("at least 30").to_string(), "[30, ∞)");
        assert_eq!(iv("dozens").to_string(), "[24, 150)");
    }

    // ── counts in sentences ──

    #[test]
    fn killed_forms() {
        for text in [
            "246 people were killed in the crash.",
            "The crash killed 246 people.",
            "The blast left 246 people dead.",
            "There were 246 deaths.",
            "A death toll of 246 was announced.",
            "The toll stood at 246 on Friday.",
            "246 died.",
            "Officials counted 246 dead.",
        ] {
            let m = one(text);
            assert_eq!(m.key(), "killed", "{text:?}: {m:#?}");
            assert_eq!(m.interval, Interval::exact(246.0), "{text:?}");
            assert_eq!(m.role, CountRole::Total, "{text:?}");
        }
    }

    #[test]
    fn outcome_before_the_number() {
        let m = one("The storm hit the coast, killing 12.");
        assert_eq!((m.outcome, m.noun), (Some("killed"), None));
        let m = one("Shelling hit the market, injuring more than 100 on Sunday.");
        assert_eq!(m.outcome, Some("injured"));
        assert!(close(m.interval, above(100.0)));
        let m = one("The attack killed at least 30 civilians.");
        assert_eq!((m.outcome, m.noun), (Some("killed"), Some("people")));
        assert_eq!(m.qualifiers, vec!["civilians"]);
        assert!(close(m.interval, at_least(30.0)));
    }

    #[test]
    fn spans_cover_the_claim() {
        let text = "Officials said a death toll of 246 was final.";
        let m = one(text);
        assert_eq!(&text[m.span.clone()], "death toll of 246");
        assert_eq!(&text[m.number.clone()], "246");
        let text = "At least 30 dead after the storm.";
        let m = one(text);
        assert_eq!(&text[m.span.clone()], "At least 30 dead");
        assert_eq!(&text[m.number.clone()], "At least 30");
        let text = "Police said 12 people were arrested overnight.";
        assert_eq!(&text[one(text).span], "12 people were arrested");
    }

    #[test]
    fn other_outcomes() {
        assert_eq!(one("At least 30 people were injured.").key(), "injured");
        assert_eq!(one("Five were wounded.").key(), "injured");
        assert_eq!(one("Nine people remain missing.").key(), "missing");
        assert_eq!(one("Police detained 40 protesters.").key(), "arrested");
        assert_eq!(one("About 2,000 residents were evacuated.").key(), "evacuated");
        assert_eq!(one("Thousands of people have been displaced.").key(), "displaced");
        assert_eq!(one("Rescuers found 14 survivors.").key(), "survived");
        let m = one("Three people were seriously injured.");
        assert_eq!(m.key(), "injured");
    }

    #[test]
    fn counted_nouns() {
        let m = one("The plane carried 132 passengers.");
        assert_eq!((m.noun, m.outcome), (Some("passengers"), None));
        assert_eq!(one("Delegations from 40 countries attended.").noun, Some("countries"));
        assert_eq!(one("Some 300 delegates registered.").noun, Some("delegates"));
        assert_eq!(one("The ship had 20 crew members.").noun, Some("crew"));
        let m = one("There were 140 people on board.");
        assert_eq!(
            (m.noun, m.qualifiers.as_slice()),
            (Some("people"), &["aboard".to_string()][..])
        );
        let m = one("All 140 people aboard were killed.");
        assert_eq!(
            (m.key(), m.qualifiers.as_slice()),
            ("killed", &["aboard".to_string()][..])
        );
    }

    #[test]
    fn qualifiers() {
        let m = one("Twelve Ukrainian soldiers were killed.");
        assert_eq!(m.qualifiers, vec!["ukrainian", "soldiers"]);
        assert_eq!((m.noun, m.outcome), (Some("people"), Some("killed")));
        let m = one("The raid killed 30 Russian troops.");
        assert_eq!(m.qualifiers, vec!["russian", "troops"]);
        let m = one("Hundreds of Ukrainians were evacuated.");
        assert_eq!(m.qualifiers, vec!["ukrainians"]);
        assert!(m.vague);
        let m = one("Dozens of civilians died.");
        assert_eq!(
            (m.key(), m.qualifiers.as_slice()),
            ("killed", &["civilians".to_string()][..])
        );
    }

    #[test]
    fn compound_modifiers() {
        let m = one("A 12-member delegation arrived on Monday.");
        assert_eq!(
            (m.noun, m.qualifiers.as_slice()),
            (Some("members"), &["delegation".to_string()][..])
        );
        assert_eq!(m.interval, Interval::exact(12.0));
        let m = one("They sent a five-man team.");
        assert_eq!(
            (m.noun, m.qualifiers.as_slice()),
            (Some("people"), &["team".to_string()][..])
        );
        assert_eq!(one("The 27-nation bloc agreed.").noun, Some("countries"));
    }

    #[test]
    fn enumerated_parts() {
        let found = counts("The crash killed 12 passengers and 3 crew.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.iter().all(|m| m.is_part && m.outcome == Some("killed")));
        assert_eq!(found[0].noun, Some("passengers"));
        assert_eq!(found[1].noun, Some("crew"));

        let found = counts("12 passengers, 3 crew members and 2 guards were killed.");
        assert_eq!(found.len(), 2, "guards are not a known noun: {found:#?}");
        let found = counts("12 passengers, 3 crew members and 2 soldiers were killed.");
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found.iter().all(|m| m.is_part && m.outcome == Some("killed")),
            "{found:#?}"
        );

        // Different outcomes are separate totals, not parts of one.
        let found = counts("Twelve people were killed and 30 injured.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found.iter().all(|m| !m.is_part));
        assert_eq!((found[0].key(), found[1].key()), ("killed", "injured"));

        let found = counts("The strike killed 12 and injured 30.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!((found[0].key(), found[1].key()), ("killed", "injured"));
    }

    #[test]
    fn updates_and_roles() {
        let m = one("The toll rose to 269 on Saturday.");
        assert_eq!((m.key(), m.update), ("killed", Some("rose to")));
        assert_eq!(m.interval, Interval::exact(269.0));
        assert_eq!(one("So far 40 people have been arrested.").update, Some("so far"));
        assert_eq!(
            one("As of Friday, 246 people were confirmed dead.").update,
            Some("as of")
        );
        assert_eq!(one("246 people were killed.").update, None);

        let found = counts("The death toll rose from 12 to 30.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[0].role, CountRole::Previous);
        assert_eq!(found[1].role, CountRole::Total);
        assert!(found.iter().all(|m| m.key() == "killed"));
        assert_eq!(found[1].interval, Interval::exact(30.0));

        assert_eq!(one("Another 12 people were injured.").role, CountRole::Increment);
        assert_eq!(one("Rescuers found 30 more bodies.").role, CountRole::Increment);
        let found = counts("Thirty people were killed, including 12 children.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[1].role, CountRole::Subset);
        assert_eq!(found[1].qualifiers, vec!["children"]);
    }

    #[test]
    fn round_figures_are_compared_with_slack() {
        let opts = CountOptions::default();
        let a = one("Officials said 1,000 people were evacuated.");
        let b = one("Officials said 1,012 people were evacuated.");
        assert!(a.round && !b.round);
        assert!(a.interval.disjoint(&b.interval), "literally different");
        assert!(
            a.comparable(&opts).overlaps(&b.comparable(&opts)),
            "but 1,000 may be rounded"
        );
        let c = one("Officials said 1,200 people were evacuated.");
        assert!(a.comparable(&opts).disjoint(&c.comparable(&opts)));
        let d = one("Officials said 31 people were evacuated.");
        let e = one("Officials said 30 people were evacuated.");
        assert!(d.comparable(&opts).disjoint(&e.comparable(&opts)));
    }

    #[test]
    fn headlines_may_capitalise_numbers() {
        let m = one("Storm Kills Twelve People in Coastal Town");
        assert_eq!((m.key(), m.interval), ("killed", Interval::exact(12.0)));
    }

    // ── hard negatives ──

    #[test]
    fn not_counts() {
        for text in [
            "In 2024 protesters gathered in the square.",
            "The 2022 election was close.",
            "The talks began on May 15 in the capital.",
            "The talks began on 15 May in the capital.",
            "The vote is at 10:30 on Friday.",
            "They met at 3 p.m. with officials.",
            "She finished second in the first round.",
            "He won the 15th round.",
            "A 45-year-old man was arrested.",
            "The suspect, aged 45, was arrested.",
            "The man, 45 years old, was arrested.",
            "Turnout rose 12% among people under thirty.",
            "Turnout was 12 percent among people polled.",
            "The fund paid $2.5 million to families.",
            "The fund paid 2.5 million dollars to families.",
            "Ministers of the G7 met in Rome.",
            "The Group of 20 countries met in Rome.",
            "Article 5 of the treaty covers members.",
            "Flight 370 passengers were never found.",
            "Call 555-0123 for people seeking help.",
            "One of the victims was a teacher.",
            "No one was hurt.",
            "The Big Three leaders met.",
            "The war began in 2014 and killed soldiers.",
            "The 1990s saw many people leave.",
            "It is open 24/7 to people in need.",
            "The dam is 12 km from the town.",
            "Talks lasted 12 hours.",
            "They may travel to Kyiv next week.",
            "The team won 3-1 against people from Oslo.",
        ] {
            assert_eq!(counts(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn counts_next_to_negatives() {
        // A year, then a count.
        let m = one("In 2024, 300 people were evacuated.");
        assert_eq!(m.interval, Interval::exact(300.0));
        // A date, then a count.
        let m = one("On May 15, 12 people were injured.");
        assert_eq!((m.key(), m.interval), ("injured", Interval::exact(12.0)));
        // A weekday is not a name: "Monday 12 people".
        let m = one("On Monday 12 people were injured.");
        assert_eq!(m.interval, Interval::exact(12.0));
        // An age and a count in one sentence.
        let m = one("A 45-year-old man and 12 others were arrested.");
        assert_eq!(m.interval, Interval::exact(12.0), "{m:#?}");
    }

    #[test]
    fn shares_labels_and_nearby_updates() {
        let share = one("Civic Renewal won 71 of the 180 seats in the election.");
        assert_eq!(share.interval.as_exact(), Some(71.0));
        assert_eq!((share.noun, share.role), (Some("seats"), CountRole::Subset));
        let found = counts("Officials named 12 of the 30 dead.");
        assert!(
            found
                .iter()
                .all(|c| c.interval.as_exact() != Some(12.0) || c.role == CountRole::Subset),
            "a share is never a total: {found:#?}"
        );
        let label = one("Civic Renewal: 71 seats");
        assert_eq!(label.interval.as_exact(), Some(71.0));
        assert!(counts("The race started at 10:30 sharp.").is_empty());
        let far = one("41 runners were hospitalised after temperatures climbed past 30 degrees.");
        assert_eq!(far.update, None, "the cue is about the temperature");
        let near = one("The toll rose to 63 on Tuesday.");
        assert!(near.update.is_some());
        let after = one("At least 12 people have died so far.");
        assert!(after.update.is_some());
    }

    #[test]
    fn an_attribute_outcome_yields_to_the_predicate() {
        assert!(counts("Nearly 2,500 registered runners stayed away.").is_empty());
        let hurt = one("Some 30 injured passengers were taken to hospital.");
        assert_eq!(hurt.outcome, Some("hospitalized"));
        let plain = one("The wave left 40 injured people in the town.");
        assert_eq!(plain.outcome, Some("injured"));
    }

    #[test]
    fn shares_of_a_written_number() {
        let c = one("Fewer than half of the 18,400 registered runners reached the finish.");
        assert_eq!(c.outcome, Some("finished"));
        assert!(
            c.interval.contains(9000.0) && !c.interval.contains(9200.0),
            "{}",
            c.interval
        );
        assert_eq!(iv("two-thirds of the 300").as_exact(), Some(200.0));
        assert_eq!(
            one("About 13,207 runners crossed the finish line.").outcome,
            Some("finished")
        );
    }
}

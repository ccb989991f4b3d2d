//! A deterministic generator of news corpora with planted conflicts, for benchmarks.
//!
//! Shared by `examples/gencorpus.rs` (writes a corpus to disk) and `benches/pipeline.rs`
//! (builds one in memory) through `#[path]`, so both measure the same articles.
//!
//! A corpus is a list of independent **events** (an invented summit, talks, a
//! conference…), each covered by 5–20 articles in different styles: a wire report,
//! a liveblog, an explainer, an analysis, a newsletter. Every person is invented and
//! unique to one event, so conflicts stay local, as in a real archive. Some events
//! carry a planted conflict that factlint's checks detect (`presence-conflict`,
//! `title-conflict`, `spelling-variant`); every event also carries hard negatives that
//! must stay silent: hedged, planned, quoted and questioned presence, consistent
//! "former" titles, two people sharing a surname, a whole article without diacritics.
//! The planted conflicts are returned as [`Planted`] answers.
//!
//! Everything is a function of the seed and the event's index: event `i` is the same
//! whatever the number of documents asked for, except that the last event may be cut short.

#![allow(dead_code)]

use std::fmt::Write as _;

/// A small, fast, deterministic PRNG (SplitMix64); good enough for invented prose.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// One generated article: its path relative to the corpus root, and its bytes.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    pub text: String,
}

/// A planted conflict: the check that must report it, the person, and the files it involves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    pub code: &'static str,
    pub subject: String,
    pub files: Vec<String>,
}

/// One event and its coverage.
#[derive(Debug, Clone)]
pub struct Event {
    pub articles: Vec<Article>,
    pub planted: Vec<Planted>,
}

/// Generates `docs` articles from `seed`, event by event, without holding the corpus in memory.
pub fn events(docs: usize, seed: u64) -> impl Iterator<Item = Event> {
    let mut sizes = Rng::new(seed);
    let mut remaining = docs;
    let mut index = 0usize;
    std::iter::from_fn(move || {
        if remaining == 0 {
            return None;
        }
        let size = sizes.range(5, 20).min(remaining);
        remaining -= size;
        let event = generate_event(seed, index, size);
        index += 1;
        Some(event)
    })
}

/// The whole corpus in memory (for benchmarks): articles in path order, and the planted conflicts.
pub fn corpus(docs: usize, seed: u64) -> (Vec<Article>, Vec<Planted>) {
    let mut articles = Vec::with_capacity(docs);
    let mut planted = Vec::new();
    for event in events(docs, seed) {
        articles.extend(event.articles);
        planted.extend(event.planted);
    }
    (articles, planted)
}

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const FIRST_NAMES: &[&str] = &[
    "Ada",
    "Adrian",
    "Agnes",
    "Aino",
    "Akosua",
    "Alba",
    "Aleksander",
    "Alma",
    "Amara",
    "Anders",
    "Andrea",
    "Anika",
    "Anton",
    "Arne",
    "Astrid",
    "Aurelio",
    "Barbara",
    "Bastian",
    "Beatriz",
    "Benedikt",
    "Bianca",
    "Birgit",
    "Bogdan",
    "Camila",
    "Carmen",
    "Cedric",
    "Celeste",
    "Chiara",
    "Cyril",
    "Dalia",
    "Damian",
    "Daniela",
    "Dario",
    "Delphine",
    "Dmitri",
    "Dora",
    "Edgar",
    "Edith",
    "Elena",
    "Elif",
    "Emeka",
    "Emil",
    "Enzo",
    "Erik",
    "Esther",
    "Fabian",
    "Farida",
    "Felix",
    "Fiona",
    "Florin",
    "Frida",
    "Gabriel",
    "Gaspard",
    "Greta",
    "Gustav",
    "Hana",
    "Hannes",
    "Helena",
    "Henrik",
    "Hugo",
    "Ilse",
    "Imre",
    "Ines",
    "Ingrid",
    "Irena",
    "Isak",
    "Ivana",
    "Jakob",
    "Jana",
    "Joaquim",
    "Johanna",
    "Jonas",
    "Julia",
    "Kai",
    "Karin",
    "Kasper",
    "Katarina",
    "Kofi",
    "Lars",
    "Laura",
    "Leila",
    "Lena",
    "Leon",
    "Liesel",
    "Linnea",
    "Lorenzo",
    "Lucia",
    "Ludmila",
    "Magnus",
    "Maja",
    "Malik",
    "Marek",
    "Marta",
    "Matteo",
    "Milena",
    "Miro",
    "Nadia",
    "Nils",
    "Nina",
    "Noor",
    "Oda",
    "Oskar",
    "Otto",
    "Paola",
    "Pavel",
    "Petra",
    "Pieter",
    "Rafael",
    "Rania",
    "Rasmus",
    "Renata",
    "Rosa",
    "Ruben",
    "Sabine",
    "Samir",
    "Sanna",
    "Selma",
    "Sergio",
    "Silvia",
    "Simon",
    "Sofia",
    "Stefan",
    "Svea",
    "Tamara",
    "Teodor",
    "Theo",
    "Tilde",
    "Tomas",
    "Ulla",
    "Valentin",
    "Vera",
    "Viktor",
    "Wanda",
    "Yara",
    "Yusuf",
    "Zofia",
    "Zoran",
];

/// Consonants and vowels of invented surnames. Surnames are four letters (CVCV or CVCC):
/// factlint never merges names that short by spelling, so people stay apart.
const CONSONANTS: &[&str] = &[
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "j",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u"];

/// Diacritic forms of folded letters, for people whose names carry diacritics.
const DIACRITICS: &[(char, char)] = &[
    ('a', 'á'),
    ('e', 'é'),
    ('o', 'ö'),
    ('u', 'ü'),
    ('i', 'í'),
    ('c', 'č'),
    ('s', 'š'),
    ('z', 'ž'),
    ('r', 'ř'),
];

/// Invented words for cities and countries.
const PLACE_STEMS: &[&str] = &[
    "Varn", "Ostr", "Bel", "Kald", "Mer", "Sol", "Tarn", "Vel", "Dun", "Hal", "Lund", "Brem", "Cor", "Fal", "Gest",
    "Ilm", "Kest", "Lor", "Mald", "Nor", "Orl", "Pel", "Quel", "Ros", "Sav", "Tir", "Ulv", "Vass", "Wen", "Yst",
];
const CITY_ENDS: &[&str] = &[
    "holm", "vik", "stad", "port", "mouth", "by", "ford", "haven", "berg", "dal", "wick", "ness",
];
const COUNTRY_ENDS: &[&str] = &["ania", "esia", "aria", "mark", "land", "ovia", "ensia", "ora"];

const EVENT_KINDS: &[(&str, &str)] = &[
    ("summit", "climate"),
    ("talks", "ceasefire"),
    ("conference", "trade"),
    ("forum", "energy"),
    ("summit", "fisheries"),
    ("conference", "health"),
    ("talks", "border"),
    ("forum", "water"),
    ("meeting", "finance"),
    ("summit", "migration"),
];

const TITLES: &[&str] = &[
    "Finance Minister",
    "Foreign Minister",
    "Energy Minister",
    "Trade Minister",
    "Health Minister",
    "Environment Minister",
    "Interior Minister",
    "Defense Minister",
    "Transport Minister",
    "Agriculture Minister",
    "Ambassador",
    "Governor",
];

const OUTLETS: &[&str] = &[
    "Northern Current News Agency",
    "The Harbour Ledger",
    "Coastline Wire",
    "Meridian Press",
    "The Lantern",
    "Baltic Review",
    "Daily Almanac",
    "Signal Post",
    "The Quayside",
    "Evening Register",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/// Words the built-in pack knows as names; an invented name must not be one of them.
const TAKEN: &[&str] = &["modi", "xi", "vance", "merz", "rutte"];

/// Surnames are numbered: consonant, vowel, consonant, then a vowel or a final consonant.
const FINALS: &[&str] = &["a", "e", "i", "o", "u", "k", "n", "r", "s", "v"];
const SURNAMES: usize = 16 * 5 * 16 * 10;

fn surname(b: usize) -> String {
    let (c1, rest) = (b % 16, b / 16);
    let (v, rest) = (rest % 5, rest / 5);
    let (c2, f) = (rest % 16, rest / 16);
    format!(
        "{}{}{}{}",
        CONSONANTS[c1].to_uppercase(),
        VOWELS[v],
        CONSONANTS[c2],
        FINALS[f % FINALS.len()]
    )
}

/// The person with global number `n`: a (first name, surname) pair no other number gets
/// (for the first 1.7 million people), with different surnames for neighbouring numbers.
fn person_name(n: u64) -> (String, String) {
    let n = n as usize;
    let s = SURNAMES;
    let f = FIRST_NAMES.len();
    let mut b = (n % s) * 7919 % s;
    let a = (n / s + n) % f;
    // Skip the few numbers that spell a name the built-in pack knows.
    while TAKEN.contains(&surname(b).to_lowercase().as_str()) {
        b = (b + 1) % s;
    }
    (FIRST_NAMES[a].to_string(), surname(b))
}

fn with_diacritic(rng: &mut Rng, word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut spots: Vec<(usize, char)> = Vec::new();
    for (i, c) in chars.iter().enumerate().skip(1) {
        if let Some(&(_, d)) = DIACRITICS.iter().find(|(f, _)| f == c) {
            spots.push((i, d));
        }
    }
    if spots.is_empty() {
        return None;
    }
    let (i, d) = *rng.pick(&spots);
    let mut out = chars;
    out[i] = d;
    Some(out.into_iter().collect())
}

fn fold_ascii(word: &str) -> String {
    word.chars()
        .map(|c| match DIACRITICS.iter().find(|(_, d)| *d == c) {
            Some(&(f, _)) => f,
            None => c,
        })
        .collect()
}

fn place(rng: &mut Rng, ends: &[&str]) -> String {
    format!("{}{}", rng.pick(PLACE_STEMS), rng.pick(ends))
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Attends; agreed by every source.
    Attendee,
    /// Absent; every source that says so agrees.
    Absentee,
    /// Only ever hedged, planned, quoted or asked about, plus asserted attendance.
    Hedged,
    /// The planted presence conflict.
    Contested,
    /// Called "former" in every source (consistent).
    Former,
}

#[derive(Debug, Clone)]
struct Person {
    first: String,
    /// The surname as the person writes it (maybe with diacritics).
    surname: String,
    title: &'static str,
    part: Part,
    /// Another person of this event shares the surname: always write the full name.
    full_only: bool,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.surname)
    }

    fn titled(&self, former: bool) -> String {
        if former {
            format!("former {} {}", self.title, self.full())
        } else {
            format!("{} {}", self.title, self.full())
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Wire,
    Liveblog,
    Explainer,
    Analysis,
    Newsletter,
}

const STYLES: &[Style] = &[
    Style::Wire,
    Style::Liveblog,
    Style::Explainer,
    Style::Analysis,
    Style::Newsletter,
    Style::Wire,
];

struct Setting {
    city: String,
    country: String,
    demonym: String,
    noun: &'static str,
    topic: &'static str,
    /// The byline: an invented journalist who is not part of the story.
    author: String,
    year: i16,
    month: i8,
    day: i8,
}

/// What one article says about the planted conflicts.
#[derive(Debug, Clone, Copy, Default)]
struct Duties {
    /// The contested person: Some(true) says they attended, Some(false) that they did not.
    contested: Option<bool>,
    /// The person whose title is planted: Some(true) "former", Some(false) plain.
    title: Option<bool>,
    /// Spell the diacritic person both ways.
    spelling: bool,
    /// Write every name without diacritics (an outlet without them).
    ascii: bool,
}

fn generate_event(seed: u64, index: usize, size: usize) -> Event {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xd6e8_feb8_6659_fd93));
    let (noun, topic) = *rng.pick(EVENT_KINDS);
    let stem_city = place(&mut rng, CITY_ENDS);
    let country = place(&mut rng, COUNTRY_ENDS);
    let demonym = if country.ends_with('a') {
        format!("{country}n")
    } else {
        format!("{country}ish")
    };
    let setting = Setting {
        city: stem_city,
        demonym,
        country,
        noun,
        topic,
        author: {
            let (first, last) = person_name(index as u64 * 8 + 7);
            format!("{first} {last}")
        },
        year: 2023 + rng.below(3) as i16,
        month: 1 + rng.below(12) as i8,
        day: 1 + rng.below(20) as i8,
    };

    // People: unique across the corpus (numbered by event), 6 of them.
    let mut people: Vec<Person> = Vec::new();
    let parts = [
        Part::Attendee,
        Part::Attendee,
        Part::Absentee,
        Part::Hedged,
        Part::Contested,
        Part::Former,
    ];
    let mut titles: Vec<&'static str> = TITLES.to_vec();
    rng.shuffle(&mut titles);
    for (k, part) in parts.iter().enumerate() {
        let (first, surname) = person_name(index as u64 * 8 + k as u64);
        people.push(Person {
            first,
            surname,
            title: titles[k],
            part: *part,
            full_only: false,
        });
    }
    // Sometimes the absentee shares a surname with an attendee (different people).
    if rng.chance(30) {
        people[2].surname = people[0].surname.clone();
        people[2].full_only = true;
        people[0].full_only = true;
    }
    // The spelling person: an attendee whose name carries a diacritic.
    let spelled = 1;
    if let Some(s) = with_diacritic(&mut rng, &people[spelled].surname) {
        people[spelled].surname = s;
    }
    let has_diacritic = people[spelled].surname != fold_ascii(&people[spelled].surname);

    let plant_presence = size >= 4 && rng.chance(45);
    let plant_title = size >= 4 && rng.chance(35);
    let plant_spelling = has_diacritic && !people[spelled].full_only && rng.chance(35);

    let mut styles: Vec<Style> = (0..size).map(|_| *rng.pick(STYLES)).collect();
    styles[0] = Style::Wire;
    let files: Vec<String> = styles
        .iter()
        .enumerate()
        .map(|(k, style)| {
            let (name, ext) = match style {
                Style::Wire => ("wire", "md"),
                Style::Liveblog => ("liveblog", "txt"),
                Style::Explainer => ("explainer", "md"),
                Style::Analysis => ("analysis", "md"),
                Style::Newsletter => ("newsletter", "txt"),
            };
            format!(
                "e{index:06}-{}-{}/{k:02}-{name}.{ext}",
                setting.city.to_lowercase(),
                setting.noun
            )
        })
        .collect();

    let mut duties = vec![Duties::default(); size];
    let mut order: Vec<usize> = (0..size).collect();
    rng.shuffle(&mut order);
    let mut planted = Vec::new();
    if plant_presence {
        let yes = &order[..1 + rng.below(2)];
        let no = &order[yes.len()..yes.len() + 1 + rng.below(2)];
        for &d in yes {
            duties[d].contested = Some(true);
        }
        for &d in no {
            duties[d].contested = Some(false);
        }
        let mut files_involved: Vec<String> = yes.iter().chain(no).map(|&d| files[d].clone()).collect();
        files_involved.sort();
        planted.push(Planted {
            code: "presence-conflict",
            subject: people[4].full(),
            files: files_involved,
        });
    }
    rng.shuffle(&mut order);
    // "former" dated after the plain title may be a change of office, which factlint
    // does not flag; a planted conflict puts the plain title on or after the "former"
    // one (article k is dated k % 5 days into the event).
    let former = order[0];
    let later: Vec<usize> = order[1..].iter().copied().filter(|&d| d % 5 >= former % 5).collect();
    if plant_title && !later.is_empty() {
        duties[former].title = Some(true);
        let plain: Vec<usize> = later.iter().copied().filter(|_| rng.chance(60)).collect();
        let plain = if plain.is_empty() { vec![later[0]] } else { plain };
        for &d in &plain {
            duties[d].title = Some(false);
        }
        let mut files_involved: Vec<String> = std::iter::once(former).chain(plain).map(|d| files[d].clone()).collect();
        files_involved.sort();
        planted.push(Planted {
            code: "title-conflict",
            subject: people[5].full(),
            files: files_involved,
        });
    }
    rng.shuffle(&mut order);
    if plant_spelling {
        duties[order[0]].spelling = true;
        planted.push(Planted {
            code: "spelling-variant",
            subject: people[spelled].full(),
            files: vec![files[order[0]].clone()],
        });
    }
    // An outlet that drops diacritics throughout (agrees with the others after folding).
    if size > 2 && rng.chance(30) {
        let d = order[size - 1];
        if !duties[d].spelling {
            duties[d].ascii = true;
        }
    }

    let articles = styles
        .iter()
        .enumerate()
        .map(|(k, style)| {
            let mut doc_rng = Rng::new(rng.next_u64());
            Article {
                path: files[k].clone(),
                text: write_article(&mut doc_rng, *style, &setting, &people, duties[k], plant_title, k),
            }
        })
        .collect();
    Event { articles, planted }
}

// ---------------------------------------------------------------------------
// Articles
// ---------------------------------------------------------------------------

struct Writer<'a> {
    rng: &'a mut Rng,
    s: &'a Setting,
    people: &'a [Person],
    duties: Duties,
    /// The title person's title is planted in some article: write it only where duties say.
    title_planted: bool,
}

impl Writer<'_> {
    fn name(&self, p: &Person) -> String {
        let full = p.full();
        if self.duties.ascii { fold_ascii(&full) } else { full }
    }

    fn surname(&self, p: &Person) -> String {
        if p.full_only {
            return self.name(p);
        }
        if self.duties.ascii {
            fold_ascii(&p.surname)
        } else {
            p.surname.clone()
        }
    }

    /// The person with their title, as this article writes it.
    fn titled(&self, p: &Person) -> String {
        let name = self.name(p);
        match p.part {
            Part::Former => {
                if self.title_planted {
                    match self.duties.title {
                        Some(true) => format!("former {} {name}", p.title),
                        Some(false) => format!("{} {name}", p.title),
                        None => name,
                    }
                } else {
                    format!("former {} {name}", p.title)
                }
            }
            _ => format!("{} {name}", p.title),
        }
    }

    fn weekday(&mut self) -> &'static str {
        WEEKDAYS[self.rng.below(WEEKDAYS.len())]
    }

    fn money(&mut self) -> String {
        if self.rng.chance(50) {
            format!("{}.{} billion euros", self.rng.range(1, 9), self.rng.range(1, 9))
        } else {
            format!("{} million euros", self.rng.range(20, 900))
        }
    }

    fn crowd(&mut self) -> String {
        format!("{},{:03} people", self.rng.range(1, 40), self.rng.below(1000))
    }

    fn person(&mut self, part: Part) -> Person {
        self.people
            .iter()
            .find(|p| p.part == part)
            .cloned()
            .expect("every event has every part")
    }

    /// A neutral sentence quoting or describing someone, with no presence claim.
    fn remark(&mut self, p: &Person) -> String {
        let name = self.titled(p);
        let short = self.surname(p);
        let n = self.money();
        let topic = self.s.topic;
        let noun = self.s.noun;
        match self.rng.below(8) {
            0 => format!(
                "“We did not come here for a photograph,” {name} told reporters, adding that {n} were at stake."
            ),
            1 => format!("{name} said the {topic} plan would need {n} over five years."),
            2 => format!(
                "In a statement, {name} called the draft “a floor, not a ceiling” and promised more detail in {} {}.",
                self.rng.pick(MONTHS),
                self.s.year + 1
            ),
            3 => format!(
                "{short} has argued for months that the {topic} fund should be weighted towards smaller states."
            ),
            4 => format!("Asked about the cost, {name} said: “The bill for doing nothing is {n}.”"),
            5 => format!(
                "According to {name}, the {noun} text still contains {} bracketed paragraphs.",
                self.rng.range(3, 40)
            ),
            6 => format!(
                "{name}, who chaired a working group on the {topic} formula, said the numbers had been checked “line by line.”"
            ),
            _ => format!(
                "Aides to {name} said the final wording was agreed late on {}.",
                self.weekday()
            ),
        }
    }

    fn attended(&mut self, p: &Person, place_ok: bool) -> String {
        let name = self.titled(p);
        let short = self.surname(p);
        let noun = self.s.noun;
        let city = self.s.city.clone();
        let day = self.weekday();
        let k = if place_ok { self.rng.below(6) } else { self.rng.below(3) };
        match k {
            0 => format!("{name} attended the {noun} in {city} on {day} and met several delegations."),
            1 => format!("{short} attended the opening session on {day} and spoke twice."),
            2 => format!("{name} took part in the {noun} throughout, sitting next to the host."),
            3 => format!("{short} was in {city} for the {noun} and spoke on the first day."),
            4 => format!("{name} arrived in {city} on {day} evening."),
            _ => format!("{short} landed in {city} shortly before the opening session."),
        }
    }

    fn absent(&mut self, p: &Person) -> String {
        let name = self.titled(p);
        let full = self.name(p);
        let short = self.surname(p);
        let noun = self.s.noun;
        let city = self.s.city.clone();
        match self.rng.below(5) {
            0 => format!("{name} skipped the {noun} and sent a deputy instead."),
            1 => format!("{full} stayed away from the {city} {noun}, citing a budget vote at home."),
            2 => format!("{full}, in turn, decided not to attend."),
            3 => format!("{name} did not attend the {noun}."),
            _ => format!("{short}’s absence from the {noun} was noted by several delegations."),
        }
    }

    /// Presence talk that must not count: hedged, planned, quoted, asked or supposed.
    fn hedged(&mut self, p: &Person) -> String {
        let full = self.name(p);
        let short = self.surname(p);
        let noun = self.s.noun;
        let city = self.s.city.clone();
        let day = self.weekday();
        match self.rng.below(7) {
            0 => format!("{full} may skip the closing session, according to two officials."),
            1 => format!("{full} is expected to arrive in {city} on {day}."),
            2 => format!("“I will not be in {city} on {day},” {full} said last month."),
            3 => format!("{short} could still stay away from the final day, aides said."),
            4 => format!("{full} plans to attend the next {noun} as well."),
            5 => format!("If the talks collapse, {short} would skip the signing."),
            _ => format!("Officials said {short} might not attend the closing dinner."),
        }
    }

    fn filler(&mut self) -> String {
        let n = self.money();
        let m = self.money();
        let topic = self.s.topic;
        let noun = self.s.noun;
        let city = self.s.city.clone();
        let country = self.s.country.clone();
        let demonym = self.s.demonym.clone();
        let month = *self.rng.pick(MONTHS);
        let day = self.weekday();
        match self.rng.below(14) {
            0 => format!(
                "Negotiators worked late into the evening on the {topic} formula, which smaller states say leans too heavily on coastline length and not enough on {n}."
            ),
            1 => format!(
                "Outside the conference centre, about {} marched along the harbour front, demanding a seat at the table.",
                self.crowd()
            ),
            2 => format!(
                "The {noun} in {city} is the third of its kind since {month} {}, and the first hosted by {country}.",
                self.s.year - 1
            ),
            3 => format!(
                "A draft seen by this outlet puts the first-round contributions at {m}, with the two largest economies covering more than half."
            ),
            4 => format!(
                "The {demonym} delegation had hoped to close the file by {month}, but the bracketed text kept growing."
            ),
            5 => format!(
                "Roughly {} were affected by last year’s floods, according to a regional survey published in {month} {}.",
                self.crowd(),
                self.s.year - 1
            ),
            6 => format!(
                "The host government set aside {} for security, transport and the press centre.",
                self.money()
            ),
            7 => format!(
                "Talks resumed on {day} morning after a break of {} hours.",
                self.rng.range(3, 40)
            ),
            8 => format!(
                "Critics say the plan does too little, too late; supporters answer that {n} is more than anyone expected a year ago."
            ),
            9 => format!(
                "The next round is planned for {month} {}, though no venue has been announced.",
                self.s.year + 1
            ),
            10 => format!(
                "Several smaller delegations complained that translation costs alone came to {}.",
                self.money()
            ),
            11 => format!("It may take until {month} before the first projects are approved, officials said."),
            12 => "The agreement has to be ratified by each parliament, and at least one vote is expected to be close."
                .to_string(),
            _ => format!(
                "Business groups welcomed the outline but warned that {} would not be enough to cover port upgrades.",
                self.money()
            ),
        }
    }

    /// The sentences this article must contain about people, in a shuffled order.
    fn key_sentences(&mut self) -> Vec<String> {
        let mut out = Vec::new();
        let attendees: Vec<Person> = self
            .people
            .iter()
            .filter(|p| p.part == Part::Attendee)
            .cloned()
            .collect();
        for p in &attendees {
            if self.rng.chance(60) {
                let s = self.attended(p, true);
                out.push(s);
            }
            if self.rng.chance(60) {
                let s = self.remark(p);
                out.push(s);
            }
        }
        let absentee = self.person(Part::Absentee);
        if self.rng.chance(40) {
            let s = self.absent(&absentee);
            out.push(s);
        }
        let hedged = self.person(Part::Hedged);
        if self.rng.chance(50) {
            let s = self.attended(&hedged, true);
            out.push(s);
        }
        if self.rng.chance(70) {
            let s = self.hedged(&hedged);
            out.push(s);
        }
        let contested = self.person(Part::Contested);
        match self.duties.contested {
            Some(true) => {
                let s = self.attended(&contested, false);
                out.push(s);
            }
            Some(false) => {
                let s = self.absent(&contested);
                out.push(s);
            }
            None => {
                if self.rng.chance(50) {
                    let s = self.hedged(&contested);
                    out.push(s);
                }
            }
        }
        if self.rng.chance(50) {
            let s = self.remark(&contested);
            out.push(s);
        }
        let former = self.person(Part::Former);
        if !self.title_planted || self.duties.title.is_some() || self.rng.chance(50) {
            let s = self.remark(&former);
            out.push(s);
        }
        if self.duties.spelling {
            let p = self.people[1].clone();
            let variant = fold_ascii(&p.surname);
            let topic = self.s.topic;
            out.push(format!(
                "{variant} also lobbied the host to back a separate {topic} clause, without success."
            ));
        }
        self.rng.shuffle(&mut out);
        // Every person the article talks about is introduced in full, with a title, first.
        let mut intro = Vec::new();
        for p in self.people {
            let mentioned = out
                .iter()
                .any(|s| s.contains(&self.surname(p)) || s.contains(&fold_ascii(&p.surname)));
            if mentioned {
                let name = self.titled(p);
                let country = self.s.country.clone();
                intro.push(match self.rng.below(3) {
                    0 => format!("{name}, who represents {country} in the {topic} file, said the talks had been “difficult but honest.”", topic = self.s.topic),
                    1 => format!("“This is a start,” {name} said on {}.", self.weekday()),
                    _ => format!("{name} said the delegations were “closer than a week ago.”"),
                });
            }
        }
        if self.duties.spelling {
            // The variant comes after the first correct spelling.
            let p = &self.people[1];
            let first = intro.iter().position(|s| s.contains(&p.surname));
            if first.is_none() {
                intro.insert(
                    0,
                    format!("{} said the delegations were “closer than a week ago.”", self.titled(p)),
                );
            }
        }
        intro.extend(out);
        intro
    }
}

fn write_article(
    rng: &mut Rng,
    style: Style,
    s: &Setting,
    people: &[Person],
    duties: Duties,
    title_planted: bool,
    k: usize,
) -> String {
    let target = rng.range(4000, 6000);
    let outlet = *rng.pick(OUTLETS);
    let mut w = Writer {
        rng,
        s,
        people,
        duties,
        title_planted,
    };
    let day = s.day + (k % 5) as i8;
    let iso = format!("{}-{:02}-{:02}", s.year, s.month, day);
    let noun_cap = capitalize(s.noun);
    let topic_cap = capitalize(s.topic);
    let headline = match w.rng.below(5) {
        0 => format!("{} {noun_cap} opens amid protests on the {} waterfront", s.city, s.city),
        1 => format!("Delegations close in on {} deal at {} {noun_cap}", s.topic, s.city),
        2 => format!("What is at stake at the {} {noun_cap}", s.city),
        3 => format!("{topic_cap} {noun_cap}: long nights and a short text in {}", s.city),
        _ => format!("{} hosts regional {} {noun_cap}", s.country, s.topic),
    };
    let keys = w.key_sentences();
    let mut out = String::with_capacity(target + 512);
    let mut body = String::new();
    let mut key_iter = keys.into_iter();

    match style {
        Style::Wire | Style::Analysis => {
            let _ = write!(
                out,
                "---\ntitle: \"{headline}\"\ndate: {iso}\noutlet: {outlet}\nurl: https://example.org/{}/{iso}/{}\nauthor: {}\n---\n\n# {headline}\n\n",
                s.topic, k, s.author
            );
            let _ = write!(
                body,
                "**{}, {}, {}** — ",
                s.city.to_uppercase(),
                s.country,
                MONTHS[s.month as usize - 1].to_owned() + &format!(" {day}, {}", s.year)
            );
            body.push_str(&w.filler());
            body.push_str("\n\n");
            paragraphs(&mut w, &mut body, &mut key_iter, target, |_, _| String::new());
        }
        Style::Explainer => {
            let _ = write!(
                out,
                "+++\ntitle = \"{headline}\"\ndate = {iso}\noutlet = \"{outlet}\"\nurl = \"https://example.org/explainers/{k}\"\n+++\n\n# {headline}\n\n"
            );
            let hedged = w.person(Part::Hedged);
            let questions = [
                format!("## Why does the {} {} matter?", s.city, s.noun),
                format!("## Will {} attend the {}?", w.surname(&hedged), s.noun),
                "## Who pushed hardest?".to_string(),
                format!("## Can the {} fund survive?", s.topic),
                "## What happens next?".to_string(),
                "## Who was missing?".to_string(),
            ];
            let mut q = 0;
            paragraphs(&mut w, &mut body, &mut key_iter, target, |_, i| {
                if i % 3 == 0 && q < questions.len() {
                    q += 1;
                    format!("{}\n\n", questions[q - 1])
                } else {
                    String::new()
                }
            });
        }
        Style::Liveblog => {
            let _ = write!(
                out,
                "LIVE: {headline}\n{outlet} | Live desk\n{}/{}/{} — updated throughout the day\n\n",
                s.month, day, s.year
            );
            let mut minute = 9 * 60 + w.rng.below(30);
            paragraphs(&mut w, &mut body, &mut key_iter, target, |rng, _| {
                minute += 5 + rng.below(40);
                format!("* {:02}:{:02} — ", (minute / 60) % 24, minute % 60)
            });
        }
        Style::Newsletter => {
            let _ = write!(
                out,
                "THE {} BRIEF\nYour weekly {} policy newsletter\n{} {} {}\nEdited by {}\n\n",
                s.topic.to_uppercase(),
                s.topic,
                day,
                MONTHS[s.month as usize - 1],
                s.year,
                s.author
            );
            let sections = [
                "THE DECLARATION",
                "THE MONEY",
                "WHO WAS THERE",
                "THE STREET",
                "THE FINE PRINT",
                "WHAT COMES NEXT",
            ];
            let mut n = 0;
            paragraphs(&mut w, &mut body, &mut key_iter, target, |_, i| {
                if i % 2 == 0 {
                    n += 1;
                    format!("{n}. {}\n\n", sections[(n - 1) % sections.len()])
                } else {
                    String::new()
                }
            });
            body.push_str("Unsubscribe | Forward to a friend\n");
        }
    }
    out.push_str(&body);
    out
}

/// Writes paragraphs of 2–4 sentences until `target` bytes, spreading the key sentences through them.
fn paragraphs(
    w: &mut Writer<'_>,
    body: &mut String,
    keys: &mut impl Iterator<Item = String>,
    target: usize,
    mut prefix: impl FnMut(&mut Rng, usize) -> String,
) {
    let mut keys: Vec<String> = keys.collect();
    keys.reverse();
    let mut i = 0;
    while body.len() < target || !keys.is_empty() {
        let pre = prefix(w.rng, i);
        body.push_str(&pre);
        let sentences = w.rng.range(2, 4);
        for j in 0..sentences {
            if j > 0 {
                body.push(' ');
            }
            let key_now = !keys.is_empty() && (j == 0 || w.rng.chance(30));
            let sentence = if key_now {
                keys.pop().unwrap_or_default()
            } else {
                w.filler()
            };
            body.push_str(&capitalize(&sentence));
        }
        body.push_str("\n\n");
        i += 1;
    }
}

fn capitalize(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Checks a `factlint check --format json` report against the planted conflicts.
///
/// `root` is the corpus directory as it was given to factlint; label files are read relative to it.
pub fn verify(report: &serde_json::Value, planted: &[Planted], root: &str) -> Verdict {
    let root = root.trim_end_matches('/');
    let diagnostics = report["diagnostics"].as_array().cloned().unwrap_or_default();
    let rel = |f: &str| -> String {
        f.strip_prefix(root)
            .map(|r| r.trim_start_matches('/').to_string())
            .unwrap_or_else(|| f.to_string())
    };
    let fold = |s: &str| fold_ascii(&s.to_lowercase());
    let mut matched = vec![false; diagnostics.len()];
    let mut missed = Vec::new();
    for p in planted {
        let surname = fold(p.subject.rsplit(' ').next().unwrap_or(&p.subject));
        let hit = diagnostics.iter().enumerate().find(|(_, d)| {
            d["code"] == p.code && fold(d["message"].as_str().unwrap_or("")).contains(&surname) && {
                let files: Vec<String> = d["labels"]
                    .as_array()
                    .map(|ls| ls.iter().filter_map(|l| l["file"].as_str()).map(rel).collect())
                    .unwrap_or_default();
                p.files.iter().all(|f| files.contains(f))
            }
        });
        match hit {
            Some((i, _)) => matched[i] = true,
            None => missed.push(p.clone()),
        }
    }
    let extra = diagnostics
        .iter()
        .zip(&matched)
        .filter(|(d, m)| !**m && d["severity"] != "advice")
        .map(|(d, _)| {
            let files: Vec<String> = d["labels"]
                .as_array()
                .map(|ls| ls.iter().filter_map(|l| l["file"].as_str()).map(rel).collect())
                .unwrap_or_default();
            format!(
                "{}: {} [{}]",
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("?"),
                files.join(", ")
            )
        })
        .collect();
    Verdict {
        planted: planted.len(),
        found: planted.len() - missed.len(),
        missed,
        extra,
    }
}

/// The outcome of [`verify`].
#[derive(Debug)]
pub struct Verdict {
    pub planted: usize,
    pub found: usize,
    pub missed: Vec<Planted>,
    /// Error and warning diagnostics that match no planted conflict.
    pub extra: Vec<String>,
}

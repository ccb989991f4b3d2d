//! Entity mentions: names from the rule pack and names discovered in the text, with their titles.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::pack::{EntityIdx, EntityKind, Pack, Probe, WordSet};
use crate::source::BlockKind;
use crate::text::{Segmented, Token, TokenKind};

/// What a mention names, before names are merged across documents.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameRef {
    /// An entity of the rule pack.
    Pack(EntityIdx),
    /// A person found in the text, keyed by the folded full name ("rustem umerov")
    /// or, for a surname never given in full in this document, the folded surname.
    Discovered(String),
}

/// Whether a title says the office is held now, was held, or is about to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Current,
    Former,
    /// "then-President": the office as it was at the time described.
    Then,
    Acting,
    Elect,
}

/// A title written in front of a name: "former U.S. President".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitlePhrase {
    /// The whole phrase, qualifier and country included.
    pub span: Range<usize>,
    /// The index of the phrase's first token.
    pub first_token: usize,
    /// The normalised office ("president", "defense minister").
    /// Boxed: never changed, and every title of a run is kept to the end.
    pub title: Box<str>,
    /// The place or organisation named with the title ("U.S." → united-states).
    pub of: Option<EntityIdx>,
    pub qualifier: Qualifier,
}

/// One place in a document that names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as written (title excluded).
    pub span: Range<usize>,
    /// Token indices of the name.
    pub tokens: Range<usize>,
    pub name: NameRef,
    pub kind: EntityKind,
    /// The last word of the name as written, the part whose spelling varies ("Erdoğan").
    /// Boxed: never changed, and every mention of a run is kept to the end.
    pub surname: Box<str>,
    /// Boxed: most mentions have none, and every mention of a run is kept to the end.
    pub title: Option<Box<TitlePhrase>>,
    /// The mention is a descriptor from the pack ("the Ukrainian leader"), not a name.
    pub descriptor: bool,
}

/// Finds every mention in a segmented document, given the people discovered in
/// this document (`local`) and in the whole run (`names`).
pub fn find_mentions(
    text: &str,
    seg: &Segmented,
    pack: &Pack,
    pack_starts: &NameStarts,
    names: &NameTable,
    local: &[String],
) -> Vec<Mention> {
    let discovered = Discovered { names, local };
    let starts = [pack_starts, &names.starts];
    let mut keys = Keys::default();
    let mut mentions = Vec::new();
    for sentence in &seg.sentences {
        let tokens = sentence.tokens.clone();
        let mut i = tokens.start;
        while i < tokens.end {
            // Most words begin no name: skip them without building the keys `match_at` tries.
            let norm = &seg.tokens[i].norm;
            if !starts.iter().any(|s| s.0.contains(norm)) {
                i += 1;
                continue;
            }
            let longest = pack.max_name_tokens.max(4).min(tokens.end - i);
            // No name starts with these words: no longer key can be a name either, since
            // every name's word prefixes are starts ([`NameStarts`]).
            keys.build(&seg.tokens[i..i + longest], |_, _, key| {
                starts.iter().any(|s| s.0.contains(key))
            });
            match match_at(text, seg, pack, &discovered, i, tokens.clone(), &keys) {
                Some(mut m) => {
                    i = m.tokens.end;
                    if m.kind == EntityKind::Person {
                        m.title = parse_title(seg, pack, m.tokens.start, tokens.start).map(Box::new);
                    }
                    mentions.push(m);
                }
                None => i += 1,
            }
        }
    }
    mentions
}

/// People named in full anywhere in the run, and the surnames that point at them.
#[derive(Debug, Default, Clone)]
pub struct NameTable {
    /// Folded full names ("rustem umerov").
    pub full: HashSet<String>,
    /// Folded surname → the full names that end with it.
    pub surnames: HashMap<String, Vec<String>>,
    /// The words the keys of `full` and `surnames` begin with.
    pub starts: NameStarts,
}

/// The folded words a name key can begin with: every prefix of a key that ends where
/// a word ends ("ana" and "ana kemo" for "ana kemo"), since a token's folded form may
/// itself contain a space.
#[derive(Debug, Default, Clone)]
pub struct NameStarts(WordSet);

impl NameStarts {
    /// The starts of every name in the pack.
    pub fn of_pack(pack: &Pack) -> NameStarts {
        let mut starts = NameStarts::default();
        for key in pack.names.keys() {
            starts.add(key);
        }
        starts
    }

    fn add(&mut self, key: &str) {
        for (i, c) in key.char_indices() {
            if c == ' ' {
                self.0.insert(key[..i].to_string());
            }
        }
        self.0.insert(key.to_string());
    }
}

impl NameTable {
    /// Builds the table from each document's discovered people.
    pub fn build<'a>(per_document: impl IntoIterator<Item = &'a Vec<String>>, pack: &Pack) -> NameTable {
        let mut table = NameTable::default();
        for names in per_document {
            for key in names {
                if table.full.insert(key.clone())
                    && let Some(surname) = key.rsplit(' ').next()
                    && key.contains(' ')
                    && !pack.names.contains_key(surname)
                {
                    table.surnames.entry(surname.to_string()).or_default().push(key.clone());
                }
            }
        }
        for owners in table.surnames.values_mut() {
            owners.sort();
        }
        let mut starts = NameStarts::default();
        for key in table.full.iter().chain(table.surnames.keys()) {
            starts.add(key);
        }
        table.starts = starts;
        table
    }

    /// The keys whose lookup in this table can succeed where a document's own table
    /// fails: every full name, and every surname with exactly one owner.
    ///
    /// With [`lookup_probes`], tells whether a document analysed with only its own names
    /// would read any name differently with the whole run's names.
    pub fn probe_hits(&self) -> ProbeHits {
        ProbeHits {
            full: self.full.iter().map(|k| probe_hash(k)).collect(),
            one_owner: self
                .surnames
                .iter()
                .filter(|(_, owners)| owners.len() == 1)
                .map(|(k, _)| probe_hash(k))
                .collect(),
        }
    }
}

/// Hashes of the name keys one document looks up that its own names do not settle ([`lookup_probes`]).
#[derive(Debug, Clone, Default)]
pub struct Probes {
    /// Keys that are not a full name here: a full name elsewhere reads differently.
    pub full: Vec<u32>,
    /// Single words with no owner here: a surname with one owner elsewhere reads differently.
    pub one_owner: Vec<u32>,
}

/// Hashes of a run's full names and of its surnames with one owner ([`NameTable::probe_hits`]).
#[derive(Debug, Clone, Default)]
pub struct ProbeHits {
    full: HashSet<u32>,
    one_owner: HashSet<u32>,
}

impl ProbeHits {
    /// Whether a document with these probes may read a name differently with this run's
    /// names than with its own (a hash collision only costs a second analysis).
    pub fn any(&self, probes: &Probes) -> bool {
        probes.full.iter().any(|h| self.full.contains(h)) || probes.one_owner.iter().any(|h| self.one_owner.contains(h))
    }
}

/// A hash of a name key: FxHash, unkeyed, so the same in every process and thread (and
/// cheaper than SipHash; nothing here is exposed to crafted collisions that matter).
/// The high 32 bits, FxHash's best mixed: every document keeps its probes until the
/// run's names are known, and a collision only costs one document a second analysis.
fn probe_hash(key: &str) -> u32 {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one(key) >> 32) as u32
}

/// The keys [`find_mentions`] may look up among discovered names in this document
/// whose answer from the document's own table (`own`) could change with a larger table.
///
/// This covers every lookup `match_at` makes (a capitalised first word, up to the longest
/// name) and keeps only the keys that could be a discovered full name (capitalised words
/// and name particles) and that `own` does not settle: `Discovered::lookup` asks for a
/// full name, and for a single word for the owners of that surname in this document,
/// then for a person known by that word or the one owner of that surname in the run. If
/// [`ProbeHits::any`] is false for the run's table, analysing with `own` gives the same
/// mentions as with the run's table. Must stay a superset of what `match_at` asks
/// `Discovered::lookup`.
pub fn lookup_probes(seg: &Segmented, pack: &Pack, own: &NameTable) -> Probes {
    let mut out = Probes::default();
    let mut keys = Keys::default();
    for sentence in &seg.sentences {
        let tokens = sentence.tokens.clone();
        for i in tokens.clone() {
            let first = &seg.tokens[i];
            if first.kind != TokenKind::Word || !first.capitalized {
                continue;
            }
            let longest = pack.max_name_tokens.max(4).min(tokens.end - i);
            // A name runs on through capitalised words and particles ("de", "van").
            keys.build(&seg.tokens[i..i + longest], |n, t, _| {
                n == 1 || t.kind == TokenKind::Word && t.capitalized || PARTICLES.contains(&t.norm.as_str())
            });
            let keys = keys.iter();
            // `match_at` tries the longest key first and stops at a full name this document
            // knows (any table knows it too): shorter keys here are never looked up.
            let known = keys.clone().rposition(|k| own.full.contains(k)).map_or(0, |n| n + 1);
            for (n, k) in keys.enumerate().skip(known) {
                // A common word alone ("June", "Some") is read as a surname only with an
                // owner in this document, which `own` knows.
                if n == 0 && is_common_word(k, pack) {
                    continue;
                }
                let hash = probe_hash(k);
                out.full.push(hash);
                if n == 0 && !own.surnames.contains_key(k) {
                    out.one_owner.push(hash);
                }
            }
        }
    }
    // Kept for every document until the whole run's names are known.
    for list in [&mut out.full, &mut out.one_owner] {
        list.sort_unstable();
        list.dedup();
        list.shrink_to_fit();
    }
    out
}

struct Discovered<'a> {
    names: &'a NameTable,
    local: &'a [String],
}

impl Discovered<'_> {
    /// The name a token sequence refers to: a full name as written; for a single word,
    /// the one person this document names in full with that surname, else the word
    /// itself when it is a person known by that word alone ("Bozi said") or the surname
    /// of one person of the run. Which person such a word names is for `resolve` to
    /// decide, in the document's story. A `common` word ("Some", "Home") is a surname only
    /// where this document names its owner in full.
    ///
    /// (A surname several people of the run share, none of them named here, is no
    /// mention: reading it would send most texts of an archive to a second analysis.)
    fn lookup(&self, key: &str, single: bool, common: bool) -> Option<String> {
        if !single {
            return self.names.full.contains(key).then(|| key.to_string());
        }
        let owners = self.names.surnames.get(key);
        let here: Vec<&String> = owners
            .into_iter()
            .flatten()
            .filter(|o| self.local.contains(o))
            .collect();
        match here.as_slice() {
            [one] => Some((*one).clone()),
            _ if common => None,
            [] if owners.is_some_and(|o| o.len() == 1) => Some(key.to_string()),
            // Two people of this document share the surname: only a person known by this
            // word alone is meant.
            _ => self.names.full.contains(key).then(|| key.to_string()),
        }
    }
}

fn is_name_word(t: &Token, pack: &Pack) -> bool {
    t.kind == TokenKind::Word
        && t.capitalized
        && !t.norm.ends_with("'s")
        && !pack.lexicon.not_names.contains(&t.norm)
        && !(t.all_caps && t.norm.len() > 3)
}

/// Whether `toks[i]`, a capitalised common word ("Some", "Have", "More", "June") right
/// after a name word, is that name's surname: inside a sentence such a word is capitalised
/// only as a name. Not a weekday ("Putin Tuesday said"), a month before a number ("May
/// 15"), nor a word a name continues after.
fn common_surname(toks: &[Token], i: usize, pack: &Pack) -> bool {
    let t = &toks[i];
    let prev = &toks[i - 1];
    t.kind == TokenKind::Word
        && t.capitalized
        && !t.all_caps
        && pack.lexicon.not_names.contains(&t.norm)
        && !t.norm.ends_with('.')
        && crate::source::weekday(&t.norm).is_none()
        && !(crate::source::month_number(&t.norm).is_some() && toks.get(i + 1).is_some_and(|n| n.starts_with_digit()))
        && t.norm.chars().count() >= 3
        && is_name_word(prev, pack)
        && !is_title_word(&prev.norm, pack)
        && !pack.adjectives.contains_key(prev.norm.as_str())
        && !toks.get(i + 1).is_some_and(|n| is_name_word(n, pack))
}

/// Whether a common word standing alone at token `i` ("Some", "Have", "June") can be a
/// surname. Inside a sentence a capitalised common word is a name, unless it is a date
/// ("in June", "on Tuesday"). Where every word is capitalised (a sentence's start, after
/// a dash) it is a name only before what cannot follow its ordinary use: "Have’s
/// absence", "Some has argued", "More also lobbied", "Have attended" (not "More than",
/// "Some delegates", "Have you").
fn common_word_as_name(seg: &Segmented, i: usize, sentence: Range<usize>) -> bool {
    let t = &seg.tokens[i];
    if crate::source::weekday(&t.norm).is_some() {
        return false;
    }
    if i > sentence.start && seg.tokens[i - 1].kind == TokenKind::Word {
        return crate::source::month_number(&t.norm).is_none();
    }
    let Some(next) = (i + 1 < sentence.end).then(|| &seg.tokens[i + 1]) else {
        return false;
    };
    matches!(
        next.norm.as_str(),
        "'s" | "has" | "had" | "was" | "is" | "also" | "did" | "does" | "says"
    ) || (next.kind == TokenKind::Word && !next.capitalized && next.norm.len() > 4 && next.norm.ends_with("ed"))
}

/// A word that is ordinarily no name ("some", "june") or a title word ("home"): as a
/// single word it is a surname only where a document names its owner in full.
fn is_common_word(norm: &str, pack: &Pack) -> bool {
    pack.lexicon.not_names.contains(norm) || is_title_word(norm, pack)
}

fn is_title_word<P: Probe + ?Sized>(norm: &P, pack: &Pack) -> bool {
    let lx = &pack.lexicon;
    lx.title_heads.contains(norm)
        || lx.title_modifiers.contains(norm)
        || lx.former.contains(norm)
        || lx.then.contains(norm)
        || lx.acting.contains(norm)
        || lx.elect.contains(norm)
}

/// Lowercase particles that may sit inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "da", "del", "la", "le", "bin", "al", "ibn", "di", "du",
];

/// Finds people named in full in the body text: capitalised runs after a title,
/// before a speech verb, or whose surname recurs on its own.
pub fn discover_people(seg: &Segmented, pack: &Pack) -> Vec<String> {
    // Borrowed from the tokens until a name is kept: most capitalised runs are not names.
    let mut candidates: Vec<(Vec<&str>, bool)> = Vec::new();
    let mut standalone: HashMap<&str, usize> = HashMap::default();
    let mut key = String::new();
    for sentence in &seg.sentences {
        // Headlines capitalise every word: they name no one we would not find in the body.
        if matches!(sentence.block_kind, BlockKind::Title | BlockKind::Heading) {
            continue;
        }
        let toks = &seg.tokens[sentence.tokens.clone()];
        let mut i = 0;
        while i < toks.len() {
            if !is_name_word(&toks[i], pack) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i;
            while end < toks.len()
                && (is_name_word(&toks[end], pack)
                    || (end > start
                        && PARTICLES.contains(&toks[end].norm.as_str())
                        && toks.get(end + 1).is_some_and(|t| is_name_word(t, pack))))
            {
                end += 1;
            }
            // A surname that is also a common word ends a name inside a sentence: "Leila
            // Some said", "Maja Moré attended" ("more"), "Yara June" (not "Putin May 15").
            if end > start && end < toks.len() && common_surname(toks, end, pack) {
                end += 1;
            }
            // Split off titles and demonyms: "Defense Minister Rustem Umerov" → "Rustem Umerov".
            // A title word closing a name is its surname ("Zoran Home"): titles come first.
            let mut name_start = start;
            for (k, t) in toks.iter().enumerate().take(end).skip(start) {
                let surname = k + 1 == end && k > name_start && !pack.lexicon.title_heads.contains(&t.norm);
                if (is_title_word(&t.norm, pack) || pack.adjectives.contains_key(t.norm.as_str())) && !surname {
                    name_start = k + 1;
                }
            }
            let titled = name_start > start || (start > 0 && is_title_word(&toks[start - 1].norm, pack));
            let words: Vec<&str> = toks[name_start..end].iter().map(|t| t.norm.as_str()).collect();
            // "X said", "X, who …", and an apposition naming a role: "X, the energy minister".
            // ("Port Aster, the Ostrovian port" names a place, not a person.)
            let apposition_role = toks
                .get(end + 1)
                .is_some_and(|t| matches!(t.norm.as_str(), "a" | "an" | "the"))
                && toks
                    .iter()
                    .skip(end + 2)
                    .take(4)
                    .any(|t| is_title_word(&t.norm, pack) || pack.lexicon.leader_nouns.contains(&t.norm));
            let speech_follows = toks.get(end).is_some_and(|t| pack.lexicon.reporting.contains(&t.norm))
                || (toks.get(end).is_some_and(|t| t.norm == ",")
                    && (toks.get(end + 1).is_some_and(|t| t.norm == "who") || apposition_role));
            if words.len() == 1 {
                *standalone.entry(words[0]).or_default() += 1;
            }
            if (1..=4).contains(&words.len()) {
                key.clear();
                for (n, word) in words.iter().enumerate() {
                    if n > 0 {
                        key.push(' ');
                    }
                    key.push_str(word);
                }
                if !pack.names.contains_key(&key) {
                    candidates.push((words, titled || speech_follows));
                }
            }
            i = end.max(i + 1);
        }
    }
    let mut out = Vec::new();
    for (words, cued) in &candidates {
        let surname = words.last().copied().unwrap_or_default();
        let recurs = words.len() >= 2 && standalone.get(surname).copied().unwrap_or(0) > 0;
        if (*cued || recurs) && words.len() >= 2 {
            out.push(words.join(" "));
        } else if *cued && words.len() == 1 && !pack.names.contains_key(surname) {
            // "Governor Okafor": a titled surname is a person even without a first name.
            out.push(surname.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The keys a name starting at one token could have: the folded words of the next
/// 1, 2, … tokens joined by spaces, for as long as the caller keeps them. Each key is a
/// prefix of the longest, so one string holds them all.
#[derive(Default)]
struct Keys {
    joined: String,
    /// `ends[n - 1]`: the length of the key of `n` tokens.
    ends: Vec<usize>,
}

impl Keys {
    /// The keys of `tokens[..1]`, `tokens[..2]`, … up to the first for which
    /// `keep(n, token, key)` is false, given the key's number of tokens, the token just
    /// added and the key ending with it.
    fn build(&mut self, tokens: &[Token], mut keep: impl FnMut(usize, &Token, &str) -> bool) {
        self.joined.clear();
        self.ends.clear();
        for (n, t) in (1..).zip(tokens) {
            if n > 1 {
                self.joined.push(' ');
            }
            self.joined.push_str(&t.norm);
            if !keep(n, t, &self.joined) {
                break;
            }
            self.ends.push(self.joined.len());
        }
    }

    /// How many keys were kept.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// The key of `n` tokens.
    fn key(&self, n: usize) -> &str {
        &self.joined[..self.ends[n - 1]]
    }

    /// The keys, shortest first.
    fn iter(&self) -> impl ExactSizeIterator<Item = &str> + DoubleEndedIterator + Clone + '_ {
        self.ends.iter().map(|&end| &self.joined[..end])
    }
}

/// The longest mention starting at token `i`, if any.
fn match_at(
    text: &str,
    seg: &Segmented,
    pack: &Pack,
    discovered: &Discovered,
    i: usize,
    sentence: Range<usize>,
    keys: &Keys,
) -> Option<Mention> {
    let first = &seg.tokens[i];
    if first.kind != TokenKind::Word {
        return None;
    }
    for n in (1..=keys.len()).rev() {
        let toks = &seg.tokens[i..i + n];
        if toks
            .iter()
            .any(|t| t.kind == TokenKind::Punct && t.norm != "." && t.norm != "-")
        {
            continue;
        }
        let key = keys.key(n);
        let span = first.span.start..toks[n - 1].span.end;
        if let Some(entries) = pack.names.get(key) {
            for entry in entries {
                let entity = &pack.entities[entry.entity];
                let surface = &text[span.clone()];
                if !entry.descriptor && !first.capitalized {
                    continue;
                }
                // All-caps short forms ("US", "UK", "EU") match only as written, never "us".
                if !entry.descriptor
                    && n == 1
                    && first.all_caps
                    && !entity.names.iter().chain(&entity.variants).any(|name| name == surface)
                {
                    continue;
                }
                // "Melania Trump" is not Donald Trump: a single-word pack name preceded by
                // another capitalised name word belongs to a different person.
                if !entry.descriptor && n == 1 && entity.kind == EntityKind::Person && i > sentence.start {
                    let prev = &seg.tokens[i - 1];
                    if is_name_word(prev, pack)
                        && !is_title_word(&prev.norm, pack)
                        && !pack.adjectives.contains_key(prev.norm.as_str())
                        && !pack.names.contains_key(prev.norm.as_str())
                    {
                        continue;
                    }
                }
                return Some(Mention {
                    span,
                    tokens: i..i + n,
                    name: NameRef::Pack(entry.entity),
                    kind: entity.kind,
                    surname: text[toks[n - 1].span.clone()].into(),
                    title: None,
                    descriptor: entry.descriptor,
                });
            }
        }
        if !first.capitalized {
            continue;
        }
        let common = n == 1 && is_common_word(key, pack);
        if common && !common_word_as_name(seg, i, sentence.clone()) {
            continue;
        }
        let discovered_key = discovered.lookup(key, n == 1, common);
        if let Some(key) = discovered_key {
            return Some(Mention {
                span,
                tokens: i..i + n,
                name: NameRef::Discovered(key),
                kind: EntityKind::Person,
                surname: text[toks[n - 1].span.clone()].into(),
                title: None,
                descriptor: false,
            });
        }
    }
    None
}

/// Reads the title phrase written right before a name, walking left from `name_start`.
pub fn parse_title(seg: &Segmented, pack: &Pack, name_start: usize, sentence_start: usize) -> Option<TitlePhrase> {
    let lx = &pack.lexicon;
    let mut words: Vec<usize> = Vec::new();
    let mut of = None;
    let mut qualifier = Qualifier::Current;
    let mut start = name_start;
    let mut j = name_start;
    while j > sentence_start {
        let t = &seg.tokens[j - 1];
        let norm = t.norm.as_str();
        if lx.title_heads.contains(norm) || lx.title_modifiers.contains(norm) {
            words.push(j - 1);
        } else if norm == "of" && !words.is_empty() {
            // "Secretary of State": the words after "of" belong to the title.
        } else if norm == "-" || norm == "\u{2011}" {
        } else if lx.former.contains(norm) {
            qualifier = Qualifier::Former;
        } else if lx.then.contains(norm) {
            qualifier = Qualifier::Then;
        } else if lx.acting.contains(norm) {
            qualifier = Qualifier::Acting;
        } else if lx.elect.contains(norm) {
            qualifier = Qualifier::Elect;
        } else if let Some(&place) = pack.adjectives.get(norm) {
            of = of.or(Some(place));
        } else if norm == "'s" && j >= 2 + sentence_start {
            // "Ukraine's Foreign Minister": the owner names the country.
            let owner = &seg.tokens[j - 2];
            match pack.adjectives.get(owner.norm.as_str()) {
                Some(&place) if !words.is_empty() => {
                    of = of.or(Some(place));
                    start = j - 2;
                }
                _ => {}
            }
            break;
        } else {
            break;
        }
        start = j - 1;
        j -= 1;
    }
    // A title needs an office word; "Russian" alone before a name is not a title.
    let heads: Vec<&str> = words
        .iter()
        .rev()
        .map(|&k| seg.tokens[k].norm.as_str())
        .filter(|w| lx.title_heads.contains(*w) || lx.title_modifiers.contains(*w))
        .collect();
    if !heads.iter().any(|w| lx.title_heads.contains(*w)) {
        return None;
    }
    let span_start = seg.tokens[start].span.start;
    let span_end = seg.tokens[name_start - 1].span.end;
    let title = pack.title_key(&heads).into_boxed_str();
    Some(TitlePhrase {
        span: span_start..span_end,
        first_token: start,
        title,
        of,
        qualifier,
    })
}

//! Resolution: links the mentions of all documents to entities.
//!
//! Pack entities are already identified by their names. People discovered in the text
//! are resolved in two steps, as a coreference step would:
//!
//! 1. **Full names** ("Rustem Umerov") are entities of the whole run: one folded full
//!    name is one person wherever it is written. Two different full names are merged
//!    when their first names agree (or are spellings of one name: Andrii/Andriy) and
//!    their surnames are near spellings of each other (Zelenskiy/Zelensky), but only
//!    when both are written within one story ([`crate::check::story_ids`]): in an
//!    archive, "Elena Bula" of one event and "Helena Bula" of another are two people.
//!    Two full names written in one text with different first names are two people
//!    (Karin Bofr and Katarina Bofr of one article), whatever the rest of the run says.
//! 2. **A surname on its own** ("Bozi said") never joins two full names. It is the full
//!    name it abbreviates in its own text when that text names exactly one such person,
//!    else in its story when the story names exactly one; when both are silent it is a
//!    person of its story known only by that name (when some text introduces them so:
//!    "Governor Okafor"); when it is ambiguous (two Bozis) or nothing introduces it, it
//!    is an entity of its own text only.
//!
//! Comparison is by bucket, never all pairs of documents: names are compared within a
//! story and with names sharing their surname's first letter, and surnames are looked
//! up in their text and their story.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet};

use crate::check::{RARE_NAME_LIMIT, group_by_story, noun_users, sorted_common, stories_of};
use crate::extract::{Analysis, Mention, NameRef, NameTable};
use crate::pack::{EntityIdx, EntityKind, Pack};
use crate::text::fold;

/// Index of an entity in [`Resolution::entities`].
pub type EntityId = usize;

/// An entity of this run.
#[derive(Debug, Clone)]
pub struct ResolvedEntity {
    pub kind: EntityKind,
    pub pack: Option<EntityIdx>,
    /// The name to print in messages.
    pub display: String,
}

/// The entities of a run and what each mention refers to.
#[derive(Debug, Clone, Default)]
pub struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    /// `[document][mention]` → entity, in 32 bits: an archive has tens of millions of
    /// mentions and far fewer than 2³² entities ([`Resolution::entity_of`] widens them).
    pub mentions: Vec<Box<[u32]>>,
    /// The story of each document ([`crate::check::story_ids`]), reused by the checks.
    pub stories: Vec<usize>,
}

impl Resolution {
    /// The entity a mention of document `doc` refers to.
    pub fn entity_of(&self, doc: usize, mention: usize) -> EntityId {
        self.mentions[doc][mention] as EntityId
    }
}

/// Whether two folded surnames are near spellings of one name.
pub fn near_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || a.chars().next() != b.chars().next() || la.abs_diff(lb) > 2 {
        return false;
    }
    // Short names tolerate one edit, longer ones two; Jaro-Winkler guards against
    // unrelated names at that distance (biden/bidet would pass the edit test alone).
    let max_edits = if la.max(lb) >= 9 { 2 } else { 1 };
    strsim::damerau_levenshtein(a, b) <= max_edits && strsim::jaro_winkler(a, b) >= 0.93
}

/// Whether two folded given names can belong to one person: equal, or spellings of one
/// name (Andrii/Andriy, Elena/Helena), not two names that merely look alike (Karin/Katarina).
fn compatible_given(a: &[&str], b: &[&str]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => {
            x == y || {
                let longest = x.chars().count().max(y.chars().count());
                let max_edits = if longest >= 7 { 2 } else { 1 };
                x.len().min(y.len()) >= 4
                    && strsim::jaro_winkler(x, y) >= 0.9
                    && strsim::damerau_levenshtein(x, y) <= max_edits
            }
        }
        _ => true,
    }
}

/// A folded full name ("anna maria bozi"): its given names and its surname, read from
/// the key itself. Borrowed from the analyses where it can be: an archive names
/// hundreds of thousands of people.
#[derive(Debug)]
struct Spelling<'a>(Cow<'a, str>);

impl<'a> Spelling<'a> {
    /// A folded name key; `None` for a single word, which is no full name.
    fn of(key: Cow<'a, str>) -> Option<Spelling<'a>> {
        key.contains(' ').then_some(Spelling(key))
    }

    /// The given names: every word but the last.
    fn given(&self) -> impl Iterator<Item = &str> {
        self.0
            .rsplit_once(' ')
            .into_iter()
            .flat_map(|(given, _)| given.split(' '))
    }

    fn surname(&self) -> &str {
        self.0.rsplit_once(' ').map_or("", |(_, surname)| surname)
    }

    /// Every word of the name, given names first.
    fn words(&self) -> impl Iterator<Item = &str> {
        self.given().chain([self.surname()])
    }

    /// Whether two full names can name one person: `Some(true)` when the first names
    /// are equal, `Some(false)` when they are only spellings of one name.
    fn same_person(&self, other: &Spelling) -> Option<bool> {
        let ga: Vec<&str> = self.given().collect();
        let gb: Vec<&str> = other.given().collect();
        (near_spelling(self.surname(), other.surname()) && compatible_given(&ga, &gb)).then(|| ga.first() == gb.first())
    }
}

/// A full name of the run: a pack entity or a discovered full name, with its spellings.
///
/// Both parts borrowed where they can be: nodes are as many as the run's distinct names.
struct Node<'a> {
    name: &'a NameRef,
    spellings: Box<[Spelling<'a>]>,
}

impl Node<'_> {
    fn is_pack(&self) -> bool {
        matches!(self.name, NameRef::Pack(_))
    }

    /// Whether two nodes can be one person: `Some(true)` with equal first names,
    /// `Some(false)` with first names that are spellings of one name. Two pack entities
    /// are never one.
    fn same_person(&self, other: &Node) -> Option<bool> {
        if self.is_pack() && other.is_pack() {
            return None;
        }
        let mut found = None;
        for a in &self.spellings {
            for b in &other.spellings {
                match a.same_person(b) {
                    Some(true) => return Some(true),
                    Some(false) => found = Some(false),
                    None => {}
                }
            }
        }
        found
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut x = x;
        while self.0[x] != root {
            let next = self.0[x];
            self.0[x] = root;
            x = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`; the smaller root wins, so the result does not
    /// depend on merge order. Returns the new root and the absorbed one.
    fn union(&mut self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.0[hi] = lo;
        Some((lo, hi))
    }
}

/// A mention written as one discovered word ("Bozi"): a surname to resolve, not a full name.
fn is_surname_only(m: &Mention) -> bool {
    matches!(m.name, NameRef::Discovered(_)) && m.tokens.len() == 1
}

/// The folded surname a person mention ends with.
fn folded_surname(m: &Mention) -> Cow<'_, str> {
    match &m.name {
        NameRef::Discovered(key) => Cow::Borrowed(key.rsplit(' ').next().unwrap_or(key)),
        NameRef::Pack(_) => Cow::Owned(fold(&m.surname)),
    }
}

/// What tells that two texts are about one story, as far as their names go.
///
/// The story groups of [`crate::check::story_ids`] bound the comparisons; within a group
/// (up to a few hundred texts of an archive, chained by shared names) two texts count as
/// one story for a name only when they name a rarely named person in common, or share
/// rare proper nouns that are no words of the people they name (places, events,
/// organisations; two for texts naming many things, as in `Corpus::same_story`): two
/// people of two events may share a surname, and so may their colleagues.  Texts naming
/// too few things to tell count as one story with any other.
struct Related<'a> {
    analyses: &'a [&'a Analysis],
    stories: &'a [usize],
    doc_nodes: &'a [Vec<usize>],
    /// The words of the people each text names (hashed, sorted).
    name_words: Vec<Vec<u64>>,
    /// How many texts name each node in full.
    node_texts: Vec<u32>,
    /// How many texts use each proper noun (hashes, as in [`Analysis::proper_nouns`]).
    noun_texts: HashMap<u64, u32>,
}

impl Related<'_> {
    fn rare(count: u32) -> bool {
        count as usize <= RARE_NAME_LIMIT
    }

    /// Whether texts `a` and `b` tell one story (see [`Related::tie`]).
    fn related(&self, a: usize, b: usize, name: &[u64], nodes: &[usize]) -> bool {
        self.tie(a, b, name, nodes).is_some()
    }

    /// What ties texts `a` and `b` into one story, not counting the people `nodes` nor
    /// the words `name` (hashed): two texts sharing only the surname "Bula" may be about
    /// two Bulas.
    fn tie(&self, a: usize, b: usize, name: &[u64], nodes: &[usize]) -> Option<Tie> {
        if a == b {
            return Some(Tie::Shared);
        }
        let rare_person = |n: &usize| !nodes.contains(n) && Self::rare(self.node_texts[*n]);
        if sorted_common(&self.doc_nodes[a], &self.doc_nodes[b]).any(|n| rare_person(&n)) {
            return Some(Tie::Shared);
        }
        let rare_noun = |h: &u64| {
            !name.contains(h)
                && self.name_words[a].binary_search(h).is_err()
                && self.name_words[b].binary_search(h).is_err()
                && self.noun_texts.get(h).is_some_and(|&c| Self::rare(c))
        };
        // As in `Corpus::same_story`: one shared name for texts naming few things, else two.
        let (x, y) = (&self.analyses[a].proper_nouns, &self.analyses[b].proper_nouns);
        let needed = if x.len().min(y.len()) < 6 { 1 } else { 2 };
        if sorted_common(x, y).filter(rare_noun).nth(needed - 1).is_some() {
            return Some(Tie::Shared);
        }
        (self.stories[a] == usize::MAX || self.stories[b] == usize::MAX).then_some(Tie::Unknown)
    }
}

/// Why two texts count as one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// They name a rare person or rare things in common.
    Shared,
    /// One of them names too few things to tell (a draft, a brief): it may belong anywhere.
    Unknown,
}

/// The hash of a folded word, as [`Analysis::proper_nouns`] holds it.
fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// What a surname-only mention resolves to among candidate (surname, entity) pairs.
enum Pick {
    None,
    One(EntityId),
    Ambiguous,
}

impl Pick {
    fn of(found: BTreeSet<EntityId>) -> Pick {
        let mut found = found.into_iter();
        match (found.next(), found.next()) {
            (None, _) => Pick::None,
            (Some(one), None) => Pick::One(one),
            (Some(_), Some(_)) => Pick::Ambiguous,
        }
    }
}

/// The one entity among `candidates` whose surname is `surname`, else the one whose
/// surname is a near spelling of it.
fn pick(surname: &str, candidates: &[(u32, EntityId)], names: &[String]) -> Pick {
    let choose = |keep: &dyn Fn(&str) -> bool| {
        Pick::of(
            candidates
                .iter()
                .filter(|(s, _)| keep(&names[*s as usize]))
                .map(|&(_, e)| e)
                .collect(),
        )
    };
    match choose(&|s| s == surname) {
        Pick::None => choose(&|s| s != surname && near_spelling(s, surname)),
        found => found,
    }
}

/// The pack entities the texts mention and the discovered full names they write, each
/// once, sorted. Distinct first, then sorted: an archive writes each name many times over.
fn names_written<'a>(analyses: &[&'a Analysis]) -> (Vec<NameRef>, Vec<&'a NameRef>) {
    let mut pack_used: FxHashSet<EntityIdx> = FxHashSet::default();
    let mut full_keys: FxHashSet<&NameRef> = FxHashSet::default();
    for m in analyses.iter().flat_map(|a| a.mentions.iter()) {
        match &m.name {
            NameRef::Pack(idx) => {
                pack_used.insert(*idx);
            }
            NameRef::Discovered(_) if !is_surname_only(m) => {
                full_keys.insert(&m.name);
            }
            NameRef::Discovered(_) => {}
        }
    }
    let mut pack_used: Vec<NameRef> = pack_used.into_iter().map(NameRef::Pack).collect();
    pack_used.sort_unstable();
    let mut full_keys: Vec<&NameRef> = full_keys.into_iter().collect();
    full_keys.sort_unstable();
    (pack_used, full_keys)
}

/// Links the mentions of every analysed document to entities.
pub fn resolve(pack: &Pack, names: &NameTable, analyses: &[&Analysis]) -> Resolution {
    // The names written and the stories told are read side by side: each is a pass over
    // every text of the run.
    let ((pack_used, full_keys), (stories, noun_texts)) = rayon::join(
        || names_written(analyses),
        || {
            let users = noun_users(analyses);
            let stories = stories_of(analyses, &users);
            let counts: HashMap<u64, u32> = users
                .into_iter()
                .map(|(noun, texts)| (noun, u32::try_from(texts.len()).unwrap_or(u32::MAX)))
                .collect();
            (stories, counts)
        },
    );
    // Nodes: pack entities first (so they win as cluster roots), then discovered full names, sorted.
    let mut nodes: Vec<Node> = Vec::with_capacity(pack_used.len() + full_keys.len());
    for name in &pack_used {
        let NameRef::Pack(idx) = *name else { continue };
        let e = &pack.entities[idx];
        let spellings = if e.kind == EntityKind::Person {
            e.names
                .iter()
                .chain(&e.variants)
                .filter_map(|s| Spelling::of(Cow::Owned(crate::pack::name_key(s))))
                .collect()
        } else {
            Box::default()
        };
        nodes.push(Node { name, spellings });
    }
    for name in full_keys {
        let NameRef::Discovered(key) = name else { continue };
        nodes.push(Node {
            name,
            spellings: Spelling::of(Cow::Borrowed(key.as_str())).into_iter().collect(),
        });
    }
    let node_of: HashMap<&NameRef, usize> = nodes.iter().enumerate().map(|(n, node)| (node.name, n)).collect();

    // The people each text names in full.
    let doc_nodes: Vec<Vec<usize>> = analyses
        .par_iter()
        .map(|a| {
            let mut ns: Vec<usize> = a
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Person && !m.descriptor && !is_surname_only(m))
                .filter_map(|m| node_of.get(&m.name).copied())
                .filter(|&n| !nodes[n].spellings.is_empty())
                .collect();
            ns.sort_unstable();
            ns.dedup();
            ns
        })
        .collect();
    let mut related = Related {
        analyses,
        stories: &stories,
        doc_nodes: &doc_nodes,
        name_words: Vec::new(),
        node_texts: vec![0; nodes.len()],
        noun_texts,
    };
    for &n in doc_nodes.iter().flatten() {
        related.node_texts[n] += 1;
    }
    related.name_words = doc_nodes
        .par_iter()
        .zip(analyses)
        .map(|(ns, analysis)| {
            let full = ns.iter().flat_map(|&n| &nodes[n].spellings).flat_map(Spelling::words);
            let alone = analysis
                .mentions
                .iter()
                .filter(|m| is_surname_only(m))
                .map(folded_surname);
            let mut words: Vec<u64> = full.map(word_hash).chain(alone.map(|w| word_hash(&w))).collect();
            words.sort_unstable();
            words.dedup();
            words
        })
        .collect();
    let related = related;

    // Two full names one text writes with different first names are two people.
    let apart: BTreeSet<(usize, usize)> = doc_nodes
        .par_iter()
        .flat_map_iter(|ns| {
            let nodes = &nodes;
            ns.iter().enumerate().flat_map(move |(i, &a)| {
                ns[i + 1..]
                    .iter()
                    .filter(move |&&b| nodes[a].same_person(&nodes[b]) == Some(false))
                    .map(move |&b| (a, b))
            })
        })
        .collect();

    // Candidate merges: full names of one story group, bucketed by the surname's first
    // letter, written by two texts that tell one story.
    let all_docs: Vec<usize> = (0..analyses.len()).collect();
    let groups = group_by_story(&stories, &all_docs, |d| d);
    // Each group on its own: a pair that several groups hold is decided alike by each.
    let merges_in = |group: &Vec<usize>| {
        let mut merges: BTreeSet<(bool, usize, usize)> = BTreeSet::new();
        let mut texts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let mut buckets: BTreeMap<char, BTreeSet<usize>> = BTreeMap::new();
        for &doc in group {
            for &n in &doc_nodes[doc] {
                texts.entry(n).or_default().push(doc);
                for s in &nodes[n].spellings {
                    if let Some(c) = s.surname().chars().next() {
                        buckets.entry(c).or_default().insert(n);
                    }
                }
            }
        }
        for bucket in buckets.values() {
            let bucket: Vec<usize> = bucket.iter().copied().collect();
            for (i, &a) in bucket.iter().enumerate() {
                for &b in &bucket[i + 1..] {
                    if merges.contains(&(false, a, b)) || merges.contains(&(true, a, b)) {
                        continue;
                    }
                    let Some(same_given) = nodes[a].same_person(&nodes[b]) else {
                        continue;
                    };
                    let words: Vec<u64> = [a, b]
                        .iter()
                        .flat_map(|&n| &nodes[n].spellings)
                        .flat_map(Spelling::words)
                        .map(word_hash)
                        .collect();
                    let told_together = texts[&a]
                        .iter()
                        .any(|&da| texts[&b].iter().any(|&db| related.related(da, db, &words, &[a, b])));
                    if told_together {
                        // Equal first names merge first.
                        merges.insert((!same_given, a, b));
                    }
                }
            }
        }
        merges
    };
    let merges: BTreeSet<(bool, usize, usize)> = groups.par_iter().map(merges_in).reduce(BTreeSet::new, |mut a, b| {
        a.extend(b);
        a
    });
    let mut uf = UnionFind((0..nodes.len()).collect());
    // The nodes of each cluster of several, by root (a node alone is a cluster of one):
    // few names merge, and nodes are as many as the run's distinct names.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    for (_, a, b) in merges {
        let (ra, rb) = (uf.find(a), uf.find(b));
        if ra == rb {
            continue;
        }
        let (alone_a, alone_b) = ([ra], [rb]);
        let of_a = members.get(&ra).map_or(&alone_a[..], Vec::as_slice);
        let of_b = members.get(&rb).map_or(&alone_b[..], Vec::as_slice);
        let kept_apart = of_a
            .iter()
            .any(|&x| of_b.iter().any(|&y| apart.contains(&(x.min(y), x.max(y)))));
        if kept_apart {
            continue;
        }
        if let Some((root, absorbed)) = uf.union(a, b) {
            let moved = members.remove(&absorbed).unwrap_or_else(|| vec![absorbed]);
            members.entry(root).or_insert_with(|| vec![root]).extend(moved);
        }
    }

    // One entity per cluster, numbered in node order.
    let mut entity_of_root: HashMap<usize, EntityId> = HashMap::default();
    let mut entities = Vec::new();
    let mut node_entity = Vec::with_capacity(nodes.len());
    for n in 0..nodes.len() {
        let root = uf.find(n);
        let id = *entity_of_root.entry(root).or_insert_with(|| {
            let (kind, pack_idx, display) = match nodes[root].name {
                NameRef::Pack(idx) => (
                    pack.entities[*idx].kind,
                    Some(*idx),
                    pack.entities[*idx].name().to_string(),
                ),
                NameRef::Discovered(_) => (EntityKind::Person, None, String::new()),
            };
            entities.push(ResolvedEntity {
                kind,
                pack: pack_idx,
                display,
            });
            entities.len() - 1
        });
        node_entity.push(id);
    }
    // From here on a node is only its entity: the spellings and clusters of an archive's
    // names go before the mentions are resolved.
    drop((nodes, members, apart, uf, entity_of_root));

    // The people each text names in full, by folded surname (interned).
    let mut surname_ids: HashMap<String, u32> = HashMap::default();
    let mut surnames: Vec<String> = Vec::new();
    // Each text's distinct (surname, person) in parallel, then surnames numbered in
    // document order.
    let named: Vec<Vec<(Cow<str>, EntityId)>> = analyses
        .par_iter()
        .map(|a| {
            let mut named: Vec<(Cow<str>, EntityId)> = a
                .mentions
                .iter()
                .filter(|m| m.kind == EntityKind::Person && !m.descriptor && !is_surname_only(m))
                .filter_map(|m| Some((folded_surname(m), node_entity[*node_of.get(&m.name)?])))
                .collect();
            named.sort_unstable();
            named.dedup();
            named
        })
        .collect();
    let doc_people: Vec<Vec<(u32, EntityId)>> = named
        .into_iter()
        .map(|named| {
            let mut people: Vec<(u32, EntityId)> = named
                .into_iter()
                .map(|(surname, entity)| {
                    let id = match surname_ids.get(&*surname) {
                        Some(&id) => id,
                        None => {
                            let id = u32::try_from(surnames.len()).unwrap_or(u32::MAX);
                            surnames.push(surname.to_string());
                            surname_ids.insert(surname.into_owned(), id);
                            id
                        }
                    };
                    (id, entity)
                })
                .collect();
            people.sort_unstable();
            people.dedup();
            people
        })
        .collect();
    let mut doc_groups: Vec<Vec<usize>> = vec![Vec::new(); analyses.len()];
    for (g, docs) in groups.iter().enumerate() {
        for &doc in docs {
            doc_groups[doc].push(g);
        }
    }
    // Per story group: (surname, entity, text) of everyone named in full, sorted.
    let group_people: Vec<Vec<(u32, EntityId, usize)>> = groups
        .par_iter()
        .map(|docs| {
            let mut people: Vec<(u32, EntityId, usize)> = docs
                .iter()
                .flat_map(|&doc| doc_people[doc].iter().map(move |&(s, e)| (s, e, doc)))
                .collect();
            people.sort_unstable();
            people
        })
        .collect();
    // Near spellings of a surname among a group's people, once per group and surname.
    // Every mention: a full name by its cluster; a surname by its text, else by the texts
    // of its story group that tell its story. Read on every thread (each with its own
    // cache of near spellings per group and surname); a surname that names a new person
    // is marked and numbered afterwards, in text order, so the numbering does not depend
    // on the threads.
    const NEW_IN_TEXT: u32 = u32::MAX - 1;
    const ALONE: u32 = u32::MAX;
    let narrow = |id: EntityId| u32::try_from(id).unwrap_or(NEW_IN_TEXT - 1).min(NEW_IN_TEXT - 1);
    type NearCache = HashMap<(usize, String), Vec<(EntityId, usize)>>;
    let mut mentions: Vec<Box<[u32]>> = analyses
        .par_iter()
        .enumerate()
        .map_init(NearCache::default, |near_in_group, (doc, analysis)| {
            let read = |m: &Mention| -> u32 {
                if !is_surname_only(m) {
                    return narrow(node_of.get(&m.name).map_or(0, |&n| node_entity[n]));
                }
                let surname = folded_surname(m);
                let picked = match pick(&surname, &doc_people[doc], &surnames) {
                    Pick::None => {
                        // The people of texts that share rare names with this one first, then
                        // of texts too short on names to tell; the same surname first, then a
                        // near spelling of it.
                        let name = [word_hash(&surname)];
                        let exact: Vec<(EntityId, usize)> = match surname_ids.get(&*surname) {
                            Some(&id) => doc_groups[doc]
                                .iter()
                                .flat_map(|&g| {
                                    let people = &group_people[g];
                                    let from = people.partition_point(|p| p.0 < id);
                                    let to = people.partition_point(|p| p.0 <= id);
                                    people[from..to].iter().map(|&(_, e, d)| (e, d))
                                })
                                .collect(),
                            None => Vec::new(),
                        };
                        let mut near: Option<Vec<(EntityId, usize)>> = None;
                        let mut found = Pick::None;
                        for tie in [Tie::Shared, Tie::Unknown] {
                            for spelled in [true, false] {
                                let candidates = if spelled {
                                    &exact
                                } else {
                                    near.get_or_insert_with(|| {
                                        doc_groups[doc]
                                            .iter()
                                            .flat_map(|&g| {
                                                near_in_group
                                                    .entry((g, surname.to_string()))
                                                    .or_insert_with(|| {
                                                        group_people[g]
                                                            .iter()
                                                            .filter(|p| {
                                                                let other = &surnames[p.0 as usize];
                                                                *other != *surname && near_spelling(other, &surname)
                                                            })
                                                            .map(|&(_, e, d)| (e, d))
                                                            .collect()
                                                    })
                                                    .clone()
                                            })
                                            .collect()
                                    })
                                };
                                found = Pick::of(
                                    candidates
                                        .iter()
                                        .filter(|&&(_, other)| related.tie(doc, other, &name, &[]) == Some(tie))
                                        .map(|&(e, _)| e)
                                        .collect(),
                                );
                                if !matches!(found, Pick::None) {
                                    break;
                                }
                            }
                            if !matches!(found, Pick::None) {
                                break;
                            }
                        }
                        found
                    }
                    found => found,
                };
                match picked {
                    Pick::One(entity) => narrow(entity),
                    // Set below, once every text of the story is read.
                    Pick::None if names.full.contains(&*surname) => ALONE,
                    Pick::None | Pick::Ambiguous => NEW_IN_TEXT,
                }
            };
            analysis.mentions.iter().map(read).collect()
        })
        .collect();

    let new_person = || ResolvedEntity {
        kind: EntityKind::Person,
        pack: None,
        display: String::new(),
    };
    // A surname a text leaves unresolved is one person within the text, numbered in text
    // order. Each text numbers its own on its thread, in order of first mention (an
    // archive has hundreds of thousands of such surnames), and also lists its surnames
    // named in full nowhere in their story but introduced alone ("Governor Okafor").
    // (The text's new people: how many, and which each mention is; its surnames alone.)
    type Unresolved<'m> = (usize, Vec<(usize, u32)>, Vec<(usize, Cow<'m, str>)>);
    let unresolved: Vec<Unresolved> = analyses
        .par_iter()
        .zip(&mentions)
        .map(|(analysis, ids)| {
            let mut by_text: HashMap<Cow<str>, u32> = HashMap::default();
            let (mut new, mut alone) = (Vec::new(), Vec::new());
            for (mi, (m, &id)) in analysis.mentions.iter().zip(ids.iter()).enumerate() {
                match id {
                    NEW_IN_TEXT => {
                        let next = u32::try_from(by_text.len()).unwrap_or(u32::MAX);
                        new.push((mi, *by_text.entry(folded_surname(m)).or_insert(next)));
                    }
                    ALONE => alone.push((mi, folded_surname(m))),
                    _ => {}
                }
            }
            (by_text.len(), new, alone)
        })
        .collect();
    // The people of each text come after those of the texts before it.
    let mut alone: BTreeMap<(usize, String), Vec<(usize, usize)>> = BTreeMap::new();
    for (doc, (people, new, in_story)) in unresolved.into_iter().enumerate() {
        let first = entities.len();
        entities.extend((0..people).map(|_| new_person()));
        for (mi, local) in new {
            mentions[doc][mi] = narrow(first + local as usize);
        }
        for (mi, surname) in in_story {
            alone
                .entry((stories[doc], surname.into_owned()))
                .or_default()
                .push((doc, mi));
        }
    }
    // A person known by one word is one person across the texts of a story that tell it:
    // which texts do is read on every thread, and the people are numbered in order below.
    let alone: Vec<_> = alone.into_iter().collect();
    let roots: Vec<Vec<usize>> = alone
        .par_iter()
        .map(|((_, surname), found)| {
            let name = [word_hash(surname)];
            let mut docs: Vec<usize> = found.iter().map(|&(doc, _)| doc).collect();
            docs.dedup();
            let mut uf = UnionFind((0..docs.len()).collect());
            for i in 0..docs.len() {
                for j in i + 1..docs.len() {
                    if related.related(docs[i], docs[j], &name, &[]) {
                        uf.union(i, j);
                    }
                }
            }
            found
                .iter()
                .map(|&(doc, _)| uf.find(docs.binary_search(&doc).unwrap_or_default()))
                .collect()
        })
        .collect();
    for ((_, found), roots) in alone.iter().zip(roots) {
        let mut entity_of_root: HashMap<usize, EntityId> = HashMap::default();
        for (&(doc, mi), root) in found.iter().zip(roots) {
            let entity = *entity_of_root.entry(root).or_insert_with(|| {
                entities.push(new_person());
                entities.len() - 1
            });
            mentions[doc][mi] = narrow(entity);
        }
    }
    // Discovered people are displayed as first written in full.
    // (A pack entity keeps its pack name: its mentions have no surface to read.)
    for (analysis, ids) in analyses.iter().zip(&mentions) {
        for (mi, &id) in ids.iter().enumerate() {
            let entity = &mut entities[id as EntityId];
            if (entity.display.is_empty() || (entity.pack.is_none() && !entity.display.contains(' ')))
                && let Some(surface) = analysis.surface(mi)
            {
                entity.display.clear();
                entity.display.push_str(surface);
            }
        }
    }
    Resolution {
        entities,
        mentions,
        stories,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_spellings_merge_but_different_names_do_not() {
        assert!(near_spelling("zelensky", "zelenskyy"));
        assert!(near_spelling("medinsky", "medinskiy"));
        assert!(!near_spelling("biden", "bidet"));
        assert!(!near_spelling("berg", "bergh"), "too short to judge");
        assert!(!near_spelling("umerov", "smirnov"));
        assert!(!near_spelling("petrov", "popov"));
    }

    use std::path::Path;

    use crate::engine::{Run, RunOptions, run_documents};
    use crate::source::{LoadOptions, load_bytes};

    /// Runs `(file name, body)` documents, in this order, through the whole pipeline.
    fn run(docs: &[(&str, &str)]) -> Run {
        let pack = Pack::builtin().expect("built-in pack");
        let docs = docs
            .iter()
            .map(|(name, body)| {
                let text = format!("---\ntitle: Report\ndate: 2025-03-04\n---\n\n{body}\n");
                load_bytes(Path::new(name), text.as_bytes(), &LoadOptions::default()).expect("loads")
            })
            .collect();
        run_documents(docs, Vec::new(), &pack, &RunOptions::default())
    }

    /// How each mention of document `doc` is written, by mention.
    fn surfaces(run: &Run, doc: usize) -> Vec<&str> {
        let text = &run.docs[doc].text;
        run.analyses[doc]
            .mentions
            .iter()
            .map(|m| &text[m.span.clone()])
            .collect()
    }

    /// The entity of the first mention written `surface` in document `doc`.
    fn entity(run: &Run, doc: &str, surface: &str) -> EntityId {
        let d = run
            .docs
            .iter()
            .position(|x| x.path == Path::new(doc))
            .expect("document in the run");
        let surfaces = surfaces(run, d);
        let m = surfaces
            .iter()
            .position(|s| *s == surface)
            .unwrap_or_else(|| panic!("no mention {surface:?} in {doc}: {surfaces:?}"));
        run.resolution.entity_of(d, m)
    }

    /// Two events of one archive, each with a Bozi; the second text of the first event
    /// calls its Bozi by the surname only ("Bozi said": a person known by one word).
    const TWO_BOZIS: &[(&str, &str)] = &[
        (
            "forum-a.md",
            "Energy Minister Anna Bozi attended the water forum in Lindau on Monday. \
             Delegates from Ostmark and Vessia signed the Lindau accord.",
        ),
        (
            "forum-b.md",
            "Bozi said the Lindau accord would hold. Officials from Ostmark praised the forum.",
        ),
        (
            "flood-a.md",
            "Health Minister Lena Bozi skipped the flood summit in Korval on Friday. \
             Rescuers from Brannock and Selvik met in Korval.",
        ),
        (
            "flood-b.md",
            "Lena Bozi was in Korval for the flood summit, officials in Tallia said. Brannock sent boats.",
        ),
    ];

    #[test]
    fn a_surname_alone_never_joins_two_people_of_two_events() {
        let run = run(TWO_BOZIS);
        let anna = entity(&run, "forum-a.md", "Anna Bozi");
        let lena = entity(&run, "flood-a.md", "Lena Bozi");
        assert_ne!(anna, lena, "two Bozis of two events are two people");
        assert_eq!(entity(&run, "flood-b.md", "Lena Bozi"), lena);
        // "Bozi said" in the forum story is the forum's Bozi, found through its story.
        assert_eq!(entity(&run, "forum-b.md", "Bozi"), anna);
        assert_eq!(run.resolution.entities[anna].display, "Anna Bozi");
    }

    #[test]
    fn an_analysis_keeps_how_discovered_names_are_written() {
        let run = run(&[(
            "a.md",
            "Governor Anna Bozi met Volodymyr Zelensky in Lindau. Later, Bozi said the accord would hold.",
        )]);
        let text = &run.docs[0].text;
        let analysis = &run.analyses[0];
        let mut discovered = 0;
        for (mi, m) in analysis.mentions.iter().enumerate() {
            match m.name {
                NameRef::Discovered(_) => {
                    discovered += 1;
                    assert_eq!(analysis.surface(mi), Some(&text[m.span.clone()]));
                }
                NameRef::Pack(_) => assert_eq!(analysis.surface(mi), None),
            }
        }
        assert_eq!(discovered, 2, "{:?}", surfaces(&run, 0));
    }

    #[test]
    fn resolution_does_not_depend_on_input_order() {
        let forward = run(TWO_BOZIS);
        let reversed: Vec<(&str, &str)> = TWO_BOZIS.iter().rev().copied().collect();
        let backward = run(&reversed);
        let mentions = [
            ("forum-a.md", "Anna Bozi"),
            ("forum-b.md", "Bozi"),
            ("flood-a.md", "Lena Bozi"),
            ("flood-b.md", "Lena Bozi"),
        ];
        for (i, a) in mentions.iter().enumerate() {
            for b in &mentions[i + 1..] {
                assert_eq!(
                    entity(&forward, a.0, a.1) == entity(&forward, b.0, b.1),
                    entity(&backward, a.0, a.1) == entity(&backward, b.0, b.1),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn a_surname_alone_is_the_one_person_its_text_names_in_full() {
        let run = run(&[
            (
                "a.md",
                "Governor Anna Bozi opened the Lindau forum. Later, Bozi said the accord would hold.",
            ),
            (
                "b.md",
                "Health Minister Lena Bozi skipped the Korval summit. Bozi was in Tallia.",
            ),
        ]);
        let anna = entity(&run, "a.md", "Anna Bozi");
        let lena = entity(&run, "b.md", "Lena Bozi");
        assert_ne!(anna, lena);
        assert_eq!(entity(&run, "a.md", "Bozi"), anna);
        assert_eq!(entity(&run, "b.md", "Bozi"), lena);
    }

    #[test]
    fn an_ambiguous_surname_alone_is_nobody_named_in_full() {
        let run = run(&[(
            "a.md",
            "Governor Anna Bozi and her brother Piet Bozi arrived in Lindau. Bozi said the accord would hold.",
        )]);
        let anna = entity(&run, "a.md", "Anna Bozi");
        let piet = entity(&run, "a.md", "Piet Bozi");
        let bozi = entity(&run, "a.md", "Bozi");
        assert_ne!(anna, piet);
        assert!(bozi != anna && bozi != piet, "which Bozi spoke is not known");
    }

    #[test]
    fn near_spellings_merge_across_outlets_of_one_story_only() {
        // The pack's transliterations: one person in every outlet.
        let pack_names = run(&[
            ("wire.md", "Volodymyr Zelensky attended the talks in Istanbul."),
            ("blog.md", "Volodymyr Zelenskyy skipped the Istanbul talks."),
        ]);
        assert_eq!(
            entity(&pack_names, "wire.md", "Volodymyr Zelensky"),
            entity(&pack_names, "blog.md", "Volodymyr Zelenskyy")
        );
        // Names the pack does not know: merged when the outlets tell one story.
        let one_story = run(&[
            (
                "wire.md",
                "Interior Minister Oleksandr Kubrakov attended the Lindau forum. Delegates from Ostmark signed.",
            ),
            (
                "blog.md",
                "Minister Oleksandr Kubrakow skipped the Lindau forum, officials in Ostmark said.",
            ),
        ]);
        assert_eq!(
            entity(&one_story, "wire.md", "Oleksandr Kubrakov"),
            entity(&one_story, "blog.md", "Oleksandr Kubrakow")
        );
        // The same two spellings in two unrelated stories are two people.
        let two_stories = run(&[
            (
                "wire.md",
                "Interior Minister Oleksandr Kubrakov attended the Lindau forum. Delegates from Ostmark signed.",
            ),
            (
                "flood.md",
                "Minister Oleksandr Kubrakow skipped the flood summit in Korval, officials in Tallia said.",
            ),
        ]);
        assert_ne!(
            entity(&two_stories, "wire.md", "Oleksandr Kubrakov"),
            entity(&two_stories, "flood.md", "Oleksandr Kubrakow")
        );
    }

    #[test]
    fn different_first_names_in_one_text_are_two_people() {
        // Elena and Helena may be one name spelled two ways by two outlets...
        let outlets = run(&[
            (
                "a.md",
                "Governor Elena Bula attended the Lindau forum with delegates from Ostmark.",
            ),
            (
                "b.md",
                "Governor Helena Bula skipped the Lindau forum, officials in Ostmark said.",
            ),
        ]);
        assert_eq!(
            entity(&outlets, "a.md", "Elena Bula"),
            entity(&outlets, "b.md", "Helena Bula")
        );
        // ...but a text that names both names two people, for the whole run.
        let both = run(&[
            (
                "a.md",
                "Governor Elena Bula attended the Lindau forum with delegates from Ostmark.",
            ),
            (
                "b.md",
                "Governor Helena Bula skipped the Lindau forum, officials in Ostmark said.",
            ),
            (
                "c.md",
                "Elena Bula and her sister Helena Bula were both invited to the Lindau forum by Ostmark.",
            ),
        ]);
        assert_ne!(
            entity(&both, "a.md", "Elena Bula"),
            entity(&both, "b.md", "Helena Bula")
        );
    }

    #[test]
    fn surnames_that_are_common_words_are_names_only_where_written_as_names() {
        let run = run(&[(
            "a.md",
            "Health Minister Renata Have said on Wednesday that the talks in Lindau were hard. \
             Have attended the opening session on Thursday. Have’s absence on Friday was noted. \
             More than 200 people attended the forum in Lindau. Ambassador Yara Jüne arrived in \
             June 2024. June also lobbied the host. Have you seen the text?",
        )]);
        let have = entity(&run, "a.md", "Renata Have");
        assert_eq!(run.resolution.entities[have].display, "Renata Have");
        let surfaces = surfaces(&run, 0);
        let of = |surface: &str| -> Vec<EntityId> {
            (0..surfaces.len())
                .filter(|&m| surfaces[m] == surface)
                .map(|m| run.resolution.entity_of(0, m))
                .collect()
        };
        // "Have attended", "Have’s absence"; not "Have you".
        assert_eq!(of("Have"), [have, have], "{surfaces:?}");
        assert!(of("More").is_empty(), "{surfaces:?}");
        // "June also lobbied" is Yara Jüne; "in June 2024" is a month.
        assert_eq!(of("June"), [entity(&run, "a.md", "Yara Jüne")], "{surfaces:?}");
    }

    #[test]
    fn given_names_keep_people_apart() {
        assert!(!compatible_given(&["anna"], &["tomas"]));
        assert!(compatible_given(&["andrii"], &["andriy"]));
        assert!(compatible_given(&["elena"], &["helena"]));
        assert!(!compatible_given(&["karin"], &["katarina"]), "alike, but two names");
        assert!(compatible_given(&[], &["lena"]));
    }
}

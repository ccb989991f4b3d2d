//! Resolution: links the mentions of all documents to entities.
//!
//! Pack entities are already identified by their names. People discovered in
//! the text are merged when their folded full names are equal, or when the
//! first names agree and the surnames are near spellings of each other
//! (Zelenskiy/Zelensky); different first names keep different people apart
//! (Anna Berg is not Tomas Bergh). Comparison is by bucket, not all pairs of
//! documents: each distinct name is compared with the few names sharing its
//! first letter.

use std::collections::{BTreeMap, HashMap};

use crate::extract::{Analysis, NameRef, NameTable};
use crate::pack::{EntityIdx, EntityKind, Pack};

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
    /// `[document][mention]` → entity.
    pub mentions: Vec<Vec<EntityId>>,
}

impl Resolution {
    /// The entity a mention of document `doc` refers to.
    pub fn entity_of(&self, doc: usize, mention: usize) -> EntityId {
        self.mentions[doc][mention]
    }
}

/// Whether two folded surnames are near spellings of one name.
pub fn near_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) < 5 || a.chars().next() != b.chars().next() {
        return false;
    }
    // Short names tolerate one edit, longer ones two; Jaro-Winkler guards against
    // unrelated names at that distance (biden/bidet would pass the edit test alone).
    let max_edits = if la.max(lb) >= 9 { 2 } else { 1 };
    strsim::damerau_levenshtein(a, b) <= max_edits && strsim::jaro_winkler(a, b) >= 0.93
}

/// Whether two folded given names can belong to one person.
fn compatible_given(a: &[&str], b: &[&str]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => x == y || strsim::jaro_winkler(x, y) >= 0.9 && x.len().min(y.len()) >= 4,
        _ => true,
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

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        // The smaller index wins, so the result does not depend on merge order.
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Links the mentions of every analysed document to entities.
pub fn resolve(pack: &Pack, names: &NameTable, analyses: &[&Analysis]) -> Resolution {
    // Nodes: pack people first (so they win as cluster roots), then discovered names, sorted.
    let mut nodes: Vec<NameRef> = Vec::new();
    let mut node_of: HashMap<NameRef, usize> = HashMap::new();
    let mut pack_used: Vec<EntityIdx> = analyses
        .iter()
        .flat_map(|a| a.mentions.iter())
        .filter_map(|m| match m.name {
            NameRef::Pack(idx) => Some(idx),
            NameRef::Discovered(_) => None,
        })
        .collect();
    pack_used.sort_unstable();
    pack_used.dedup();
    for idx in &pack_used {
        node_of.insert(NameRef::Pack(*idx), nodes.len());
        nodes.push(NameRef::Pack(*idx));
    }
    let mut discovered: Vec<&String> = names.full.iter().collect();
    discovered.sort();
    for key in discovered {
        node_of.insert(NameRef::Discovered(key.clone()), nodes.len());
        nodes.push(NameRef::Discovered(key.clone()));
    }

    // Candidate spellings per node, bucketed by the surname's first letter.
    let mut spellings: BTreeMap<char, Vec<(usize, Vec<String>)>> = BTreeMap::new();
    for (n, node) in nodes.iter().enumerate() {
        let keys: Vec<String> = match node {
            NameRef::Pack(idx) => {
                let e = &pack.entities[*idx];
                if e.kind != EntityKind::Person {
                    continue;
                }
                e.names
                    .iter()
                    .chain(&e.variants)
                    .map(|s| crate::pack::name_key(s))
                    .filter(|k| k.contains(' '))
                    .collect()
            }
            NameRef::Discovered(key) => vec![key.clone()],
        };
        for key in keys {
            let words: Vec<String> = key.split(' ').map(str::to_string).collect();
            if let Some(first) = words.last().and_then(|s| s.chars().next()) {
                spellings.entry(first).or_default().push((n, words));
            }
        }
    }
    let mut uf = UnionFind((0..nodes.len()).collect());
    for bucket in spellings.values() {
        for (i, (a, wa)) in bucket.iter().enumerate() {
            for (b, wb) in &bucket[i + 1..] {
                if a == b || matches!((&nodes[*a], &nodes[*b]), (NameRef::Pack(_), NameRef::Pack(_))) {
                    continue;
                }
                let (sa, sb) = (
                    wa.last().map_or("", String::as_str),
                    wb.last().map_or("", String::as_str),
                );
                let ga: Vec<&str> = wa[..wa.len() - 1].iter().map(String::as_str).collect();
                let gb: Vec<&str> = wb[..wb.len() - 1].iter().map(String::as_str).collect();
                if near_spelling(sa, sb) && compatible_given(&ga, &gb) {
                    uf.union(*a, *b);
                }
            }
        }
    }

    // One entity per cluster, numbered in node order.
    let mut entity_of_root: HashMap<usize, EntityId> = HashMap::new();
    let mut entities = Vec::new();
    let mut node_entity = Vec::with_capacity(nodes.len());
    for n in 0..nodes.len() {
        let root = uf.find(n);
        let id = *entity_of_root.entry(root).or_insert_with(|| {
            let (kind, pack_idx, display) = match &nodes[root] {
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
    // Discovered people are displayed as first written in full.
    let mut mentions = Vec::with_capacity(analyses.len());
    for analysis in analyses {
        let mut ids = Vec::with_capacity(analysis.mentions.len());
        for (m, surface) in analysis.mentions.iter().zip(&analysis.surfaces) {
            let id = node_of.get(&m.name).map_or(0, |&n| node_entity[n]);
            let entity = &mut entities[id];
            if entity.display.is_empty() || (entity.pack.is_none() && !entity.display.contains(' ')) {
                entity.display.clone_from(surface);
            }
            ids.push(id);
        }
        mentions.push(ids);
    }
    Resolution { entities, mentions }
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

    #[test]
    fn given_names_keep_people_apart() {
        assert!(!compatible_given(&["anna"], &["tomas"]));
        assert!(compatible_given(&["andrii"], &["andriy"]));
        assert!(compatible_given(&[], &["lena"]));
    }
}

//! `leader-conflict`: one group, one event, different leaders.
//!
//! A delegation has one head; two sources naming different heads of the same
//! group at the same event cannot both be right. Claims are grouped by the
//! group's noun, then compared only when their owners match ("Corvia's" and
//! "Corvian"), neither says the post was shared ("co-led"), their event cues
//! agree (not "the second round" against "the first round") and their texts were
//! published within the event window of each other.

use std::collections::{BTreeMap, BTreeSet};

use super::sides::{self, Side};
use super::{CheckOptions, Corpus, Draft};
use crate::extract::LeaderClaim;
use crate::extract::leader::same_owner;
use crate::pack::Polarity;

/// A leader claim by document and index.
type LeaderRef = (usize, usize);

pub(super) fn check(corpus: &Corpus, options: &CheckOptions, drafts: &mut Vec<Draft>) {
    // Group noun → the factual, affirmed claims about such a group.
    let mut by_noun: BTreeMap<&str, Vec<LeaderRef>> = BTreeMap::new();
    for (doc, analysis) in corpus.analyses.iter().enumerate() {
        for (i, claim) in analysis.leaders.iter().enumerate() {
            if claim.modality.is_factual() && claim.polarity == Polarity::Affirmed && claim.group.owner.is_some() {
                by_noun.entry(claim.group.noun.as_str()).or_default().push((doc, i));
            }
        }
    }
    let claim = |(doc, i): LeaderRef| -> &LeaderClaim { &corpus.analyses[doc].leaders[i] };
    let leaders = |r: LeaderRef| -> BTreeSet<usize> {
        claim(r)
            .leaders
            .iter()
            .map(|&m| corpus.resolution.entity_of(r.0, m))
            .collect()
    };
    let mut reported: BTreeSet<BTreeSet<LeaderRef>> = BTreeSet::new();
    let by_story = by_noun
        .into_values()
        .flat_map(|refs| corpus.story_groups(&refs, |r: LeaderRef| r.0));
    for refs in by_story {
        // Clusters of claims about one owner's group.
        let mut clusters: Vec<Vec<LeaderRef>> = Vec::new();
        for &r in &refs {
            let owner = claim(r).group.owner.as_deref().unwrap_or_default();
            match clusters
                .iter_mut()
                .find(|c| same_owner(claim(c[0]).group.owner.as_deref().unwrap_or_default(), owner))
            {
                Some(cluster) => cluster.push(r),
                None => clusters.push(vec![r]),
            }
        }
        for cluster in clusters {
            let mut involved: BTreeSet<LeaderRef> = BTreeSet::new();
            for (i, &a) in cluster.iter().enumerate() {
                for &b in &cluster[i + 1..] {
                    let (ca, cb) = (claim(a), claim(b));
                    if ca.co || cb.co || !leaders(a).is_disjoint(&leaders(b)) {
                        continue;
                    }
                    if !ca.cue.compatible(&cb.cue, (corpus.year(a.0), corpus.year(b.0))) {
                        continue;
                    }
                    if !corpus.same_period(a.0, b.0, options.event_window_days) {
                        continue;
                    }
                    involved.insert(a);
                    involved.insert(b);
                }
            }
            // A conflict met again through a text shared by two story groups is reported once.
            if involved.is_empty() || !reported.insert(involved.clone()) {
                continue;
            }
            // One side per set of leaders.
            let mut by_leaders: BTreeMap<BTreeSet<usize>, Side> = BTreeMap::new();
            for &r in &involved {
                let names = leaders(r);
                let value = names
                    .iter()
                    .map(|&e| corpus.display(e))
                    .collect::<Vec<_>>()
                    .join(" and ");
                by_leaders
                    .entry(names)
                    .or_insert_with(|| Side::new(value))
                    .add(r.0, claim(r).span.clone());
            }
            let sides = sides::order(by_leaders.into_values().collect());
            // Name the group by its longest owner: the demonym ("Corvian") over the country.
            let named = involved
                .iter()
                .map(|&r| claim(r))
                .max_by_key(|c| c.group.owner.as_ref().map_or(0, String::len))
                .expect("a conflict has claims");
            let group = group_name(corpus, named);
            drafts.push(Draft {
                code: "leader-conflict",
                at_most: None,
                vars: vec![("group", group), ("summary", sides::summary(corpus, &sides))],
                labels: sides::labels(&sides, |side| format!("says {} led it", side.value)),
            });
        }
    }
}

/// "the Corvian delegation", "Ukraine's delegation".
fn group_name(corpus: &Corpus, claim: &LeaderClaim) -> String {
    let owner = claim.group.owner.as_deref().unwrap_or_default();
    match corpus.pack.entity_by_id(owner) {
        Some(idx) => format!("{}'s {}", corpus.pack.entities[idx].name(), claim.group.noun),
        None => format!("the {} {}", super::title_case(owner), claim.group.noun),
    }
}

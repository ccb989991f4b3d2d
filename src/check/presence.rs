//! `presence-conflict`: one person asserted to have been at an event or place, and asserted not to have been.

use std::collections::{BTreeMap, HashMap};

use super::{ClaimRef, Corpus, Draft, file_list, place_name, sources};
use crate::diagnostic::Label;
use crate::extract::{ClaimValue, PlaceRef, Target};
use crate::pack::{Pack, Polarity};

/// The most frequent venue, ties broken by order, so results do not depend on hashing.
fn most_frequent<'a>(places: impl Iterator<Item = &'a PlaceRef>) -> Option<PlaceRef> {
    let mut counts: BTreeMap<&PlaceRef, usize> = BTreeMap::new();
    for p in places {
        *counts.entry(p).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(p, _)| p.clone())
}

/// A presence target with the article's venue filled in where the text leaves it implicit.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Resolved {
    Place(PlaceRef),
    Event {
        place: Option<PlaceRef>,
        noun: Option<String>,
    },
}

fn within(pack: &Pack, inner: &PlaceRef, outer: &PlaceRef) -> bool {
    match (inner, outer) {
        (PlaceRef::Pack(a), PlaceRef::Pack(b)) => pack.within(*a, *b),
        _ => inner == outer,
    }
}

/// Whether "was at `affirmed`" and "was not at `denied`" contradict each other.
fn contradict(pack: &Pack, affirmed: &Resolved, denied: &Resolved, same_doc: bool) -> bool {
    match (affirmed, denied) {
        // In Istanbul contradicts not in Türkiye; in Türkiye does not contradict not in Istanbul.
        (Resolved::Place(a), Resolved::Place(d)) => within(pack, a, d),
        // Two mentions of the event contradict unless they name different venues.
        (Resolved::Event { place: a, .. }, Resolved::Event { place: d, .. }) => match (a, d) {
            (Some(a), Some(d)) => within(pack, a, d) || within(pack, d, a),
            _ => true,
        },
        // "X was in Istanbul" against "X did not attend the talks (in Istanbul)": a
        // disagreement between sources. One writer who says both means both (in town,
        // not at the table), so this pairing needs two documents.
        (Resolved::Place(a), Resolved::Event { place: Some(d), .. }) => !same_doc && a == d,
        (Resolved::Event { place: Some(a), .. }, Resolved::Place(d)) => within(pack, a, d),
        _ => false,
    }
}

pub(super) fn check(corpus: &Corpus, drafts: &mut Vec<Draft>) {
    let pack = corpus.pack;
    let corpus_venue = most_frequent(corpus.analyses.iter().flat_map(|a| a.venues.iter()));
    let doc_venue: Vec<Option<PlaceRef>> = corpus
        .analyses
        .iter()
        .map(|a| most_frequent(a.venues.iter()).or_else(|| corpus_venue.clone()))
        .collect();

    // Group asserted presence claims by the person they are about.
    let mut by_subject: BTreeMap<usize, Vec<(ClaimRef, Polarity, Resolved)>> = BTreeMap::new();
    for r in corpus.claims() {
        let claim = corpus.claim(r);
        let ClaimValue::Presence { target, .. } = &claim.value else {
            continue;
        };
        if !claim.modality.is_asserted() {
            continue;
        }
        let venue = doc_venue[r.doc].clone();
        let resolved = match target {
            Target::Place(p) => Resolved::Place(p.clone()),
            Target::Event { place, noun } => Resolved::Event {
                place: place.clone().or(venue),
                noun: Some(noun.to_string()),
            },
            Target::Unspecified => Resolved::Event {
                place: venue,
                noun: None,
            },
        };
        by_subject
            .entry(corpus.subject(r))
            .or_default()
            .push((r, claim.polarity, resolved));
    }

    for (entity, claims) in by_subject {
        let affirmed: Vec<&(ClaimRef, Polarity, Resolved)> =
            claims.iter().filter(|c| c.1 == Polarity::Affirmed).collect();
        let denied: Vec<&(ClaimRef, Polarity, Resolved)> = claims.iter().filter(|c| c.1 == Polarity::Denied).collect();
        let mut yes: Vec<&(ClaimRef, Polarity, Resolved)> = Vec::new();
        let mut no: Vec<&(ClaimRef, Polarity, Resolved)> = Vec::new();
        for a in &affirmed {
            for d in &denied {
                if contradict(pack, &a.2, &d.2, a.0.doc == d.0.doc) {
                    if !yes.iter().any(|x| x.0 == a.0) {
                        yes.push(a);
                    }
                    if !no.iter().any(|x| x.0 == d.0) {
                        no.push(d);
                    }
                }
            }
        }
        if yes.is_empty() {
            continue;
        }
        yes.sort_by_key(|c| c.0);
        no.sort_by_key(|c| c.0);
        let who = corpus.display(entity).to_string();
        let first_per_doc = |side: &[&(ClaimRef, Polarity, Resolved)]| {
            let mut seen: HashMap<usize, ClaimRef> = HashMap::new();
            for c in side {
                seen.entry(c.0.doc).or_insert(c.0);
            }
            let mut firsts: Vec<ClaimRef> = seen.into_values().collect();
            firsts.sort();
            firsts
        };
        let yes_firsts = first_per_doc(&yes);
        let no_firsts = first_per_doc(&no);

        // What was attended, for the message: a venue named by the claims, else "the event".
        let venue = yes.iter().chain(&no).find_map(|c| match &c.2 {
            Resolved::Event {
                place: Some(p),
                noun: Some(n),
            } => Some(format!("the {n} in {}", place_name(corpus, p))),
            _ => None,
        });
        let event = venue
            .or_else(|| {
                yes.iter().chain(&no).find_map(|c| match &c.2 {
                    Resolved::Place(p) | Resolved::Event { place: Some(p), .. } => Some(place_name(corpus, p)),
                    _ => None,
                })
            })
            .unwrap_or_else(|| "the event".to_string());

        let there = |r: &ClaimRef| -> String {
            let target = yes.iter().chain(&no).find(|c| c.0 == *r).map(|c| &c.2);
            match target {
                Some(Resolved::Place(p)) => format!("was in {}", place_name(corpus, p)),
                _ => "attended".to_string(),
            }
        };
        let short = who.rsplit(' ').next().unwrap_or(&who).to_string();
        // The side with fewer sources is the odd one out: it comes first.
        let (first, second, first_is_yes) = if yes_firsts
            .iter()
            .map(|r| r.doc)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            <= no_firsts
                .iter()
                .map(|r| r.doc)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
        {
            (&yes_firsts, &no_firsts, true)
        } else {
            (&no_firsts, &yes_firsts, false)
        };
        let mut labels = Vec::new();
        for (side, is_yes) in [(first, first_is_yes), (second, !first_is_yes)] {
            for r in side {
                let claim = corpus.claim(*r);
                let message = if is_yes {
                    format!("says {short} {}", there(r))
                } else {
                    format!("says {short} was not there")
                };
                labels.push(Label {
                    doc: r.doc,
                    span: claim.span.clone(),
                    message,
                });
            }
        }
        let docs = |side: &[ClaimRef]| {
            let mut d: Vec<usize> = side.iter().map(|r| r.doc).collect();
            d.dedup();
            d
        };
        let (yes_docs, no_docs) = (docs(&yes_firsts), docs(&no_firsts));
        let summary = format!(
            "{} {} {short} was there ({}); {} {} {short} was not ({})",
            sources(yes_docs.len()),
            if yes_docs.len() == 1 { "says" } else { "say" },
            file_list(corpus, &yes_docs),
            sources(no_docs.len()),
            if no_docs.len() == 1 { "says" } else { "say" },
            file_list(corpus, &no_docs),
        );
        drafts.push(Draft {
            code: "presence-conflict",
            at_most: None,
            vars: vec![("who", who.clone()), ("event", event), ("summary", summary)],
            labels,
        });
    }
}

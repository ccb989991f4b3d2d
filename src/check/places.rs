//! `place-conflict`: one person in two cities on one day, when one of the texts
//! says the day was spent in one of them.
//!
//! Being in two cities on one day is possible — people fly — so a plain "was in
//! Port Aster on Tuesday" against "was in Lindau on Tuesday" is not flagged.
//! It is when one statement fills the day ("spent Tuesday in Lindau", "remained
//! in Lindau on Tuesday"). Both places must be settlements (a city the pack
//! places inside a country, or one a text calls a city, port or capital), and
//! neither may contain the other: "travelled to Ostrovia" and "arrived in Port
//! Aster" agree.

use std::collections::{BTreeMap, BTreeSet};

use super::sides::{self, Side};
use super::{ClaimRef, Corpus, Draft};
use crate::extract::{ClaimValue, PlaceRef, Target};
use crate::pack::Polarity;

pub(super) fn check(corpus: &Corpus, drafts: &mut Vec<Draft>) {
    let pack = corpus.pack;
    let settlements: BTreeSet<&PlaceRef> = corpus.analyses.iter().flat_map(|a| &a.settlements).collect();
    let is_settlement = |p: &PlaceRef| match p {
        PlaceRef::Pack(idx) => pack.entities[*idx].within.is_some(),
        named => settlements.contains(named),
    };
    let related = |a: &PlaceRef, b: &PlaceRef| match (a, b) {
        (PlaceRef::Pack(x), PlaceRef::Pack(y)) => pack.within(*x, *y) || pack.within(*y, *x),
        _ => a == b,
    };
    // Person → (claim, place, whole day) for factual, affirmed, dated presence in a place.
    let mut by_person: BTreeMap<usize, Vec<(ClaimRef, &PlaceRef, bool)>> = BTreeMap::new();
    for r in corpus.claims() {
        let claim = corpus.claim(r);
        let ClaimValue::Presence {
            target: Target::Place(place),
            whole_day,
        } = &claim.value
        else {
            continue;
        };
        if claim.polarity == Polarity::Affirmed && claim.modality.is_factual() && claim.day.is_some() {
            by_person
                .entry(corpus.subject(r))
                .or_default()
                .push((r, place, *whole_day));
        }
    }
    for (person, claims) in by_person {
        let mut involved: BTreeSet<(ClaimRef, &PlaceRef)> = BTreeSet::new();
        for (i, &(a, pa, wa)) in claims.iter().enumerate() {
            for &(b, pb, wb) in &claims[i + 1..] {
                let (da, db) = (corpus.claim(a).day, corpus.claim(b).day);
                let same_day = matches!((da, db), (Some(x), Some(y)) if x.overlaps(&y));
                if same_day && (wa || wb) && !related(pa, pb) && is_settlement(pa) && is_settlement(pb) {
                    involved.insert((a, pa));
                    involved.insert((b, pb));
                }
            }
        }
        if involved.is_empty() {
            continue;
        }
        let name = |p: &PlaceRef| super::place_name(corpus, p);
        let mut by_place: BTreeMap<&PlaceRef, Side> = BTreeMap::new();
        for &(r, place) in &involved {
            by_place
                .entry(place)
                .or_insert_with(|| Side::new(name(place)))
                .add(r.doc, corpus.claim(r).span.clone());
        }
        let sides = sides::order(by_place.into_values().collect());
        let day = involved
            .iter()
            .find_map(|(r, _)| corpus.claim(*r).day)
            .map(|d| d.start.strftime("%A %-d %B %Y").to_string())
            .unwrap_or_default();
        drafts.push(Draft {
            code: "place-conflict",
            at_most: None,
            vars: vec![
                ("who", corpus.display(person).to_string()),
                ("day", day),
                ("summary", sides::summary(corpus, &sides)),
            ],
            labels: sides::labels(&sides, |side| format!("says in {}", side.value)),
        });
    }
}

//! `stale-title` (against the pack's dated offices) and `title-conflict` (between sources).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use rustc_hash::{FxHashSet as HashSet, FxHashSet};

use super::sides::Side;
use super::{CheckOptions, ClaimRef, Corpus, Draft, file_list, sources};
use crate::diagnostic::Label;
use crate::extract::{Qualifier, TitlePhrase};
use crate::pack::Role;

fn title_of<'a>(corpus: &Corpus<'a>, r: ClaimRef) -> Option<&'a TitlePhrase> {
    let claim = corpus.claim(r);
    if !claim.modality.is_asserted() {
        return None;
    }
    corpus.analyses[r.doc].title(claim)
}

/// The pack's offices matching a written title: same office, and the same country when the text names one.
fn matching_roles<'a>(corpus: &Corpus<'a>, r: ClaimRef, title: &TitlePhrase) -> Vec<&'a Role> {
    let entity = &corpus.resolution.entities[corpus.subject(r)];
    let Some(idx) = entity.pack else { return Vec::new() };
    corpus.pack.entities[idx]
        .roles
        .iter()
        .filter(|role| role.title == *title.title && (title.of.is_none() || role.of.is_none() || title.of == role.of))
        .collect()
}

/// Years written in the claim's sentence ("in 2018"): a bare title next to one may describe that time.
fn years_in_sentence(corpus: &Corpus, r: ClaimRef) -> Vec<i16> {
    corpus.analyses[r.doc]
        .title_context(r.claim)
        .map_or_else(Vec::new, |t| t.years.to_vec())
}

/// A title claim's words as written.
fn written(corpus: &Corpus, r: ClaimRef) -> String {
    corpus.analyses[r.doc]
        .title_context(r.claim)
        .map_or_else(String::new, |t| t.written.to_string())
}

/// Reports titles the pack's dated offices contradict; returns the claims it reported.
///
/// A text without a publication date gets one `undated-source` note listing the
/// titles that could not be checked, instead of a guess.
pub(super) fn stale_title(corpus: &Corpus, _options: &CheckOptions, drafts: &mut Vec<Draft>) -> HashSet<ClaimRef> {
    let mut reported = HashSet::default();
    let mut unchecked: BTreeMap<usize, Vec<ClaimRef>> = BTreeMap::new();
    for r in corpus.claims() {
        let Some(title) = title_of(corpus, r) else { continue };
        if matches!(title.qualifier, Qualifier::Then | Qualifier::Acting | Qualifier::Elect) {
            continue;
        }
        let roles = matching_roles(corpus, r, title);
        if roles.is_empty() {
            continue;
        }
        let Some(date) = corpus.date(r.doc) else {
            unchecked.entry(r.doc).or_default().push(r);
            continue;
        };
        // An office without an end date is known only up to the pack's last check.
        let known = |role: &Role| role.to.is_some() || corpus.pack.facts_as_of.is_none_or(|asof| date <= asof);
        let held = roles.iter().find(|role| role.holds_on(date));
        let written = written(corpus, r);
        let who = corpus.display(corpus.subject(r)).to_string();
        let fact = match (title.qualifier, held) {
            (Qualifier::Former, Some(role)) if known(role) => match role.from {
                Some(from) => format!("has held that office since {from}"),
                None => "held that office at the time".to_string(),
            },
            (Qualifier::Current, None) => {
                let years = years_in_sentence(corpus, r);
                let historical = roles.iter().any(|role| {
                    years
                        .iter()
                        .any(|&y| role.from.is_none_or(|f| f.year() <= y) && role.to.is_none_or(|t| y <= t.year()))
                });
                if historical {
                    continue;
                }
                let ended = roles.iter().filter_map(|role| role.to.filter(|to| *to <= date)).max();
                match ended {
                    Some(to) => format!("left that office on {to}"),
                    None => match roles.iter().filter_map(|role| role.from).min() {
                        Some(from) => format!("took that office only on {from}"),
                        None => continue,
                    },
                }
            }
            _ => continue,
        };
        let claim = corpus.claim(r);
        reported.insert(r);
        let summary = format!(
            "{} is dated {date}; the rule pack's record of {who}'s offices says otherwise",
            corpus.file_name(r.doc)
        );
        drafts.push(Draft {
            code: "stale-title",
            at_most: None,
            vars: vec![
                ("who", who),
                ("title", written.clone()),
                ("fact", fact),
                ("date", date.to_string()),
                ("summary", summary),
            ],
            labels: vec![Label {
                doc: r.doc,
                span: claim.span.clone(),
                message: format!("\"{written}\" on {date}"),
            }],
        });
    }
    for (doc, claims) in unchecked {
        // One label per person: the first title the text gives them.
        let mut seen = HashSet::default();
        let labels = claims
            .iter()
            .filter(|r| seen.insert(corpus.subject(**r)))
            .map(|r| Label {
                doc,
                span: corpus.claim(*r).span.clone(),
                message: "not checked".to_string(),
            })
            .collect();
        let summary = format!(
            "add a date to the front matter of {} (date: YYYY-MM-DD) or pass --date",
            corpus.file_name(doc)
        );
        drafts.push(Draft {
            code: "undated-source",
            at_most: None,
            vars: vec![("summary", summary)],
            labels,
        });
    }
    reported
}

/// Reports a person called "former" X in one source and X in another from the same period.
pub(super) fn title_conflict(
    corpus: &Corpus,
    options: &CheckOptions,
    stale: &HashSet<ClaimRef>,
    drafts: &mut Vec<Draft>,
) {
    // Grouped by person and office: sorted by them, claims in text order within.
    // An archive has hundreds of thousands of titled claims: each is kept as four
    // numbers, its office numbered in alphabetical order so that sorting the numbers
    // sorts by person, then office, then position in the corpus.
    let titled_claims = || {
        corpus.par_claims().filter_map(|r| {
            let title = title_of(corpus, r)?;
            let kept = matches!(title.qualifier, Qualifier::Former | Qualifier::Current) && !stale.contains(&r);
            kept.then_some((r, title))
        })
    };
    let mut offices: Vec<&str> = titled_claims()
        .fold(FxHashSet::default, |mut offices, (_, t)| {
            offices.insert(&*t.title);
            offices
        })
        .reduce(FxHashSet::default, |mut a, b| {
            a.extend(b);
            a
        })
        .into_iter()
        .collect();
    offices.sort_unstable();
    let office_id = |title: &str| offices.binary_search(&title).unwrap_or_default();
    let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let mut titled: Vec<[u32; 4]> = titled_claims()
        .map(|(r, t)| {
            let office = office_id(&t.title);
            [
                narrow(corpus.subject(r)),
                narrow(office),
                narrow(r.doc),
                narrow(r.claim),
            ]
        })
        .collect();
    titled.par_sort_unstable();
    for group in titled.chunk_by(|a, b| a[..2] == b[..2]) {
        let entity = group[0][0] as usize;
        let (former, current): (Vec<ClaimRef>, Vec<ClaimRef>) = {
            let side = |q: Qualifier| {
                group
                    .iter()
                    .map(|c| ClaimRef {
                        doc: c[2] as usize,
                        claim: c[3] as usize,
                    })
                    .filter(move |&r| title_of(corpus, r).is_some_and(|t| t.qualifier == q))
            };
            (side(Qualifier::Former).collect(), side(Qualifier::Current).collect())
        };
        if former.is_empty() || current.is_empty() {
            continue;
        }
        // "former" in one text and the plain title in another disagree when they are from
        // the same period, unless "former" comes later: the office may have ended in between
        // (undated sources are taken to be about the run's event, as the user grouped them).
        let disagree = |f: usize, c: usize| {
            f != c
                && corpus.same_period(f, c, options.same_period_days)
                && !matches!((corpus.date(f), corpus.date(c)), (Some(x), Some(y)) if x > y)
        };
        let former: Vec<ClaimRef> = former
            .into_iter()
            .filter(|f| current.iter().any(|c| disagree(f.doc, c.doc)))
            .collect();
        if former.is_empty() {
            continue;
        }
        let current: Vec<ClaimRef> = current
            .into_iter()
            .filter(|c| former.iter().any(|f| disagree(f.doc, c.doc)))
            .collect();
        let first_per_doc = |claims: &[ClaimRef]| {
            let mut seen = BTreeSet::new();
            claims
                .iter()
                .filter(|r| seen.insert(r.doc))
                .copied()
                .collect::<Vec<_>>()
        };
        let (former, current) = (first_per_doc(&former), first_per_doc(&current));
        let text = |r: &ClaimRef| written(corpus, *r);
        let who = corpus.display(entity).to_string();
        // The office as the pack writes it, else the title's words in title case.
        let key = title_of(corpus, current[0]).map_or_else(String::new, |t| t.title.to_string());
        let pack_display = corpus.resolution.entities[entity].pack.and_then(|idx| {
            corpus.pack.entities[idx]
                .roles
                .iter()
                .find(|r| r.title == key)
                .map(|r| r.display.clone())
        });
        let office = pack_display.unwrap_or_else(|| super::title_case(&key));
        let mut labels = Vec::new();
        for r in &former {
            labels.push(Label {
                doc: r.doc,
                span: corpus.claim(*r).span.clone(),
                message: format!("\"{}\"", text(r)),
            });
        }
        for r in &current {
            labels.push(Label {
                doc: r.doc,
                span: corpus.claim(*r).span.clone(),
                message: format!("\"{}\"", text(r)),
            });
        }
        let former_docs: Vec<usize> = former.iter().map(|r| r.doc).collect();
        let current_docs: Vec<usize> = current.iter().map(|r| r.doc).collect();
        let undated: Vec<usize> = former_docs
            .iter()
            .chain(&current_docs)
            .copied()
            .filter(|&d| corpus.date(d).is_none())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut summary = format!(
            "{} {} \"former\" ({}); {} {} no qualifier ({})",
            sources(former_docs.len()),
            if former_docs.len() == 1 { "says" } else { "say" },
            file_list(corpus, &former_docs),
            sources(current_docs.len()),
            if current_docs.len() == 1 { "uses" } else { "use" },
            file_list(corpus, &current_docs),
        );
        if !undated.is_empty() {
            summary.push_str(&format!(
                "; {} has no publication date and is assumed to be from the same period",
                file_list(corpus, &undated)
            ));
        }
        drafts.push(Draft {
            code: "title-conflict",
            at_most: None,
            vars: vec![("who", who), ("title", office), ("summary", summary)],
            labels,
        });
    }
}

/// `office-conflict`: one person given two different offices by texts of the same days,
/// "Foreign Minister Lena Ostrova" against "Finance Minister Lena Ostrova".
///
/// Only offices with the same head word are compared (two kinds of minister), both
/// without qualifier, never a bare "Minister" against a specific one, never an office
/// and a narrower form of it ("Prime Minister" and "Deputy Prime Minister" may be a
/// misreading of a double title), and never when one text gives the person both
/// offices or the pack records both.
pub(super) fn office_conflict(corpus: &Corpus, options: &CheckOptions, drafts: &mut Vec<Draft>) {
    // By person, then office: sorted by them, claims in text order within.
    let mut titled: Vec<(usize, &str, ClaimRef)> = corpus
        .par_claims()
        .filter_map(|r| {
            let title = title_of(corpus, r)?;
            let kept = title.qualifier == Qualifier::Current && title.title.contains(' ');
            kept.then(|| (corpus.subject(r), &*title.title, r))
        })
        .collect();
    titled.par_sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for person in titled.chunk_by(|a, b| a.0 == b.0) {
        let entity = person[0].0;
        let by_office: BTreeMap<&str, Vec<ClaimRef>> = person
            .chunk_by(|a, b| a.1 == b.1)
            .map(|o| (o[0].1, o.iter().map(|t| t.2).collect()))
            .collect();
        if by_office.len() < 2 {
            continue;
        }
        let keys: Vec<&str> = by_office.keys().copied().collect();
        let held_by_pack = |key: &str| {
            corpus.resolution.entities[entity]
                .pack
                .is_some_and(|idx| corpus.pack.entities[idx].roles.iter().any(|role| role.title == key))
        };
        let mut sides: BTreeMap<&str, Side> = BTreeMap::new();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                let (wa, wb): (BTreeSet<&str>, BTreeSet<&str>) = (a.split(' ').collect(), b.split(' ').collect());
                if a.rsplit(' ').next() != b.rsplit(' ').next() || wa.is_subset(&wb) || wb.is_subset(&wa) {
                    continue;
                }
                if held_by_pack(a) && held_by_pack(b) {
                    continue;
                }
                let (ca, cb) = (&by_office[*a], &by_office[*b]);
                let docs_a: BTreeSet<usize> = ca.iter().map(|r| r.doc).collect();
                let docs_b: BTreeSet<usize> = cb.iter().map(|r| r.doc).collect();
                // A text that gives both offices knows of a double role.
                if !docs_a.is_disjoint(&docs_b) {
                    continue;
                }
                let pairs: Vec<(ClaimRef, ClaimRef)> = ca
                    .iter()
                    .flat_map(|&x| cb.iter().map(move |&y| (x, y)))
                    .filter(|(x, y)| corpus.same_period(x.doc, y.doc, options.event_window_days))
                    .collect();
                for (x, y) in pairs {
                    for (key, r) in [(*a, x), (*b, y)] {
                        let span = corpus.claim(r).span.clone();
                        sides
                            .entry(key)
                            .or_insert_with(|| Side::new(super::title_case(key)))
                            .add(r.doc, span);
                    }
                }
            }
        }
        if sides.len() < 2 {
            continue;
        }
        let sides = super::sides::order(sides.into_values().collect());
        let who = corpus.display(entity).to_string();
        drafts.push(Draft {
            code: "office-conflict",
            at_most: None,
            vars: vec![
                ("who", who),
                ("a", sides[0].value.clone()),
                ("b", sides[1].value.clone()),
                ("summary", super::sides::summary(corpus, &sides)),
            ],
            labels: super::sides::labels(&sides, |side| format!("says {}", side.value)),
        });
    }
}

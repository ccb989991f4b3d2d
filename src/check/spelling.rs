//! `spelling-variant`: one name spelled two ways in one text, or across texts without the pack's blessing.

use std::collections::BTreeMap;

use super::{Corpus, Draft, file_list};
use crate::diagnostic::Label;
use crate::extract::Mention;
use crate::extract::leader::same_owner;
use crate::pack::EntityKind;
use crate::resolve::near_spelling;
use crate::text::{fold, is_all_caps};

/// One way a name is written, with where it is first written that way in each document.
#[derive(Debug, Default)]
struct Form {
    count: usize,
    first: BTreeMap<usize, std::ops::Range<usize>>,
}

/// Whether two written forms are spellings of one word (not two different names, nor a case change).
fn variant(kind: EntityKind, a: &str, b: &str) -> bool {
    if a.to_lowercase() == b.to_lowercase() {
        return false;
    }
    let (fa, fb) = (fold(a), fold(b));
    // "Ostrovia" and "Ostrovian" are a country and its demonym, not two spellings.
    if fa != fb && same_owner(&fa, &fb) {
        return false;
    }
    fa == fb || (kind == EntityKind::Person && near_spelling(&fa, &fb))
}

/// The mentions whose spelling can vary, with their document and entity.
fn spelled_mentions<'c>(corpus: &Corpus<'c>) -> impl Iterator<Item = (usize, &'c Mention, usize)> + 'c {
    let analyses = corpus.analyses;
    let resolution = corpus.resolution;
    analyses.iter().enumerate().flat_map(move |(doc, analysis)| {
        analysis
            .mentions
            .iter()
            .enumerate()
            // Headlines in capitals ("ZELENSKY") are a typographic choice, not a spelling.
            .filter(|(_, m)| {
                !m.descriptor && matches!(m.kind, EntityKind::Person | EntityKind::Place) && !is_all_caps(&m.surname)
            })
            .map(move |(mi, m)| (doc, m, resolution.entity_of(doc, mi)))
    })
}

pub(super) fn check(corpus: &Corpus, drafts: &mut Vec<Draft>) {
    // First, which entities are written more than one way at all: most are written one
    // way, and an archive names hundreds of thousands of them.
    let mut first_form: Vec<Option<&str>> = vec![None; corpus.resolution.entities.len()];
    let mut varied = vec![false; first_form.len()];
    for (_, m, entity) in spelled_mentions(corpus) {
        match first_form[entity] {
            None => first_form[entity] = Some(&m.surname),
            Some(first) => varied[entity] |= first != &*m.surname,
        }
    }
    // entity → written form → occurrences, for those entities only.
    let mut forms: BTreeMap<usize, BTreeMap<&str, Form>> = BTreeMap::new();
    for (doc, m, entity) in spelled_mentions(corpus) {
        if varied[entity] {
            // The surname is the name's last word as written, so it ends where the mention ends.
            let form = forms.entry(entity).or_default().entry(&*m.surname).or_default();
            form.count += 1;
            let span = m.span.end.saturating_sub(m.surname.len())..m.span.end;
            form.first.entry(doc).or_insert(span);
        }
    }
    for (entity, forms) in forms {
        if forms.len() < 2 {
            continue;
        }
        let kind = corpus.resolution.entities[entity].kind;
        let who = corpus.display(entity).to_string();
        let names: Vec<&str> = forms.keys().copied().collect();
        let accepted = |a: &str, b: &str| {
            let Some(idx) = corpus.resolution.entities[entity].pack else {
                return false;
            };
            let e = &corpus.pack.entities[idx];
            let listed = |w: &str| {
                e.names.iter().chain(&e.variants).any(|n| {
                    n.split_whitespace()
                        .any(|part| part.eq_ignore_ascii_case(w) || part == w)
                })
            };
            listed(a) && listed(b)
        };
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                if !variant(kind, a, b) {
                    continue;
                }
                let (fa, fb) = (&forms[*a], &forms[*b]);
                // Inside one document: always worth a look.
                let shared: Vec<usize> = fa.first.keys().filter(|d| fb.first.contains_key(d)).copied().collect();
                for doc in &shared {
                    let (rare, common) = if fa.count <= fb.count { (a, b) } else { (b, a) };
                    let labels = vec![
                        Label {
                            doc: *doc,
                            span: forms[*rare].first[doc].clone(),
                            message: format!("\"{rare}\" here"),
                        },
                        Label {
                            doc: *doc,
                            span: forms[*common].first[doc].clone(),
                            message: format!("\"{common}\" here"),
                        },
                    ];
                    let summary = format!("{} spells the name two ways; pick one", file_list(corpus, &[*doc]));
                    drafts.push(Draft {
                        code: "spelling-variant",
                        at_most: None,
                        vars: vec![
                            ("who", who.clone()),
                            ("a", rare.to_string()),
                            ("b", common.to_string()),
                            ("summary", summary),
                        ],
                        labels,
                    });
                }
                // Across documents: diacritics dropped by one outlet, or spellings the pack accepts, are fine.
                if fold(a) == fold(b) || accepted(a, b) {
                    continue;
                }
                let only_a: Vec<usize> = fa.first.keys().filter(|d| !fb.first.contains_key(d)).copied().collect();
                let only_b: Vec<usize> = fb.first.keys().filter(|d| !fa.first.contains_key(d)).copied().collect();
                if only_a.is_empty() || only_b.is_empty() {
                    continue;
                }
                let (rare, rare_docs, common, common_docs) = if only_a.len() <= only_b.len() {
                    (a, &only_a, b, &only_b)
                } else {
                    (b, &only_b, a, &only_a)
                };
                let mut labels: Vec<Label> = rare_docs
                    .iter()
                    .map(|d| Label {
                        doc: *d,
                        span: forms[*rare].first[d].clone(),
                        message: format!("\"{rare}\""),
                    })
                    .collect();
                labels.extend(common_docs.iter().map(|d| Label {
                    doc: *d,
                    span: forms[*common].first[d].clone(),
                    message: format!("\"{common}\""),
                }));
                let summary = format!(
                    "\"{rare}\" in {}; \"{common}\" in {}; if both spellings are accepted, list them as variants in a rule pack",
                    file_list(corpus, rare_docs),
                    file_list(corpus, common_docs)
                );
                drafts.push(Draft {
                    code: "spelling-variant",
                    at_most: None,
                    vars: vec![
                        ("who", who.clone()),
                        ("a", rare.to_string()),
                        ("b", common.to_string()),
                        ("summary", summary),
                    ],
                    labels,
                });
            }
        }
    }
}

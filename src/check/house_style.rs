//! `house-spelling`: a spelling the newsroom's `[house-style]` says to avoid.
//!
//! The spellings are found during extraction (one multi-pattern pass over each
//! text); this check groups them into one finding per form and text.

use std::collections::BTreeMap;
use std::ops::Range;

use super::{Corpus, Draft};
use crate::diagnostic::Label;

pub(super) fn check(corpus: &Corpus, drafts: &mut Vec<Draft>) {
    let style = &corpus.pack.house_style;
    for (doc, analysis) in corpus.analyses.iter().enumerate() {
        // Avoided form → where it is written, so each form is one finding per text.
        let mut found: BTreeMap<usize, Vec<Range<usize>>> = BTreeMap::new();
        for (pattern, span) in &analysis.house_spellings {
            found.entry(*pattern).or_default().push(span.clone());
        }
        for (pattern, spans) in found {
            let (spelling, form) = &style.forms[pattern];
            let spelling = &style.spellings[*spelling];
            let times = match spans.len() {
                1 => "once".to_string(),
                2 => "twice".to_string(),
                n => format!("{n} times"),
            };
            let labels = spans
                .into_iter()
                .enumerate()
                .map(|(i, span)| Label {
                    doc,
                    span,
                    message: if i == 0 {
                        format!("house style is \"{}\"", spelling.prefer)
                    } else {
                        "here too".to_string()
                    },
                })
                .collect();
            drafts.push(Draft {
                code: "house-spelling",
                at_most: None,
                vars: vec![
                    ("prefer", spelling.prefer.clone()),
                    ("found", form.clone()),
                    (
                        "summary",
                        format!(
                            "\"{form}\" is written {times} in {}; the house style set at {} prefers \"{}\"",
                            corpus.file_name(doc),
                            spelling.origin,
                            spelling.prefer
                        ),
                    ),
                ],
                labels,
            });
        }
    }
}

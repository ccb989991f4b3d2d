//! Findings that set sources against each other: each side is what some sources
//! say, with the words that say it.

use std::collections::BTreeSet;
use std::ops::Range;

use super::{Corpus, file_list, sources};
use crate::diagnostic::Label;

/// What one group of sources says, and where.
#[derive(Debug, Clone)]
pub(crate) struct Side {
    /// The value, as the summary prints it: "Jana Mirek", "41".
    pub value: String,
    /// (document, span) of each statement, in corpus order.
    pub evidence: Vec<(usize, Range<usize>)>,
}

impl Side {
    pub fn new(value: impl Into<String>) -> Side {
        Side {
            value: value.into(),
            evidence: Vec::new(),
        }
    }

    /// Adds a statement, keeping only the first one of each document.
    pub fn add(&mut self, doc: usize, span: Range<usize>) {
        if !self.evidence.iter().any(|(d, _)| *d == doc) {
            self.evidence.push((doc, span));
            self.evidence.sort_by_key(|(d, s)| (*d, s.start));
        }
    }

    fn docs(&self) -> Vec<usize> {
        self.evidence
            .iter()
            .map(|(d, _)| *d)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    }
}

/// Orders sides so that the one with fewest sources (the odd one out) comes first.
pub(crate) fn order(mut sides: Vec<Side>) -> Vec<Side> {
    sides.sort_by_key(|s| (s.docs().len(), s.evidence.first().map(|(d, r)| (*d, r.start))));
    sides
}

/// The labels of every side; `message` writes each label's note.
pub(crate) fn labels(sides: &[Side], message: impl Fn(&Side) -> String) -> Vec<Label> {
    sides
        .iter()
        .flat_map(|side| {
            let note = message(side);
            side.evidence.iter().map(move |(doc, span)| Label {
                doc: *doc,
                span: span.clone(),
                message: note.clone(),
            })
        })
        .collect()
}

/// "1 source says Oskar Veltheim (blog.md); 3 sources say Jana Mirek (a.md, b.md, c.txt)".
pub(crate) fn summary(corpus: &Corpus, sides: &[Side]) -> String {
    sides
        .iter()
        .map(|side| {
            let docs = side.docs();
            format!(
                "{} {} {} ({})",
                sources(docs.len()),
                if docs.len() == 1 { "says" } else { "say" },
                side.value,
                file_list(corpus, &docs)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

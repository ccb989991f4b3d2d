//! Renders findings for people and for tools: miette's graphical output, JSON, GitHub annotations.
//!
//! Every renderer takes the same data-only [`Finding`]s plus the files they point into
//! and returns a `String`; none of them prints, probes the terminal or reads the clock,
//! so the same input always renders to the same bytes. Spans stay byte offsets until
//! this module turns them into lines and columns ([`position`]).

use std::cell::OnceCell;
use std::ops::Range;

use serde::Serialize;

use crate::diagnostic::{Finding, Severity};

pub mod github;
pub mod human;
pub mod json;
pub mod position;
mod snippet;

#[cfg(test)]
mod fixtures;

use position::{LineIndex, ceil_char_boundary, floor_char_boundary};

/// A file as the renderer needs it: the name to print and the original file contents.
///
/// Findings reference files by index: `Label::doc` indexes into the `files` slice that
/// is passed to every renderer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub source: &'a str,
}

impl<'a> SourceFile<'a> {
    /// The files of loaded documents, named by `names` (one per document, e.g. their paths).
    pub fn of_documents(docs: &'a [crate::source::Document], names: &'a [String]) -> Vec<SourceFile<'a>> {
        docs.iter()
            .zip(names)
            .map(|(d, name)| SourceFile {
                name,
                source: &d.source,
            })
            .collect()
    }
}

/// The name each document is printed with: its path as given.
pub fn document_names(docs: &[crate::source::Document]) -> Vec<String> {
    docs.iter().map(|d| d.path.display().to_string()).collect()
}

/// Totals for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files_checked: usize,
    /// Files that could not be read or parsed.
    pub input_errors: usize,
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
}

impl Summary {
    /// Counts the findings of each severity.
    pub fn tally(findings: &[Finding], files_checked: usize, input_errors: usize) -> Summary {
        let mut summary = Summary {
            files_checked,
            input_errors,
            ..Summary::default()
        };
        for finding in findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Advice => summary.advice += 1,
            }
        }
        summary
    }
}

/// The output formats; command-line parsing of the names lives with the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// miette's graphical diagnostics, for people ([`human`]).
    Human,
    /// One JSON object, the stable machine contract ([`json`]).
    Json,
    /// GitHub Actions workflow commands ([`github`]).
    Github,
}

/// Settings for the human renderer; nothing here is probed from the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanOptions {
    /// Emit ANSI colours.
    pub color: bool,
    /// The width to wrap messages and fit source excerpts into, in columns (at least 40).
    pub width: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            width: 100,
        }
    }
}

/// Renders `findings` in `format`; `human` is only read for [`Format::Human`].
pub fn render(
    format: Format,
    findings: &[Finding],
    files: &[SourceFile<'_>],
    summary: &Summary,
    human: &HumanOptions,
) -> String {
    match format {
        Format::Human => human::render(findings, files, summary, human),
        Format::Json => json::render(findings, files, summary),
        Format::Github => github::render(findings, files),
    }
}

/// A label checked against its file: a valid document and a span inside it on char boundaries.
///
/// Renderers never slice user text with an unchecked span: a span past the end of its
/// file is clamped, and one that splits a character is widened to whole characters.
#[derive(Debug, Clone)]
pub(crate) struct FileLabel<'l> {
    /// Position of the label in `Finding::labels`; 0 is the primary label.
    pub index: usize,
    pub doc: usize,
    pub span: Range<usize>,
    pub message: &'l str,
}

impl FileLabel<'_> {
    /// Whether this is the finding's primary label.
    pub fn is_primary(&self) -> bool {
        self.index == 0
    }
}

/// The labels of `finding` that point into one of `files`, spans made safe to slice.
///
/// A label whose `doc` is not an index into `files` is a bug upstream; it is left out
/// rather than aborting the whole report.
pub(crate) fn resolve_labels<'l>(finding: &'l Finding, files: &[SourceFile<'_>]) -> Vec<FileLabel<'l>> {
    finding
        .labels
        .iter()
        .enumerate()
        .filter_map(|(index, label)| {
            let source = files.get(label.doc)?.source;
            let start = floor_char_boundary(source, label.span.start);
            let end = ceil_char_boundary(source, label.span.end.max(start));
            Some(FileLabel {
                index,
                doc: label.doc,
                span: start..end,
                message: &label.message,
            })
        })
        .collect()
}

/// Groups labels by file: the primary label's file first, then the others in the order
/// the finding first mentions them; labels within one file in source order.
pub(crate) fn group_by_file<'l>(labels: Vec<FileLabel<'l>>) -> Vec<(usize, Vec<FileLabel<'l>>)> {
    let mut groups: Vec<(usize, Vec<FileLabel<'l>>)> = Vec::new();
    for label in labels {
        match groups.iter_mut().find(|(doc, _)| *doc == label.doc) {
            Some((_, group)) => group.push(label),
            None => groups.push((label.doc, vec![label])),
        }
    }
    for (_, group) in &mut groups {
        group.sort_by_key(|l| (l.span.start, l.span.end, l.index));
    }
    groups
}

/// Line indexes for the files of one report, each built the first time it is needed.
pub(crate) struct Positions<'f, 'a> {
    files: &'f [SourceFile<'a>],
    indexes: Vec<OnceCell<LineIndex>>,
}

impl<'f, 'a> Positions<'f, 'a> {
    /// Prepares lazy line indexes for `files`.
    pub fn new(files: &'f [SourceFile<'a>]) -> Self {
        Positions {
            files,
            indexes: files.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The 1-based line and character column of `offset` in file `doc` ((1, 1) for an unknown file).
    pub fn line_col(&self, doc: usize, offset: usize) -> (usize, usize) {
        match (self.files.get(doc), self.indexes.get(doc)) {
            (Some(file), Some(cell)) => cell
                .get_or_init(|| LineIndex::new(file.source))
                .line_col(file.source, offset),
            _ => (1, 1),
        }
    }

    /// The line index of file `doc`, if there is such a file.
    pub fn index(&self, doc: usize) -> Option<&LineIndex> {
        let file = self.files.get(doc)?;
        Some(self.indexes.get(doc)?.get_or_init(|| LineIndex::new(file.source)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;

    fn finding(severity: Severity) -> Finding {
        Finding {
            code: "x".into(),
            severity,
            message: "m".into(),
            help: None,
            labels: vec![],
        }
    }

    #[test]
    fn tally_counts_each_severity() {
        let findings = [
            finding(Severity::Error),
            finding(Severity::Warning),
            finding(Severity::Error),
            finding(Severity::Advice),
        ];
        let summary = Summary::tally(&findings, 5, 1);
        assert_eq!(
            summary,
            Summary {
                files_checked: 5,
                input_errors: 1,
                errors: 2,
                warnings: 1,
                advice: 1
            }
        );
    }

    #[test]
    fn resolve_clamps_bad_spans_and_drops_unknown_files() {
        let files = [SourceFile {
            name: "a.md",
            source: "aé b",
        }];
        let mut f = finding(Severity::Error);
        f.labels = vec![
            Label {
                doc: 0,
                span: 2..3, // splits 'é'
                message: "inside".into(),
            },
            Label {
                doc: 3,
                span: 0..1,
                message: "unknown file".into(),
            },
        ];
        let labels = resolve_labels(&f, &files);
        assert_eq!(labels.len(), 1);
        assert_eq!(labels[0].span, 1..3);
    }

    #[test]
    fn groups_put_the_primary_file_first_and_sort_by_offset() {
        let labels = vec![
            FileLabel {
                index: 0,
                doc: 2,
                span: 50..60,
                message: "p",
            },
            FileLabel {
                index: 1,
                doc: 0,
                span: 5..6,
                message: "a",
            },
            FileLabel {
                index: 2,
                doc: 2,
                span: 10..20,
                message: "b",
            },
        ];
        let groups = group_by_file(labels);
        let order: Vec<(usize, Vec<usize>)> = groups
            .iter()
            .map(|(doc, g)| (*doc, g.iter().map(|l| l.index).collect()))
            .collect();
        assert_eq!(order, vec![(2, vec![2, 0]), (0, vec![1])]);
    }
}

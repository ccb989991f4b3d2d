//! Errors in rule packs and project configuration, each pointing into its TOML file.

use std::ops::Range;
use std::sync::Arc;

use miette::{Diagnostic, NamedSource, SourceSpan};

/// A problem in a rule pack, pointing at the TOML.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{file}: {message}")]
pub struct PackError {
    pub file: String,
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// All problems found in the packs being loaded.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid rule pack ({} problem{})", errors.len(), if errors.len() == 1 { "" } else { "s" })]
pub struct PackErrors {
    #[related]
    pub errors: Vec<PackError>,
}

impl PackErrors {
    /// Orders the errors by file and position, so that output is stable and reads top to bottom.
    pub(crate) fn sorted(mut errors: Vec<PackError>) -> PackErrors {
        errors.sort_by_key(|e| (e.file.clone(), e.span.map_or(0, |s| s.offset())));
        PackErrors { errors }
    }
}

/// One TOML source file: its display name and text.
#[derive(Debug, Clone)]
pub(crate) struct PackFile {
    pub name: String,
    pub text: Arc<str>,
}

impl PackFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> PackFile {
        PackFile {
            name: name.into(),
            text: text.into(),
        }
    }

    pub fn error(
        &self,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> PackError {
        PackError {
            file: self.name.clone(),
            message: message.into(),
            src: NamedSource::new(self.name.clone(), self.text.clone()),
            span: span.map(|s| SourceSpan::from(s.start..s.end)),
            label: label.into(),
            help,
        }
    }

    /// The 1-based line of a byte offset, for `file:line` origins.
    pub fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
    }
}

/// The candidate closest to `word`, if any is close enough to be a plausible typo.
pub(crate) fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" for the nearest candidate.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    nearest(word, candidates).map(|n| format!("did you mean `{n}`?"))
}

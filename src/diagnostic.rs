//! The data-only result of a check: what went wrong, where, and how sure we are.
//!
//! Every output format renders this one type; nothing here knows how it is printed.

use std::ops::Range;

use serde::Serialize;

/// How serious a finding is; ordered so that `Error` is the greatest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Advice,
    Warning,
    Error,
}

impl Severity {
    /// The lowercase name used in output and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One labelled span of a finding, a byte range in the original file of document `doc`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    pub doc: usize,
    pub span: Range<usize>,
    /// A short note printed under the span ("says he was there").
    pub message: String,
}

/// What a check reports: a code, a severity, a one-line message, evidence spans and a help line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The check's kebab-case code, e.g. `presence-conflict`.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The evidence; the first label is the primary one.
    pub labels: Vec<Label>,
}

//! Renders findings as one JSON object, the stable contract for tools and scripts.

use serde::Serialize;

use crate::diagnostic::{Finding, Severity};

use super::{Positions, SourceFile, Summary, resolve_labels};

/// The version of the JSON output schema; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// Renders `findings` as one pretty-printed JSON object (version 1 of the output contract).
///
/// The object is indented with two spaces and followed by a newline:
///
/// ```json
/// {
///   "version": 1,
///   "diagnostics": [
///     {
///       "code": "presence-conflict",
///       "severity": "error",
///       "message": "sources disagree on whether Volodymyr Zelensky attended the Istanbul talks",
///       "help": "3 sources say he did not attend, 1 says he did",
///       "labels": [
///         {
///           "file": "blog/zelensky-was-in-istanbul.md",
///           "offset": 98,
///           "length": 24,
///           "line": 7,
///           "column": 3,
///           "text": "Zelensky Was in Istanbul",
///           "label": "says he was there",
///           "primary": true
///         }
///       ]
///     }
///   ],
///   "summary": {
///     "files_checked": 5,
///     "input_errors": 0,
///     "errors": 1,
///     "warnings": 0,
///     "advice": 0
///   }
/// }
/// ```
///
/// - `version`: the schema version, `1`. Fields are never removed or changed in
///   meaning without bumping it.
/// - `diagnostics`: one entry per finding, in the order given (the caller sorts them,
///   so the same input gives byte-identical output).
///   - `code`: the check's kebab-case code.
///   - `severity`: `"error"`, `"warning"` or `"advice"`.
///   - `message`: one line saying what is wrong.
///   - `help`: a line saying what to do about it, or `null`.
///   - `labels`: the evidence, primary label first, then in the finding's order. A
///     conflict across files has labels in each file.
///     - `file`: the file name as given to factlint.
///     - `offset`, `length`: the span in bytes of the original file, as read from
///       disk (front matter and markup included).
///     - `line`, `column`: where the span starts, both 1-based; the column counts
///       Unicode characters, not bytes or UTF-16 units. Lines end at `\n`.
///     - `text`: the exact text of the span.
///     - `label`: a short note on what this span says.
///     - `primary`: `true` for the one main label of the diagnostic.
/// - `summary`: `files_checked`, `input_errors` (files that could not be read),
///   and the number of `errors`, `warnings` and `advice` in `diagnostics`.
pub fn render(findings: &[Finding], files: &[SourceFile<'_>], summary: &Summary) -> String {
    let positions = Positions::new(files);
    let output = Output {
        version: SCHEMA_VERSION,
        diagnostics: findings
            .iter()
            .map(|finding| JsonDiagnostic {
                code: &finding.code,
                severity: finding.severity,
                message: &finding.message,
                help: finding.help.as_deref(),
                labels: resolve_labels(finding, files)
                    .into_iter()
                    .filter_map(|label| {
                        let file = files.get(label.doc)?;
                        let (line, column) = positions.line_col(label.doc, label.span.start);
                        Some(JsonLabel {
                            file: file.name,
                            offset: label.span.start,
                            length: label.span.len(),
                            line,
                            column,
                            text: file.source.get(label.span.clone()).unwrap_or(""),
                            label: label.message,
                            primary: label.is_primary(),
                        })
                    })
                    .collect(),
            })
            .collect(),
        summary,
    };
    // Plain structs of strings and integers always serialise; keep a valid document
    // even if that ever changed.
    let mut json = serde_json::to_string_pretty(&output)
        .unwrap_or_else(|e| format!("{{\"version\": {SCHEMA_VERSION}, \"error\": \"{e}\"}}"));
    json.push('\n');
    json
}

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: Severity,
    message: &'a str,
    help: Option<&'a str>,
    labels: Vec<JsonLabel<'a>>,
}

#[derive(Serialize)]
struct JsonLabel<'a> {
    file: &'a str,
    offset: usize,
    length: usize,
    line: usize,
    column: usize,
    text: &'a str,
    label: &'a str,
    primary: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures::{self, Case};

    fn json(case: &Case) -> String {
        render(&case.findings, &case.files(), &case.summary())
    }

    #[test]
    fn two_file_conflict() {
        insta::assert_snapshot!(json(&fixtures::two_file_conflict()));
    }

    #[test]
    fn single_file() {
        insta::assert_snapshot!(json(&fixtures::single_file()));
    }

    #[test]
    fn multibyte_offsets_are_bytes_columns_are_chars() {
        let case = fixtures::multibyte();
        let out = json(&case);
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let label = &value["diagnostics"][0]["labels"][1];
        assert_eq!(label["text"], "Recep Tayyip Erdoğan");
        // “ and ’ are three bytes each: the byte offset runs ahead of the column.
        assert_eq!(label["offset"], 72);
        assert_eq!(label["column"], 66);
        assert_eq!(label["length"], 21);
        insta::assert_snapshot!(out);
    }

    #[test]
    fn long_line() {
        insta::assert_snapshot!(json(&fixtures::long_line()));
    }

    #[test]
    fn empty() {
        insta::assert_snapshot!(json(&fixtures::empty()), @r#"
        {
          "version": 1,
          "diagnostics": [],
          "summary": {
            "files_checked": 2,
            "input_errors": 0,
            "errors": 0,
            "warnings": 0,
            "advice": 0
          }
        }
        "#);
    }

    #[test]
    fn text_is_the_exact_span_of_the_original_file() {
        let case = fixtures::two_file_conflict();
        let value: serde_json::Value = serde_json::from_str(&json(&case)).unwrap();
        for label in value["diagnostics"][0]["labels"].as_array().unwrap() {
            let (_, source) = case.files.iter().find(|(name, _)| label["file"] == *name).unwrap();
            let offset = label["offset"].as_u64().unwrap() as usize;
            let length = label["length"].as_u64().unwrap() as usize;
            assert_eq!(label["text"], source[offset..offset + length]);
        }
    }

    #[test]
    fn output_ends_with_one_newline() {
        let out = json(&fixtures::single_file());
        assert!(out.ends_with("}\n") && !out.ends_with("\n\n"));
    }
}

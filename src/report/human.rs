//! Renders findings for people, as miette's graphical diagnostics with a summary line.
//!
//! Each finding becomes one diagnostic headed `error[code]` (or `warning[…]`,
//! `advice[…]`) and its message, then one source box per file, the primary label's file
//! first, each headed `file:line:column` (1-based, column in characters) of its primary
//! or first label, then the help line. Long lines are cut to a window around the
//! labelled words (the private `snippet` module), so a 1,000-character paragraph prints
//! as one readable line. Width and colour come from [`HumanOptions`]; nothing is probed.

use std::fmt::{self, Display, Write as _};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use crate::diagnostic::{Finding, Severity};

use super::snippet::Excerpts;
use super::{HumanOptions, Positions, SourceFile, Summary, group_by_file, resolve_labels};

/// Narrower widths are raised to this: below it, wrapping splits words into letters.
const MIN_WIDTH: usize = 40;

/// Renders `findings` as graphical diagnostics followed by a summary line.
///
/// Findings are printed in the order given, separated by a blank line; the output
/// ends with a line such as `1 error, 2 warnings in 5 files`.
pub fn render(findings: &[Finding], files: &[SourceFile<'_>], summary: &Summary, opts: &HumanOptions) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let width = opts.width.max(MIN_WIDTH);
    let handler = GraphicalReportHandler::new_themed(theme.clone())
        .with_width(width)
        .with_links(false)
        // The excerpt windows carry the context; neighbouring lines of prose are noise.
        .with_context_lines(0);
    let positions = Positions::new(files);

    let mut out = String::new();
    for finding in findings {
        let diagnostic = FindingDiagnostic::new(finding, files, &positions, width);
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, &diagnostic).is_err() {
            // miette gives up on a source it cannot read; the finding must still show.
            rendered.clear();
            let _ = writeln!(rendered, "{}: {}", diagnostic.title, finding.message);
        }
        out.push_str(&rendered);
        out.push('\n');
    }
    out.push_str(&summary_line(summary, &theme));
    out.push('\n');
    out
}

/// The closing line: counts by severity, or that nothing was found.
fn summary_line(summary: &Summary, theme: &GraphicalTheme) -> String {
    let styles = &theme.styles;
    let mut parts = Vec::new();
    if summary.errors > 0 {
        let text = plural(summary.errors, "error", "errors");
        parts.push(styles.error.style(text).to_string());
    }
    if summary.warnings > 0 {
        let text = plural(summary.warnings, "warning", "warnings");
        parts.push(styles.warning.style(text).to_string());
    }
    if summary.advice > 0 {
        let text = format!("{} advice", summary.advice);
        parts.push(styles.advice.style(text).to_string());
    }
    let files = plural(summary.files_checked, "file", "files");
    let mut line = if parts.is_empty() {
        format!("no problems found in {files}")
    } else {
        format!("{} in {files}", parts.join(", "))
    };
    if summary.input_errors > 0 {
        let text = plural(summary.input_errors, "input error", "input errors");
        let _ = write!(line, "; {}", styles.error.style(text));
    }
    line
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One finding as a miette diagnostic over the windowed excerpts of its files.
#[derive(Debug)]
struct FindingDiagnostic {
    /// `error[presence-conflict]`: severity in words, so it survives without colour.
    title: String,
    message: String,
    help: Option<String>,
    severity: miette::Severity,
    labels: Vec<LabeledSpan>,
    excerpts: Excerpts,
}

impl FindingDiagnostic {
    fn new(finding: &Finding, files: &[SourceFile<'_>], positions: &Positions<'_, '_>, width: usize) -> Self {
        let groups = group_by_file(resolve_labels(finding, files));
        let (excerpts, placed) = Excerpts::build(files, positions, &groups, width);
        let labels = placed
            .into_iter()
            .map(|p| {
                let text = finding.labels.get(p.index).map(|l| l.message.clone());
                let text = text.filter(|t| !t.is_empty());
                if p.index == 0 {
                    LabeledSpan::new_primary_with_span(text, p.span)
                } else {
                    LabeledSpan::new_with_span(text, p.span)
                }
            })
            .collect();
        FindingDiagnostic {
            title: format!("{}[{}]", finding.severity.as_str(), finding.code),
            message: finding.message.clone(),
            help: finding.help.clone(),
            severity: match finding.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Advice => miette::Severity::Advice,
            },
            labels,
            excerpts,
        }
    }
}

impl Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        Some(Box::new(&self.title))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.excerpts)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;
    use crate::report::fixtures::{self, Case};

    fn human(case: &Case) -> String {
        render(&case.findings, &case.files(), &case.summary(), &HumanOptions::default())
    }

    #[test]
    fn two_file_conflict() {
        insta::assert_snapshot!(human(&fixtures::two_file_conflict()));
    }

    #[test]
    fn single_file() {
        insta::assert_snapshot!(human(&fixtures::single_file()));
    }

    #[test]
    fn multibyte_text_before_the_span() {
        insta::assert_snapshot!(human(&fixtures::multibyte()));
    }

    #[test]
    fn long_line_is_windowed() {
        let out = human(&fixtures::long_line());
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(widest <= 100, "widest line is {widest} chars");
        insta::assert_snapshot!(out);
    }

    #[test]
    fn empty() {
        insta::assert_snapshot!(human(&fixtures::empty()), @"no problems found in 2 files");
    }

    #[test]
    fn all_findings_then_the_summary() {
        let mut case = fixtures::two_file_conflict();
        case.findings
            .extend(fixtures::single_file().findings.into_iter().map(|mut f| {
                f.labels.clear();
                f
            }));
        let out = human(&case);
        assert!(out.ends_with("1 error, 1 warning in 2 files\n"), "{out}");
    }

    #[test]
    fn summary_line_wording() {
        let theme = GraphicalTheme::unicode_nocolor();
        let summary = Summary {
            files_checked: 5,
            input_errors: 1,
            errors: 3,
            warnings: 2,
            advice: 1,
        };
        assert_eq!(
            summary_line(&summary, &theme),
            "3 errors, 2 warnings, 1 advice in 5 files; 1 input error"
        );
        let summary = Summary {
            files_checked: 1,
            ..Summary::default()
        };
        assert_eq!(summary_line(&summary, &theme), "no problems found in 1 file");
    }

    #[test]
    fn color_is_off_unless_asked_for() {
        let case = fixtures::two_file_conflict();
        let plain = human(&case);
        assert!(!plain.contains('\u{1b}'));
        let opts = HumanOptions {
            color: true,
            width: 100,
        };
        let colored = render(&case.findings, &case.files(), &case.summary(), &opts);
        assert!(colored.contains('\u{1b}'));
    }

    /// Spans across lines, at the end of file, longer than the width, far apart, around tabs.
    #[test]
    fn awkward_spans() {
        fn label(doc: usize, span: std::ops::Range<usize>, message: &str) -> Label {
            Label {
                doc,
                span,
                message: message.into(),
            }
        }
        let wrapped =
            "Intro.\nThe president, who had said he would travel to\nIstanbul, did not attend the talks on Thursday.\n";
        let long_label = format!(
            "{}Ukraine's delegation, {}arrived late.{}",
            "Context before the claim. ".repeat(20),
            "which was led by the defence minister and included ".repeat(4),
            " Context after the claim.".repeat(20)
        );
        let far_apart = format!(
            "Zelensky said on Monday{}that he would not go to Istanbul after all.",
            " and then much later".repeat(30)
        );
        let tabs = "\tZelensky\twas in Istanbul\r\n";
        let sources = [
            wrapped.to_string(),
            long_label.clone(),
            far_apart.clone(),
            tabs.to_string(),
        ];
        let names = ["wrapped.md", "long-label.txt", "far-apart.txt", "tabs.txt"];
        let files: Vec<SourceFile<'_>> = names
            .iter()
            .zip(&sources)
            .map(|(name, source)| SourceFile { name, source })
            .collect();
        let at = |doc: usize, needle: &str| sources[doc].find(needle).unwrap();
        let finding = |code: &str, labels| Finding {
            code: code.into(),
            severity: Severity::Error,
            message: format!("{code} renders"),
            help: None,
            labels,
        };
        let findings = vec![
            finding(
                "multi-line",
                vec![label(
                    0,
                    at(0, "who had")..at(0, " on Thursday"),
                    "one claim over two lines",
                )],
            ),
            finding(
                "line-ending-and-eof",
                vec![
                    label(0, 0..7, "includes its newline"),
                    label(0, wrapped.len()..wrapped.len(), "empty span at the end of the file"),
                ],
            ),
            finding(
                "long-label",
                vec![label(1, at(1, "Ukraine's")..at(1, " Context after"), "one long claim")],
            ),
            finding(
                "far-apart",
                vec![
                    label(2, at(2, "Zelensky")..at(2, " on Monday"), "who"),
                    label(2, at(2, "would not go")..at(2, " after all"), "what"),
                ],
            ),
            finding("tabs", vec![label(3, at(3, "was in")..at(3, "\r"), "after a tab")]),
        ];
        let summary = Summary::tally(&findings, files.len(), 0);
        let out = render(&findings, &files, &summary, &HumanOptions::default());
        let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
        assert!(widest <= 100, "widest line is {widest} chars");
        insta::assert_snapshot!(out);
    }

    #[test]
    fn narrow_widths_still_render() {
        let case = fixtures::long_line();
        for width in [0, 1, 10, 40] {
            let opts = HumanOptions { color: false, width };
            let out = render(&case.findings, &case.files(), &case.summary(), &opts);
            assert!(out.contains("27 people"), "width {width}:\n{out}");
        }
    }

    #[test]
    fn labels_pointing_past_the_end_do_not_panic() {
        let mut case = fixtures::single_file();
        let len = case.files[0].1.len();
        case.findings[0].labels[0].span = len - 3..len + 50;
        let out = human(&case);
        assert!(out.contains("warning[stale-title]"), "{out}");
    }
}

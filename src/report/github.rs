//! Renders findings as GitHub Actions workflow commands, which GitHub shows as annotations.
//!
//! A finding becomes one command per file it points into, so every file involved in a
//! conflict is annotated; the primary label's file comes first. Each command points at
//! the first label of its file (the primary label in the primary file) and its message
//! names the other evidence by `file:line:column`.

use std::fmt::Write as _;

use crate::diagnostic::{Finding, Severity};

use super::{FileLabel, Positions, SourceFile, group_by_file, resolve_labels};

/// Renders `findings` as workflow commands, one line each, in the order given.
///
/// The form is `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::MESSAGE`
/// (`warning` or `notice` for warnings and advice). Lines and columns are 1-based,
/// columns count characters, and `endColumn` is the column just after the span. The
/// message is the finding's message, what this file's labels say, where the other
/// evidence is (`(see other.md:18:1)`) and the help on a second line.
pub fn render(findings: &[Finding], files: &[SourceFile<'_>]) -> String {
    let positions = Positions::new(files);
    let mut out = String::new();
    for finding in findings {
        let mut groups = group_by_file(resolve_labels(finding, files));
        // Within the primary file the primary label leads, whatever its offset.
        if let Some((_, first)) = groups.first_mut()
            && let Some(at) = first.iter().position(FileLabel::is_primary)
        {
            first[..=at].rotate_right(1);
        }
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "notice",
        };
        if groups.is_empty() {
            // A finding without a usable location still deserves an annotation.
            let message = message(finding, &[], &[]);
            let _ = writeln!(
                out,
                "::{command} title={}::{}",
                escape_property(&finding.code),
                escape_data(&message)
            );
            continue;
        }
        for (g, (doc, labels)) in groups.iter().enumerate() {
            let (Some(file), Some(first)) = (files.get(*doc), labels.first()) else {
                continue;
            };
            let (line, col) = positions.line_col(*doc, first.span.start);
            let (end_line, end_col) = positions.line_col(*doc, content_end(file.source, first));

            let notes: Vec<String> = labels
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.message.is_empty())
                .map(|(i, l)| {
                    if i == 0 {
                        l.message.to_string()
                    } else {
                        let (line, col) = positions.line_col(*doc, l.span.start);
                        format!("{} ({line}:{col})", l.message)
                    }
                })
                .collect();
            let elsewhere: Vec<String> = groups
                .iter()
                .enumerate()
                .filter(|&(h, _)| h != g)
                .flat_map(|(_, (doc, labels))| labels.iter().map(move |l| (*doc, l)))
                .filter_map(|(doc, l)| {
                    let name = files.get(doc)?.name;
                    let (line, col) = positions.line_col(doc, l.span.start);
                    Some(format!("{name}:{line}:{col}"))
                })
                .collect();

            let _ = writeln!(
                out,
                "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                escape_property(file.name),
                escape_property(&finding.code),
                escape_data(&message(finding, &notes, &elsewhere)),
            );
        }
    }
    out
}

/// The end of a label's span, not counting a line ending it may include.
fn content_end(source: &str, label: &FileLabel<'_>) -> usize {
    let text = source.get(label.span.clone()).unwrap_or("");
    label.span.start + text.trim_end_matches(['\r', '\n']).len()
}

/// `message: notes (see elsewhere)`, then `help: …` on a line of its own.
fn message(finding: &Finding, notes: &[String], elsewhere: &[String]) -> String {
    let mut text = finding.message.clone();
    if !notes.is_empty() {
        let _ = write!(text, ": {}", notes.join("; "));
    }
    if !elsewhere.is_empty() {
        let _ = write!(text, " (see {})", elsewhere.join(", "));
    }
    if let Some(help) = &finding.help {
        let _ = write!(text, "\nhelp: {help}");
    }
    text
}

/// Escapes a command's message: `%`, `\r` and `\n`.
fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value: as a message, plus `:` and `,`, which delimit properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Label;
    use crate::report::fixtures;

    #[test]
    fn escapes_message_data() {
        assert_eq!(escape_data("100% sure\r\nnext: a,b"), "100%25 sure%0D%0Anext: a,b");
    }

    #[test]
    fn escapes_property_values() {
        assert_eq!(
            escape_property("dir,with:odd%name\n.md"),
            "dir%2Cwith%3Aodd%25name%0A.md"
        );
    }

    #[test]
    fn two_file_conflict_annotates_each_file() {
        let case = fixtures::two_file_conflict();
        insta::assert_snapshot!(render(&case.findings, &case.files()), @"
        ::error file=blog/zelensky-was-in-istanbul.md,line=7,col=3,endLine=7,endColumn=27,title=presence-conflict::sources disagree on whether Volodymyr Zelensky attended the Istanbul talks: says he was there (see wire/talks-falter.md:7:112, wire/talks-falter.md:10:1)%0Ahelp: 2 sources say he did not attend, 1 says he did
        ::error file=wire/talks-falter.md,line=7,col=112,endLine=7,endColumn=160,title=presence-conflict::sources disagree on whether Volodymyr Zelensky attended the Istanbul talks: says Umerov led the delegation; says he did not attend (10:1) (see blog/zelensky-was-in-istanbul.md:7:3)%0Ahelp: 2 sources say he did not attend, 1 says he did
        ");
    }

    #[test]
    fn severities_map_to_commands_and_primary_leads() {
        let case = fixtures::multibyte();
        let out = render(&case.findings, &case.files());
        insta::assert_snapshot!(out, @r#"::notice file=world/turkiye-hosts.md,line=2,col=8,endLine=2,endColumn=15,title=spelling-variant::"Erdogan" and "Erdoğan" name the same person: spelled without ğ; spelled with ğ (1:66)%0Ahelp: spell the name one way throughout: Erdoğan"#);
        let case = fixtures::single_file();
        let out = render(&case.findings, &case.files());
        assert!(
            out.starts_with("::warning file=politics/briefing.txt,line=1,col=28,"),
            "{out}"
        );
    }

    #[test]
    fn a_finding_without_labels_still_annotates() {
        let finding = Finding {
            code: "x".into(),
            severity: Severity::Error,
            message: "50% off".into(),
            help: None,
            labels: vec![Label {
                doc: 9,
                span: 0..1,
                message: String::new(),
            }],
        };
        assert_eq!(render(&[finding], &[]), "::error title=x::50%25 off\n");
    }
}

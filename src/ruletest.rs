//! `factlint rules test`: runs the examples inside rule packs.
//!
//! Each example is a small corpus of one or more documents with the findings it
//! must produce. Running it gives one of ast-grep's outcomes per expectation:
//! Validated, Missing (an expected finding was not produced), Noisy (a finding
//! nobody expected) or Wrong (the right check fired but underlined other
//! words). Beside the pass/fail verdict, the full rendered findings of every
//! example are kept in a snapshot file next to the pack that defines it, so a
//! change to a rule shows its effect on every example as a diff in review.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::check::CheckOptions;
use crate::diagnostic::Finding;
use crate::engine::{self, RunOptions};
use crate::pack::{BUILTIN_LAYER, Example, Expectation, LayerSource, Pack};
use crate::report::{self, HumanOptions, SourceFile, Summary};
use crate::source::{self, DateOrigin, LoadOptions, PubDate};

/// The built-in pack's snapshots, compiled in beside its TOML.
const BUILTIN_SNAPSHOTS: &[(&str, &str)] = &[("rules/checks.toml", include_str!("../rules/checks.examples.snap"))];

/// A finding as the test sees it: its code and the words of one label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Underline {
    pub code: String,
    pub doc: String,
    pub text: String,
}

/// What went wrong in one example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// An expected finding was not produced.
    Missing(Expectation),
    /// A finding was produced that no expectation names; `message` is its message.
    Noisy { found: Underline, message: String },
    /// The expected check fired in the document but underlined other words.
    Wrong { expected: Expectation, found: Vec<String> },
    /// A document of the example could not be read.
    Unreadable { doc: String, error: String },
    /// The example's own `pack` does not compile.
    InvalidPack(String),
}

/// The result of running one example.
#[derive(Debug, Clone)]
pub struct ExampleResult {
    pub check: String,
    pub name: String,
    /// `file:line` of the example in its pack.
    pub origin: String,
    pub problems: Vec<Problem>,
    /// The example's findings rendered as `factlint check` prints them, for the snapshot.
    pub rendered: String,
}

impl ExampleResult {
    pub fn validated(&self) -> bool {
        self.problems.is_empty()
    }

    /// "presence-conflict › attended vs skipped"
    pub fn title(&self) -> String {
        format!("{} › {}", self.check, self.name)
    }
}

/// Runs one example against the pack (plus the example's own layer, if it has one),
/// with every check enabled at its severity.
pub fn run_example(pack: &Pack, example: &Example) -> ExampleResult {
    let Some(extra) = &example.pack else {
        return run_with(pack, example);
    };
    let mut layers = pack.sources.clone();
    layers.push(LayerSource {
        name: format!("the pack of example {:?}", example.name),
        files: vec![(format!("{} (example pack)", example.origin), extra.clone())],
        config: false,
    });
    match Pack::from_layers(layers) {
        Ok(layered) => run_with(&layered, example),
        Err(errors) => ExampleResult {
            check: example.check.clone(),
            name: example.name.clone(),
            origin: example.origin.to_string(),
            problems: errors
                .errors
                .iter()
                .map(|e| Problem::InvalidPack(e.to_string()))
                .collect(),
            rendered: String::new(),
        },
    }
}

fn run_with(pack: &Pack, example: &Example) -> ExampleResult {
    let mut problems = Vec::new();
    let mut docs = Vec::new();
    for doc in &example.docs {
        let options = LoadOptions {
            fallback_date: doc.date,
            ..LoadOptions::default()
        };
        match source::load_bytes(Path::new(&doc.name), doc.text.as_bytes(), &options) {
            Ok(mut loaded) => {
                if let Some(date) = doc.date {
                    // The example's `date` wins over a date in its text, as `--date` would not.
                    loaded.meta.date = Some(PubDate {
                        date,
                        origin: DateOrigin::CommandLine,
                        span: None,
                    });
                }
                docs.push(loaded);
            }
            Err(e) => problems.push(Problem::Unreadable {
                doc: doc.name.clone(),
                error: e.to_string(),
            }),
        }
    }
    // A check turned off in some layer is still tested: the example is about its logic.
    let severities = pack.checks.iter().map(|c| (c.code.clone(), Some(c.severity))).collect();
    let options = RunOptions {
        check: CheckOptions {
            severities,
            ..CheckOptions::default()
        },
        ..RunOptions::default()
    };
    let run = engine::run_documents(docs, Vec::new(), pack, &options);
    let relevant = |code: &str| code == example.check || example.expect.iter().any(|e| e.code == code);
    let findings: Vec<&Finding> = run.findings.iter().filter(|f| relevant(&f.code)).collect();
    let underlines = |f: &Finding| -> Vec<Underline> {
        f.labels
            .iter()
            .map(|l| {
                let doc = &run.docs[l.doc];
                Underline {
                    code: f.code.clone(),
                    doc: doc.path.display().to_string(),
                    text: doc.source.get(l.span.clone()).unwrap_or_default().to_string(),
                }
            })
            .collect()
    };
    let matches = |e: &Expectation, u: &Underline| u.code == e.code && u.doc == e.doc && u.text == e.text;

    for expected in &example.expect {
        let satisfied = findings
            .iter()
            .any(|f| underlines(f).iter().any(|u| matches(expected, u)));
        if satisfied {
            continue;
        }
        let found: Vec<String> = findings
            .iter()
            .flat_map(|f| underlines(f))
            .filter(|u| u.code == expected.code && u.doc == expected.doc)
            .map(|u| u.text)
            .collect();
        problems.push(if found.is_empty() {
            Problem::Missing(expected.clone())
        } else {
            Problem::Wrong {
                expected: expected.clone(),
                found,
            }
        });
    }
    for f in &findings {
        let labels = underlines(f);
        let expected = labels.iter().any(|u| example.expect.iter().any(|e| matches(e, u)));
        // A finding already reported as Wrong is not reported again as Noisy.
        let wrong = problems.iter().any(|p| match p {
            Problem::Wrong { expected, .. } => labels.iter().any(|u| u.code == expected.code && u.doc == expected.doc),
            _ => false,
        });
        if !expected
            && !wrong
            && let Some(primary) = labels.into_iter().next()
        {
            problems.push(Problem::Noisy {
                found: primary,
                message: f.message.clone(),
            });
        }
    }

    let names = report::document_names(&run.docs);
    let files = SourceFile::of_documents(&run.docs, &names);
    let shown: Vec<Finding> = findings.into_iter().cloned().collect();
    let summary = Summary::tally(&shown, run.docs.len(), 0);
    let rendered = report::render(
        report::Format::Human,
        &shown,
        &files,
        &summary,
        &HumanOptions {
            color: false,
            width: 100,
        },
    );
    ExampleResult {
        check: example.check.clone(),
        name: example.name.clone(),
        origin: example.origin.to_string(),
        problems,
        rendered,
    }
}

/// The examples to run: those of the layers from `first_layer` on, in pack order.
pub fn examples(pack: &Pack, first_layer: usize) -> Vec<&Example> {
    pack.checks
        .iter()
        .flat_map(|c| &c.examples)
        .filter(|e| e.origin.layer >= first_layer)
        .collect()
}

/// A snapshot file: the rendered findings of every example one pack file defines.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The pack file the examples come from.
    pub pack_file: String,
    /// Where the snapshot lives; `None` for the built-in pack, whose snapshots are compiled in.
    pub path: Option<PathBuf>,
    /// What the snapshot holds now, if it exists.
    pub old: Option<String>,
    /// What it should hold.
    pub new: String,
}

impl Snapshot {
    pub fn changed(&self) -> bool {
        self.old.as_deref() != Some(self.new.as_str())
    }

    /// A unified diff from the stored snapshot to the new one.
    pub fn diff(&self) -> String {
        let old = self.old.as_deref().unwrap_or("");
        let name = self
            .path
            .as_ref()
            .map_or_else(|| format!("{} (built-in)", self.pack_file), |p| p.display().to_string());
        similar::TextDiff::from_lines(old, &self.new)
            .unified_diff()
            .context_radius(3)
            .header(&format!("{name} (stored)"), &format!("{name} (new)"))
            .to_string()
    }
}

/// Where the snapshot of a pack file lives: `checks.toml` → `checks.examples.snap`.
pub fn snapshot_path(pack_file: &Path) -> PathBuf {
    pack_file.with_extension("examples.snap")
}

/// Builds the snapshots of the results, grouped by the pack file of each example.
pub fn snapshots(pack: &Pack, examples: &[&Example], results: &[ExampleResult]) -> Vec<Snapshot> {
    let builtin_layer = pack.layers.iter().position(|l| l == BUILTIN_LAYER);
    let mut grouped: BTreeMap<(usize, String), Vec<&ExampleResult>> = BTreeMap::new();
    for (example, result) in examples.iter().zip(results) {
        grouped
            .entry((example.origin.layer, example.origin.file.to_string()))
            .or_default()
            .push(result);
    }
    let builtin: HashMap<&str, &str> = BUILTIN_SNAPSHOTS.iter().copied().collect();
    grouped
        .into_iter()
        .map(|((layer, file), results)| {
            let new = render_snapshot(&file, &results);
            if Some(layer) == builtin_layer {
                Snapshot {
                    old: builtin.get(file.as_str()).map(|s| s.to_string()),
                    pack_file: file,
                    path: None,
                    new,
                }
            } else {
                let path = snapshot_path(Path::new(&file));
                Snapshot {
                    old: std::fs::read_to_string(&path).ok(),
                    pack_file: file,
                    path: Some(path),
                    new,
                }
            }
        })
        .collect()
}

fn render_snapshot(pack_file: &str, results: &[&ExampleResult]) -> String {
    let file_name = Path::new(pack_file)
        .file_name()
        .map_or_else(|| pack_file.to_string(), |f| f.to_string_lossy().into_owned());
    let mut out = format!(
        "# Findings of the examples in {file_name}, as `factlint check` prints them.\n\
         # Written by `factlint rules test --update`; review changes to it like code.\n"
    );
    for r in results {
        out.push_str(&format!("\n=== {}\n", r.title()));
        out.push_str(r.rendered.trim_end());
        out.push('\n');
    }
    out
}

/// Describes a problem in one line (or a few), for the test report.
pub fn describe(problem: &Problem) -> String {
    match problem {
        Problem::Missing(e) => format!(
            "Missing  {} in {}: expected it to underline {:?}",
            e.code, e.doc, e.text
        ),
        Problem::Noisy { found, message } => format!(
            "Noisy    {} in {} underlines {:?}, which no expectation names\n           ({message})",
            found.code, found.doc, found.text
        ),
        Problem::Wrong { expected, found } => format!(
            "Wrong    {} in {}: expected {:?}, found {}",
            expected.code,
            expected.doc,
            expected.text,
            found.iter().map(|f| format!("{f:?}")).collect::<Vec<_>>().join(", ")
        ),
        Problem::Unreadable { doc, error } => format!("Unreadable  {doc}: {error}"),
        Problem::InvalidPack(error) => format!("Invalid pack  {error}"),
    }
}

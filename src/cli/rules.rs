//! `factlint rules`: list the merged pack, validate packs, and run their examples.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use super::print;
use crate::pack::{EntityKind, Pack, Polarity};
use crate::ruletest::{self, ExampleResult};

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Show the merged pack (layers, checks, entities, triggers, house style) and where each item came from.
    List {
        /// What to list.
        #[arg(value_enum, default_value_t = ListWhat::All)]
        what: ListWhat,
    },
    /// Run the examples in rule packs, and compare their findings with the snapshots beside each pack.
    Test {
        /// Packs whose examples to run, layered on the usual stack; without any, every layer's examples run.
        packs: Vec<PathBuf>,
        /// Rewrite the snapshot files instead of failing when the findings changed.
        #[arg(long)]
        update: bool,
    },
    /// Validate rule packs without running anything.
    Check {
        /// Packs to validate, layered on the usual stack.
        packs: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListWhat {
    All,
    Layers,
    Checks,
    Entities,
    Triggers,
    HouseStyle,
}

impl RulesCommand {
    /// The packs named on this command line, to add as the last layers.
    pub fn packs(&self) -> &[PathBuf] {
        match self {
            RulesCommand::Test { packs, .. } | RulesCommand::Check { packs } => packs,
            RulesCommand::List { .. } => &[],
        }
    }
}

/// Runs a `rules` command on a pack that has loaded; `named` packs were given on the command line.
pub fn run(command: &RulesCommand, pack: &Pack, named: usize) -> ExitCode {
    match command {
        RulesCommand::List { what } => print(&list(pack, *what)),
        RulesCommand::Check { .. } => {
            let examples: usize = pack.checks.iter().map(|c| c.examples.len()).sum();
            print(&format!(
                "ok: {} layer{}, {} checks, {} entities, {} triggers, {} house spellings, {} examples\n",
                pack.layers.len(),
                if pack.layers.len() == 1 { "" } else { "s" },
                pack.checks.len(),
                pack.entities.len(),
                pack.triggers.len(),
                pack.house_style.spellings.len(),
                examples,
            ))
        }
        RulesCommand::Test { update, .. } => {
            // Packs named on the command line are the last layers; only their examples run.
            let first_layer = if named == 0 {
                0
            } else {
                pack.layers.len().saturating_sub(named)
            };
            test(pack, first_layer, *update)
        }
    }
}

fn test(pack: &Pack, first_layer: usize, update: bool) -> ExitCode {
    let examples = ruletest::examples(pack, first_layer);
    let results: Vec<ExampleResult> = examples.iter().map(|e| ruletest::run_example(pack, e)).collect();
    let mut out = format!(
        "running {} example{}\n",
        results.len(),
        if results.len() == 1 { "" } else { "s" }
    );
    for r in &results {
        let verdict = if r.validated() { "ok    " } else { "FAILED" };
        let _ = writeln!(out, "  {verdict}  {}  ({})", r.title(), r.origin);
    }
    let failed: Vec<&ExampleResult> = results.iter().filter(|r| !r.validated()).collect();
    if !failed.is_empty() {
        out.push_str("\nfailures:\n");
        for r in &failed {
            let _ = writeln!(out, "\n{} ({})", r.title(), r.origin);
            for p in &r.problems {
                let _ = writeln!(out, "  {}", ruletest::describe(p));
            }
            let _ = writeln!(out, "  the example's findings:");
            for line in r.rendered.trim_end().lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }

    let mut changed = 0;
    let mut snapshot_errors = Vec::new();
    for snapshot in ruletest::snapshots(pack, &examples, &results) {
        if !snapshot.changed() {
            continue;
        }
        match (&snapshot.path, update) {
            (Some(path), true) => match std::fs::write(path, &snapshot.new) {
                Ok(()) => {
                    let _ = writeln!(out, "\nupdated {}", path.display());
                }
                Err(e) => snapshot_errors.push(format!("cannot write {}: {e}", path.display())),
            },
            (None, true) => snapshot_errors.push(format!(
                "the built-in pack's snapshots are compiled in; update them from the source tree with \
                 `factlint rules test --no-default-pack rules/ --update`, then rebuild ({} changed)",
                snapshot.pack_file
            )),
            (path, false) => {
                changed += 1;
                let what = if snapshot.old.is_none() {
                    "is missing"
                } else {
                    "differs"
                };
                let name = path.as_ref().map_or_else(
                    || format!("{} (built-in)", snapshot.pack_file),
                    |p| p.display().to_string(),
                );
                let _ = writeln!(out, "\nsnapshot {name} {what}:\n{}", snapshot.diff());
            }
        }
    }
    let passed = results.len() - failed.len();
    let verdict = if failed.is_empty() && changed == 0 && snapshot_errors.is_empty() {
        "ok"
    } else {
        "FAILED"
    };
    let _ = writeln!(
        out,
        "\ntest result: {verdict}. {passed} validated, {} failed; {changed} snapshot file{} changed{}",
        failed.len(),
        if changed == 1 { "" } else { "s" },
        if changed > 0 {
            " (review the diff, then run with --update to accept it)"
        } else {
            ""
        }
    );
    let printed = print(&out);
    for e in &snapshot_errors {
        eprintln!("error: {e}");
    }
    if printed != ExitCode::SUCCESS {
        printed
    } else if !snapshot_errors.is_empty() {
        ExitCode::from(2)
    } else if verdict == "ok" {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn list(pack: &Pack, what: ListWhat) -> String {
    let show = |section: ListWhat| what == ListWhat::All || what == section;
    let mut out = String::new();
    if show(ListWhat::Layers) {
        out.push_str("Layers, applied in this order:\n");
        for (i, layer) in pack.layers.iter().enumerate() {
            let ids: Vec<&str> = pack
                .info
                .iter()
                .filter(|p| p.origin.layer == i)
                .map(|p| p.id.as_str())
                .collect();
            let _ = writeln!(out, "  {i}  {layer}  [{}]", ids.join(", "));
        }
        out.push('\n');
    }
    if show(ListWhat::Checks) {
        out.push_str("Checks:\n");
        for c in &pack.checks {
            let severity = if c.enabled { c.severity.as_str() } else { "off" };
            let setting = c.setting.as_ref().map(|s| format!(", set at {s}")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<20} {:<8} {} example{}  defined at {}{setting}",
                c.code,
                severity,
                c.examples.len(),
                if c.examples.len() == 1 { "" } else { "s" },
                c.origin
            );
        }
        out.push('\n');
    }
    if show(ListWhat::Entities) {
        let _ = writeln!(out, "Entities ({}):", pack.entities.len());
        for e in &pack.entities {
            let kind = match e.kind {
                EntityKind::Person => "person",
                EntityKind::Place => "place",
                EntityKind::Org => "org",
                EntityKind::Event => "event",
            };
            let mut facts = vec![e.names.join(" / ")];
            if !e.variants.is_empty() {
                facts.push(format!("variants {}", e.variants.join(" / ")));
            }
            if let Some(w) = e.within {
                facts.push(format!("within {}", pack.entities[w].id));
            }
            for r in &e.roles {
                let of = r.of.map(|o| format!(" of {}", pack.entities[o].id)).unwrap_or_default();
                let from = r.from.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
                let to = r.to.map(|d| d.to_string()).unwrap_or_default();
                facts.push(format!("{}{of} {from}–{to}", r.display));
            }
            let extended: Vec<String> = e.extended_by.iter().map(ToString::to_string).collect();
            let extended = if extended.is_empty() {
                String::new()
            } else {
                format!(", extended at {}", extended.join(", "))
            };
            let _ = writeln!(
                out,
                "  {kind:<6} {:<24} {}  ({}{extended})",
                e.id,
                facts.join("; "),
                e.origin
            );
        }
        out.push('\n');
    }
    if show(ListWhat::Triggers) {
        let _ = writeln!(out, "Triggers ({}):", pack.triggers.len());
        for t in &pack.triggers {
            let polarity = match t.polarity {
                Polarity::Affirmed => "affirm",
                Polarity::Denied => "deny",
            };
            let _ = writeln!(out, "  {:?} {polarity:<6} {}  ({})", t.property, t.pattern, t.origin);
        }
        out.push('\n');
    }
    if show(ListWhat::HouseStyle) {
        let _ = writeln!(out, "House style ({} spellings):", pack.house_style.spellings.len());
        for s in &pack.house_style.spellings {
            let _ = writeln!(out, "  {}, not {}  ({})", s.prefer, s.avoid.join(", "), s.origin);
        }
    }
    out
}

//! The command line: parses arguments, runs the engine, prints, and chooses the exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::engine::{self, RunOptions};
use crate::pack::Pack;
use crate::report::{self, HumanOptions, SourceFile, Summary};

/// A fact-consistency linter for news writing.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare articles about one event and report where they contradict each other.
    Check(CheckArgs),
    /// Print the documentation of a check.
    Explain {
        /// The check's code, e.g. presence-conflict.
        code: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OutputFormat {
    Human,
    Json,
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Advice,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories to check (.md, .markdown, .txt; directories are searched recursively).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Publication date (YYYY-MM-DD) for files whose date cannot be found in the file.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Sources further apart than this many days are not compared for title conflicts.
    #[arg(long, default_value_t = 30)]
    pub same_period_days: i64,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|e| format!("expected a date like 2025-05-15: {e}"))
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let pack = match Pack::builtin() {
        Ok(p) => p,
        Err(e) => {
            eprint!("{}", render_error(&e, false));
            return ExitCode::from(2);
        }
    };
    match cli.command {
        Command::Check(args) => check(&args, &pack),
        Command::Explain { code } => explain(&pack, &code),
    }
}

fn explain(pack: &Pack, code: &str) -> ExitCode {
    match pack.check(code) {
        Some(def) => {
            let text = format!(
                "{code} ({severity})\n\n## What it finds\n{what}\n\n## Why it matters\n{why}\n\n## Example\n{example}",
                code = def.code,
                severity = def.severity.as_str(),
                what = def.what.trim(),
                why = def.why.trim(),
                example = def.example.trim_end(),
            );
            print(&format!("{text}\n"))
        }
        None => {
            let nearest = pack
                .checks
                .iter()
                .max_by(|a, b| strsim::jaro_winkler(&a.code, code).total_cmp(&strsim::jaro_winkler(&b.code, code)));
            let hint = nearest
                .map(|c| format!("; did you mean `{}`?", c.code))
                .unwrap_or_default();
            eprintln!("error: unknown check `{code}`{hint}");
            ExitCode::from(2)
        }
    }
}

fn check(args: &CheckArgs, pack: &Pack) -> ExitCode {
    let mut options = RunOptions::default();
    options.load.fallback_date = args.date;
    options.check.same_period_days = args.same_period_days;
    // The report quotes only the files a finding points into.
    options.cited_texts_only = true;
    let run = engine::run(&args.paths, pack, &options);

    let stderr_color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    for error in &run.load_errors {
        eprint!("{}", render_error(error, stderr_color));
    }
    let names: Vec<String> = run.docs.iter().map(|d| d.path.display().to_string()).collect();
    let files: Vec<SourceFile> = run
        .docs
        .iter()
        .zip(&names)
        .map(|(d, name)| SourceFile {
            name,
            source: &d.source,
        })
        .collect();
    let summary = Summary::tally(&run.findings, run.docs.len(), run.load_errors.len());
    let format = match args.format {
        OutputFormat::Human => report::Format::Human,
        OutputFormat::Json => report::Format::Json,
        OutputFormat::Github => report::Format::Github,
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let human = HumanOptions { color, width: 100 };
    let out = report::render(format, &run.findings, &files, &summary, &human);
    let printed = print(&out);
    if printed != ExitCode::SUCCESS {
        return printed;
    }
    if !run.load_errors.is_empty() {
        return ExitCode::from(2);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Advice => Some(Severity::Advice),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| run.findings.iter().any(|f| f.severity >= t));
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Renders an input or configuration error with miette, pointing into the file where it can.
pub fn render_error(error: &dyn miette::Diagnostic, color: bool) -> String {
    let theme = if color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    if handler.render_report(&mut out, error).is_err() {
        out = format!("error: {error}\n");
    }
    out
}

/// Writes to stdout; a closed pipe (`factlint … | head`) is not an error.
fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            ExitCode::from(2)
        }
    }
}

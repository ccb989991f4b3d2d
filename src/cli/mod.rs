//! The command line: parses arguments, runs the engine, prints, and chooses the exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::diagnostic::Severity;
use crate::engine::{self, RunOptions};
use crate::pack::{Pack, PackOptions};
use crate::report::{self, HumanOptions, SourceFile, Summary};

mod claims;
mod rules;

/// A fact-consistency linter for news writing.
#[derive(Debug, Parser)]
#[command(name = "factlint", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub packs: PackArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Which rule packs to use; the same for every command.
#[derive(Debug, Clone, clap::Args)]
pub struct PackArgs {
    /// A rule pack (a TOML file or a folder of them) applied after the built-in pack and the project's; repeatable.
    #[arg(long = "pack", value_name = "PACK", global = true)]
    pub extra_packs: Vec<PathBuf>,
    /// Do not start from the built-in rule pack.
    #[arg(long, global = true)]
    pub no_default_pack: bool,
    /// The project configuration to use instead of the nearest factlint.toml.
    #[arg(long, value_name = "FILE", global = true, conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any factlint.toml.
    #[arg(long, global = true)]
    pub no_config: bool,
}

impl PackArgs {
    fn options(&self, extra: &[PathBuf]) -> PackOptions {
        PackOptions {
            packs: self.extra_packs.iter().chain(extra).cloned().collect(),
            no_default_pack: self.no_default_pack,
            config: self.config.clone(),
            no_config: self.no_config,
        }
    }
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
    /// Print the claims factlint reads in each text (for rule authors and debugging).
    Claims(claims::ClaimsArgs),
    /// Inspect and test rule packs.
    Rules {
        #[command(subcommand)]
        command: rules::RulesCommand,
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
    /// Claims about an event (a leader, a toll, a date) from texts published further apart
    /// than this many days are taken to be about different occurrences.
    #[arg(long, default_value_t = 7)]
    pub event_window_days: i64,
}

pub(crate) fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|e| format!("expected a date like 2025-05-15: {e}"))
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let extra = match &cli.command {
        Command::Rules { command } => command.packs().to_vec(),
        _ => Vec::new(),
    };
    let options = cli.packs.options(&extra);
    let pack_phase = crate::timing::phase("load rule packs");
    let pack = match load_packs(&options) {
        Ok(pack) => pack,
        Err(code) => return code,
    };
    drop(pack_phase);
    match cli.command {
        Command::Check(args) => check(&args, &pack),
        Command::Explain { code } => explain(&pack, &code),
        Command::Claims(args) => claims::run(&args, &pack),
        Command::Rules { command } => rules::run(&command, &pack, extra.len()),
    }
}

/// Loads the stack of packs, printing every problem in them on failure.
fn load_packs(options: &PackOptions) -> Result<Pack, ExitCode> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    crate::pack::load_stack(options, &cwd)
        .map(|(pack, _)| pack)
        .map_err(|errors| {
            // Each problem in its own box, then a count, as compilers do.
            let color = stderr_color();
            for error in &errors.errors {
                eprintln!("{}", render_error(error, color));
            }
            eprintln!("error: {errors}");
            ExitCode::from(2)
        })
}

pub(crate) fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn explain(pack: &Pack, code: &str) -> ExitCode {
    match pack.check(code) {
        Some(def) => {
            let severity = if def.enabled { def.severity.as_str() } else { "off" };
            let mut text = format!(
                "{code} ({severity})\n\n## What it finds\n{what}\n\n## Why it matters\n{why}\n\n## Example\n{example}\n",
                code = def.code,
                what = def.what.trim(),
                why = def.why.trim(),
                example = def.example.trim_end(),
            );
            if !def.examples.is_empty() {
                text.push_str("\n## Tested examples (factlint rules test)\n");
                for e in &def.examples {
                    let outcome = if e.expect.is_empty() { "stays silent" } else { "fires" };
                    text.push_str(&format!("- {} — {outcome} ({})\n", e.name, e.origin));
                }
            }
            print(&text)
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
    options.check.event_window_days = args.event_window_days;
    // The report quotes only the files a finding points into, and reads no analysis.
    options.cited_texts_only = true;
    options.findings_only = true;
    let run = engine::run(&args.paths, pack, &options);

    let stderr_color = stderr_color();
    for error in &run.load_errors {
        eprint!("{}", render_error(error, stderr_color));
    }
    let names = report::document_names(&run.docs);
    let files = SourceFile::of_documents(&run.docs, &names);
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
    let render_phase = crate::timing::phase("render report");
    let out = report::render(format, &run.findings, &files, &summary, &human);
    let printed = print(&out);
    drop(render_phase);
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
pub(crate) fn print(text: &str) -> ExitCode {
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

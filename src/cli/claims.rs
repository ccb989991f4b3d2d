//! `factlint claims`: what factlint read in each text, for rule authors and for
//! editors asking why a finding did (or did not) appear.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{print, render_error, stderr_color};
use crate::engine::{self, Run, RunOptions};
use crate::extract::dated::When;
use crate::extract::when::DateRange;
use crate::extract::{ClaimValue, Target};
use crate::pack::{Pack, Polarity};
use crate::report::position::LineIndex;

#[derive(Debug, clap::Args)]
pub struct ClaimsArgs {
    /// Files and directories to read.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for files whose date cannot be found in the file.
    #[arg(long, value_parser = super::parse_date)]
    pub date: Option<jiff::civil::Date>,
}

pub fn run(args: &ClaimsArgs, pack: &Pack) -> ExitCode {
    let mut options = RunOptions::default();
    options.load.fallback_date = args.date;
    let run = engine::run(&args.paths, pack, &options);
    for error in &run.load_errors {
        eprint!("{}", render_error(error, stderr_color()));
    }
    let printed = print(&render(&run));
    if printed != ExitCode::SUCCESS || run.load_errors.is_empty() {
        printed
    } else {
        ExitCode::from(2)
    }
}

fn polarity(p: Polarity) -> &'static str {
    match p {
        Polarity::Affirmed => "",
        Polarity::Denied => "not ",
    }
}

/// "on 2025-10-17", "moved from 2025-10-17 to 2025-10-22", "called off".
fn when(w: &When) -> String {
    let range = |r: &Option<DateRange>| match r {
        Some(r) if r.start == r.end => r.start.to_string(),
        Some(r) => format!("{}..{}", r.start, r.end),
        None => "?".to_string(),
    };
    match w {
        When::On(r) => format!("on {}", range(&Some(*r))),
        When::Moved { from, to } => format!("moved from {} to {}", range(from), range(to)),
        When::Cancelled => "called off".to_string(),
    }
}

/// One line per claim: `file:line  kind  who  what  (modality)  "words"`.
pub fn render(run: &Run) -> String {
    let mut out = String::new();
    for (d, (doc, analysis)) in run.docs.iter().zip(&run.analyses).enumerate() {
        let date = doc
            .meta
            .date
            .as_ref()
            .map_or_else(|| "undated".to_string(), |p| p.date.to_string());
        let _ = writeln!(out, "{} ({date})", doc.path.display());
        let lines = LineIndex::new(&doc.source);
        let who = |mention: usize| {
            run.resolution.entities[run.resolution.entity_of(d, mention)]
                .display
                .clone()
        };
        let mut rows: Vec<(usize, String)> = Vec::new();
        for c in &analysis.claims {
            let what = match &c.value {
                ClaimValue::Presence { target, whole_day } => format!(
                    "presence  {}  {}at {}{}{}",
                    who(c.subject),
                    polarity(c.polarity),
                    match target {
                        Target::Place(p) => format!("{p:?}"),
                        Target::Event { place, noun } => format!("{noun} {place:?}"),
                        Target::Unspecified => "the event".to_string(),
                    },
                    c.day.map(|d| format!(" on {}", d.start)).unwrap_or_default(),
                    if *whole_day { " (all day)" } else { "" },
                ),
                ClaimValue::Title => {
                    let t = analysis.title(c).expect("a title claim's subject has a title");
                    format!("title     {}  {:?} {}", who(c.subject), t.qualifier, t.title)
                }
            };
            rows.push((
                c.span.start,
                format!("{what}  ({})  {:?}", c.modality.as_str(), &doc.source[c.span.clone()]),
            ));
        }
        for l in &analysis.leaders {
            let names: Vec<String> = l.leaders.iter().map(|&m| who(m)).collect();
            rows.push((
                l.span.start,
                format!(
                    "leader    {}  {}led {} {}{}  ({})  {:?}",
                    names.join(" + "),
                    polarity(l.polarity),
                    l.group.owner.as_deref().unwrap_or("?"),
                    l.group.noun,
                    if l.co { " (co-led)" } else { "" },
                    l.modality.as_str(),
                    &doc.source[l.span.clone()]
                ),
            ));
        }
        for c in &analysis.counts {
            rows.push((
                c.span.start,
                format!(
                    "count     {} {}{}{}{}  ({})  {:?}",
                    c.interval,
                    c.key(),
                    if c.qualifiers().is_empty() {
                        String::new()
                    } else {
                        format!(" [{}]", c.qualifiers().join(" "))
                    },
                    c.holder().map(|h| format!(" for {h}")).unwrap_or_default(),
                    c.update().map(|u| format!(" (update: {u})")).unwrap_or_default(),
                    c.modality.as_str(),
                    &doc.source[c.span.clone()]
                ),
            ));
        }
        for d in &analysis.dates {
            rows.push((
                d.span.start,
                format!(
                    "date      {}{}  {}  ({})  {:?}",
                    d.event.modifier.as_ref().map(|m| format!("{m} ")).unwrap_or_default(),
                    d.event.noun,
                    when(&d.when),
                    d.modality.as_str(),
                    &doc.source[d.span.clone()]
                ),
            ));
        }
        rows.sort();
        for (start, row) in rows {
            let (line, _) = lines.line_col(&doc.source, start);
            let _ = writeln!(out, "  {line:>4}  {row}");
        }
    }
    out
}

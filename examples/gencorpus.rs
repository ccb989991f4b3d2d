//! Writes a deterministic benchmark corpus with planted conflicts, and checks reports against it.
//!
//! ```sh
//! cargo run --release --example gencorpus -- --docs 10000 --seed 42 --out /tmp/fl-corpus
//! factlint check /tmp/fl-corpus --format json > /tmp/report.json
//! cargo run --release --example gencorpus -- verify /tmp/fl-corpus /tmp/report.json
//! ```
//!
//! The corpus is a folder per event (`e000012-<city>-<event>/03-wire.md`, …) plus
//! `expected.json`: one entry per planted conflict (code, subject, files). `verify`
//! prints how many planted conflicts the report found, which it missed, and any other
//! error or warning it contains, and exits non-zero when one was missed.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corpus::Planted;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = if args.first().map(String::as_str) == Some("verify") {
        verify(&args[1..])
    } else {
        generate(&args)
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("usage: gencorpus --docs N [--seed S] --out DIR\n       gencorpus verify CORPUS_DIR REPORT.json");
            ExitCode::from(2)
        }
    }
}

fn generate(args: &[String]) -> Result<ExitCode, String> {
    let mut docs = 1000usize;
    let mut seed = 42u64;
    let mut out: Option<PathBuf> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--docs" => docs = value()?.parse().map_err(|e| format!("--docs: {e}"))?,
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if out.exists() && std::fs::read_dir(&out).map_err(|e| e.to_string())?.next().is_some() {
        return Err(format!("{} exists and is not empty", out.display()));
    }
    let mut planted: Vec<Planted> = Vec::new();
    let (mut files, mut bytes) = (0usize, 0usize);
    for event in corpus::events(docs, seed) {
        for article in &event.articles {
            let path = out.join(&article.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&path, &article.text).map_err(|e| format!("{}: {e}", path.display()))?;
            files += 1;
            bytes += article.text.len();
        }
        planted.extend(event.planted);
    }
    let expected = serde_json::json!({
        "seed": seed,
        "docs": files,
        "bytes": bytes,
        "conflicts": planted
            .iter()
            .map(|p| serde_json::json!({"code": p.code, "subject": p.subject, "files": p.files}))
            .collect::<Vec<_>>(),
    });
    let text = serde_json::to_string_pretty(&expected).map_err(|e| e.to_string())?;
    std::fs::write(out.join("expected.json"), text + "\n").map_err(|e| e.to_string())?;
    println!(
        "wrote {files} articles ({:.1} MB) and {} planted conflicts to {}",
        bytes as f64 / 1e6,
        planted.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn verify(args: &[String]) -> Result<ExitCode, String> {
    let [dir, report] = args else {
        return Err("verify takes CORPUS_DIR REPORT.json".to_string());
    };
    let read_json = |path: &Path| -> Result<serde_json::Value, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let expected = read_json(&Path::new(dir).join("expected.json"))?;
    let report = read_json(Path::new(report))?;
    let planted: Vec<Planted> = expected["conflicts"]
        .as_array()
        .ok_or("expected.json has no conflicts array")?
        .iter()
        .map(|c| Planted {
            code: match c["code"].as_str() {
                Some("presence-conflict") => "presence-conflict",
                Some("title-conflict") => "title-conflict",
                _ => "spelling-variant",
            },
            subject: c["subject"].as_str().unwrap_or_default().to_string(),
            files: c["files"]
                .as_array()
                .map(|fs| fs.iter().filter_map(|f| f.as_str().map(str::to_string)).collect())
                .unwrap_or_default(),
        })
        .collect();
    let verdict = corpus::verify(&report, &planted, dir);
    println!(
        "planted conflicts found: {}/{}; other errors and warnings: {}",
        verdict.found,
        verdict.planted,
        verdict.extra.len()
    );
    for p in verdict.missed.iter().take(20) {
        println!("missed: {} {} [{}]", p.code, p.subject, p.files.join(", "));
    }
    for e in verdict.extra.iter().take(20) {
        println!("extra: {e}");
    }
    Ok(if verdict.missed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

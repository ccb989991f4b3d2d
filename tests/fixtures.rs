//! Snapshot tests: the human and JSON output of `factlint check` on every fixture corpus.
//!
//! Each folder under `fixtures/` is one event written for the tests; its
//! `gold.toml` says in prose (and as data) what it should and should not emit.
//! The snapshots are reviewed by hand: a change in them is a change in behaviour.

use std::path::Path;

use assert_cmd::Command;

fn corpora() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<String> = std::fs::read_dir(root)
        .expect("fixtures/ exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn run(corpus: &str, format: &str) -> (Option<i32>, String) {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(["check", &format!("fixtures/{corpus}"), "--format", format])
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{corpus}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn every_fixture_corpus_matches_its_snapshots() {
    let corpora = corpora();
    assert!(
        corpora.len() >= 3,
        "expected at least three fixture corpora, found {corpora:?}"
    );
    for corpus in corpora {
        let (code, human) = run(&corpus, "human");
        let (_, json) = run(&corpus, "json");
        assert!(matches!(code, Some(0 | 1)), "{corpus}: exit code {code:?}");
        insta::assert_snapshot!(format!("{corpus}-human"), human);
        insta::assert_snapshot!(format!("{corpus}-json"), json);
    }
}

/// Scores each fixture corpus against its gold file with the shared scorer, when it is available.
#[test]
fn fixture_corpora_meet_their_gold_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/eval/score.py");
    if !scorer.exists() {
        eprintln!("skipping: {} not found", scorer.display());
        return;
    }
    for corpus in corpora() {
        let dir = root.join("fixtures").join(&corpus);
        let gold = dir.join("gold.toml");
        if !gold.exists() {
            continue;
        }
        let (_, json) = run(&corpus, "json");
        let report = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(report.path(), json).unwrap();
        let gold_data: toml::Table =
            toml::from_str(&std::fs::read_to_string(&gold).unwrap()).expect("gold.toml parses");
        let has_conflicts = gold_data.contains_key("conflict");
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(&scorer).arg(&gold).arg(&dir).arg(report.path());
        if has_conflicts {
            cmd.args(["--min-recall", "0.9", "--min-precision", "1.0"]);
        }
        let out = cmd.output().expect("python3 runs");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{corpus} misses its gold:\n{text}");
        assert!(!text.contains("FALSE POSITIVE"), "{corpus}:\n{text}");
        if !has_conflicts {
            assert!(text.contains("diagnostics=0 "), "{corpus} should be silent:\n{text}");
        }
    }
}

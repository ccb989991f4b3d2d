//! Integration tests: the `factlint` binary on small corpora written in the test.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn factlint() -> Command {
    let mut cmd = Command::cargo_bin("factlint").expect("binary builds");
    cmd.env("NO_COLOR", "1");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).expect("write fixture");
}

/// Two wire reports about a harbour ceremony that disagree on whether the mayor came.
fn conflicting_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ntitle: Harbour reopens\ndate: 2024-03-02\n---\n\nMayor Ines Calvo attended the reopening ceremony in Valdora on Saturday. Calvo cut the ribbon.\n",
    );
    write(
        dir.path(),
        "b.txt",
        "Harbour reopens without its mayor\n\nVALDORA, March 2, 2024 — Mayor Ines Calvo did not attend the reopening ceremony, officials confirmed on Monday morning in a statement. Calvo was abroad.\n",
    );
    dir
}

#[test]
fn conflict_exits_1_and_labels_both_files() {
    let dir = conflicting_corpus();
    let out = factlint()
        .arg("check")
        .arg(dir.path())
        .arg("--format")
        .arg("json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["version"], 1);
    let diags = json["diagnostics"].as_array().unwrap();
    let conflict = diags
        .iter()
        .find(|d| d["code"] == "presence-conflict")
        .expect("presence-conflict");
    assert_eq!(conflict["severity"], "error");
    let labels = conflict["labels"].as_array().unwrap();
    let files: Vec<&str> = labels.iter().map(|l| l["file"].as_str().unwrap()).collect();
    assert!(
        files.iter().any(|f| f.ends_with("a.md")) && files.iter().any(|f| f.ends_with("b.txt")),
        "{files:?}"
    );
    for label in labels {
        let file = fs::read(label["file"].as_str().unwrap()).unwrap();
        let (offset, length) = (
            label["offset"].as_u64().unwrap() as usize,
            label["length"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &file[offset..offset + length],
            label["text"].as_str().unwrap().as_bytes()
        );
        assert!(label["line"].as_u64().unwrap() >= 1 && label["column"].as_u64().unwrap() >= 1);
    }
    assert_eq!(json["summary"]["files_checked"], 2);
}

#[test]
fn human_output_shows_the_words_in_each_file() {
    let dir = conflicting_corpus();
    let out = factlint().arg("check").arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[presence-conflict]"), "{text}");
    assert!(text.contains("Ines Calvo attended the reopening ceremony"), "{text}");
    assert!(text.contains("Ines Calvo did not attend"), "{text}");
    assert!(!text.contains('\u{1b}'), "no colour when NO_COLOR is set");
}

#[test]
fn agreeing_sources_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ntitle: Fair opens\ndate: 2024-06-01\n---\n\nMayor Ines Calvo attended the opening of the fair in Valdora.\n",
    );
    write(
        dir.path(),
        "b.md",
        "---\ntitle: Crowds at fair\ndate: 2024-06-01\n---\n\nMayor Ines Calvo was at the opening, and Calvo may return on Sunday.\n",
    );
    let out = factlint().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    assert!(String::from_utf8_lossy(&out.stdout).contains("no problems found"));
}

#[test]
fn hedged_and_quoted_statements_do_not_conflict() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ntitle: Fair\ndate: 2024-06-01\n---\n\nMayor Ines Calvo skipped the fair in Valdora.\n",
    );
    write(
        dir.path(),
        "b.md",
        "---\ntitle: Fair\ndate: 2024-06-01\n---\n\nMayor Ines Calvo may attend the fair. \u{201c}Ines Calvo attended the fair,\u{201d} a rival claimed. Will Calvo attend the fair?\n",
    );
    let out = factlint().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn bad_files_are_reported_and_the_others_still_checked() {
    let dir = conflicting_corpus();
    fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3]).unwrap();
    fs::write(dir.path().join("latin1.md"), b"caf\xe9 au lait\n").unwrap();
    fs::write(dir.path().join("empty.md"), b"").unwrap();
    let out = factlint()
        .arg("check")
        .arg(dir.path())
        .arg("--format")
        .arg("json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary.txt") && stderr.contains("latin1.md") && stderr.contains("empty.md"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["input_errors"], 3);
    assert!(
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "presence-conflict")
    );
}

#[test]
fn missing_path_and_bad_flags_exit_2() {
    factlint().args(["check", "does/not/exist"]).assert().code(2);
    factlint().args(["check", ".", "--date", "15/05/2025"]).assert().code(2);
    factlint().args(["check", ".", "--format", "xml"]).assert().code(2);
}

#[test]
fn inputs_are_never_modified() {
    let dir = conflicting_corpus();
    let before = fs::read(dir.path().join("a.md")).unwrap();
    factlint().arg("check").arg(dir.path()).assert().code(1);
    assert_eq!(fs::read(dir.path().join("a.md")).unwrap(), before);
}

#[test]
fn output_is_identical_with_one_thread_and_many() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let run = |threads: &str| {
        factlint()
            .env("RAYON_NUM_THREADS", threads)
            .arg("check")
            .arg(&corpus)
            .arg("--format")
            .arg("json")
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
    assert_eq!(one, run("1"));
}

#[test]
fn timings_go_to_stderr_and_leave_the_report_alone() {
    let corpus = conflicting_corpus();
    let run = |timings: &str| {
        factlint()
            .env("FACTLINT_TIMINGS", timings)
            .arg("check")
            .arg(corpus.path())
            .arg("--format")
            .arg("json")
            .output()
            .unwrap()
    };
    let (plain, timed) = (run(""), run("1"));
    assert_eq!(plain.stdout, timed.stdout);
    let stderr = String::from_utf8(timed.stderr).unwrap();
    for phase in [
        "load rule packs",
        "discover files",
        "load and analyse",
        "resolve names",
        "checks",
        "render report",
    ] {
        assert!(
            stderr.contains(&format!("factlint timing: {phase}")),
            "{phase} missing from:\n{stderr}"
        );
    }
    assert!(plain.stderr.is_empty());
}

#[test]
fn explain_prints_docs_and_suggests_the_nearest_code() {
    let out = factlint().args(["explain", "stale-title"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## What it finds") && text.contains("## Why it matters") && text.contains("## Example"));
    let out = factlint().args(["explain", "presense-conflict"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("presence-conflict"));
}

#[test]
fn stale_title_needs_a_date() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "Talks resume\n\nThe envoy met former U.S. President Donald Trump and aides.\n",
    );
    factlint().arg("check").arg(dir.path()).assert().code(0);
    factlint()
        .arg("check")
        .arg(dir.path())
        .args(["--date", "2025-05-14"])
        .assert()
        .code(1);
    factlint()
        .arg("check")
        .arg(dir.path())
        .args(["--date", "2022-05-14"])
        .assert()
        .code(0);
}

#[test]
fn claims_lists_what_was_read_with_its_modality() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-04-08\n---\n\nThe Harlan delegation was led by Deputy Foreign Minister Ruth Anders. \
         Foreign Minister Paul Emery may attend the closing session.\n",
    );
    let out = factlint().arg("claims").arg(dir.path()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("(2025-04-08)"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("leader") && l.contains("Ruth Anders") && l.contains("(asserted)")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("presence") && l.contains("Paul Emery") && l.contains("(hedged)")),
        "{text}"
    );
}

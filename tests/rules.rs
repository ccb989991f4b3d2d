//! Rule packs from the outside: errors in a user's TOML, layering through
//! `--pack` and `factlint.toml`, and `factlint rules test|check|list`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

/// The binary, run in `dir` with no colour and no configuration from outside the test.
fn factlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factlint").expect("binary builds");
    cmd.env("NO_COLOR", "1").current_dir(dir);
    cmd
}

fn write(dir: &Path, name: &str, text: &str) {
    if let Some(parent) = dir.join(name).parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(dir.join(name), text).expect("write fixture");
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One pack with five different mistakes, each in its own place.
const FIVE_ERRORS: &str = r#"[pack]
id = "newsroom"

[[entity]]
id = "alma-reyes"
kind = "person"
names = ["Alma Reyes", "Reyes"]
nmes = ["A. Reyes"]

[[entity]]
id = "porto-ledo"
kind = "place"
names = "Porto Ledo"

[[entity]]
id = "ines-calvo"
kind = "person"
names = ["Ines Calvo", "Calvo"]

[[entity.role]]
title = "Mayor"
of = "valdora-city"
from = "2023-02-30"

[[entity]]
id = "ines-calvo"
kind = "person"
names = ["Inés Calvo"]
"#;

#[test]
fn a_pack_with_five_mistakes_reports_all_five() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "newsroom.toml", FIVE_ERRORS);
    let out = factlint(dir.path())
        .args(["rules", "check", "newsroom.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    insta::assert_snapshot!("five-pack-errors", stderr(&out));
}

#[test]
fn the_same_mistakes_stop_check_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "newsroom.toml", FIVE_ERRORS);
    write(dir.path(), "a.md", "Mayor Ines Calvo opened the fair.\n");
    let out = factlint(dir.path())
        .args(["check", "a.md", "--pack", "newsroom.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("invalid rule pack (5 problems)"), "{err}");
    assert!(
        err.contains("newsroom.toml:8:1"),
        "the unknown key's line and column: {err}"
    );
}

/// A governor who left office, and a sighting phrased in a way the built-in pack does not read.
fn governor_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "festival.md",
        "---\ndate: 2025-08-10\n---\n\nGovernor Alma Reyes was spotted at the harvest festival in Porto Ledo on Saturday.\n",
    );
    write(
        dir.path(),
        "brief.txt",
        "August 11, 2025\n\nAlma Reyes did not attend the harvest festival in Porto Ledo, organisers said in a statement on Sunday that listed the guests.\n",
    );
    dir
}

const GOVERNOR_PACK: &str = r#"[pack]
id = "newsroom"

[[entity]]
id = "alma-reyes"
kind = "person"
names = ["Alma Reyes", "Reyes"]

[[entity.role]]
title = "Governor"
from = "2019-01-01"
to = "2025-01-01"

[[trigger]]
property = "presence"
polarity = "affirm"
patterns = ["{who} was|were spotted at|in {target}"]
"#;

fn codes(out: &std::process::Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_user_pack_adds_an_entity_and_a_trigger_without_a_rebuild() {
    let dir = governor_corpus();
    let before = factlint(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(codes(&before), Vec::<String>::new(), "{}", stderr(&before));

    write(dir.path(), "newsroom.toml", GOVERNOR_PACK);
    let after = factlint(dir.path())
        .args(["check", ".", "--format", "json", "--pack", "newsroom.toml"])
        .output()
        .unwrap();
    let found = codes(&after);
    assert!(
        found.contains(&"presence-conflict".to_string()),
        "the new trigger: {found:?}"
    );
    assert!(
        found.contains(&"stale-title".to_string()),
        "the new entity's dated role: {found:?}"
    );
    assert_eq!(after.status.code(), Some(1));
}

#[test]
fn the_project_config_names_packs_and_turns_checks_off() {
    let dir = governor_corpus();
    write(dir.path(), "packs/newsroom.toml", GOVERNOR_PACK);
    write(dir.path(), "factlint.toml", "packs = [\"packs/newsroom.toml\"]\n");
    let out = factlint(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let found = codes(&out);
    assert!(found.contains(&"presence-conflict".to_string()), "{found:?}");

    // A check set to "off" is silenced; one set to "advice" no longer fails the run.
    write(
        dir.path(),
        "factlint.toml",
        "packs = [\"packs/newsroom.toml\"]\n\n[checks]\npresence-conflict = \"off\"\nstale-title = \"advice\"\n",
    );
    let out = factlint(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(codes(&out), vec!["stale-title".to_string()]);
    assert_eq!(out.status.code(), Some(0), "advice does not fail the run");

    // `--no-config` ignores the file.
    let out = factlint(dir.path())
        .args(["check", ".", "--format", "json", "--no-config"])
        .output()
        .unwrap();
    assert!(codes(&out).is_empty());
}

#[test]
fn a_later_pack_can_turn_a_check_off() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        "---\ndate: 2025-06-02\n---\n\nPresident Joe Biden opened the broadband conference.\n",
    );
    let on = factlint(dir.path()).args(["check", "a.md"]).output().unwrap();
    assert_eq!(on.status.code(), Some(1), "{}", stdout(&on));
    write(dir.path(), "quiet.toml", "[checks]\nstale-title = \"off\"\n");
    let off = factlint(dir.path())
        .args(["check", "a.md", "--pack", "quiet.toml"])
        .output()
        .unwrap();
    assert_eq!(off.status.code(), Some(0), "{}", stdout(&off));
    assert!(stdout(&off).contains("no problems found"));
}

#[test]
fn checks_table_errors_suggest_the_nearest_code() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "quiet.toml", "[checks]\nstale-titles = \"of\"\n");
    let out = factlint(dir.path())
        .args(["rules", "check", "quiet.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("no check \"stale-titles\" to configure"), "{err}");
    assert!(err.contains("did you mean `stale-title`?"), "{err}");
}

#[test]
fn the_built_in_examples_pass() {
    let dir = tempfile::tempdir().unwrap();
    let out = factlint(dir.path()).args(["rules", "test"]).output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("test result: ok."), "{text}");
    assert!(!text.contains("FAILED"), "{text}");
}

/// Copies the built-in pack's sources into `dir/rules`.
fn copy_builtin_pack(dir: &Path) {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for entry in fs::read_dir(rules).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        write(dir, &format!("rules/{name}"), &fs::read_to_string(&path).unwrap());
    }
}

#[test]
fn a_changed_expected_span_fails_naming_the_example() {
    let dir = tempfile::tempdir().unwrap();
    copy_builtin_pack(dir.path());
    let ok = factlint(dir.path())
        .args(["rules", "test", "--no-default-pack", "rules"])
        .output()
        .unwrap();
    assert_eq!(ok.status.code(), Some(0), "an unchanged copy passes: {}", stdout(&ok));

    let checks = dir.path().join("rules/checks.toml");
    let text = fs::read_to_string(&checks).unwrap();
    let changed = text.replacen(
        "{ doc = \"b.md\", text = \"Finance Minister Lena Vos\" }",
        "{ doc = \"b.md\", text = \"Finance Minister\" }",
        1,
    );
    assert_ne!(text, changed, "the example to change exists");
    fs::write(&checks, changed).unwrap();
    let out = factlint(dir.path())
        .args(["rules", "test", "--no-default-pack", "rules"])
        .output()
        .unwrap();
    let report = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        report.contains("FAILED  title-conflict › former in one text, in office in another"),
        "{report}"
    );
    assert!(
        report.contains(
            "Wrong    title-conflict in b.md: expected \"Finance Minister\", found \"Finance Minister Lena Vos\""
        ),
        "{report}"
    );
    assert!(
        report.contains("test result: FAILED.") && report.contains(" validated, 1 failed;"),
        "{report}"
    );
}

const EXAMPLE_PACK: &str = r#"[pack]
id = "newsroom"

[house-style]
spelling = [{ prefer = "Kyiv", avoid = ["Kiev"] }]

[[check]]
code = "house-spelling"

[[check.example]]
name = "the old transliteration"
expect = [{ doc = "draft.md", text = "Kiev" }]
[[check.example.doc]]
name = "draft.md"
text = "Trains from Kiev ran late on Monday."

[[check.example]]
name = "the house spelling"
[[check.example.doc]]
name = "draft.md"
text = "Trains from Kyiv ran late on Monday."
"#;

#[test]
fn snapshots_are_written_with_update_and_compared_after() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "newsroom.toml", EXAMPLE_PACK);
    let first = factlint(dir.path())
        .args(["rules", "test", "newsroom.toml"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(1), "a missing snapshot fails");
    assert!(
        stdout(&first).contains("snapshot newsroom.examples.snap is missing"),
        "{}",
        stdout(&first)
    );
    assert!(
        stdout(&first).contains("running 2 examples"),
        "only the named pack's examples run"
    );

    let update = factlint(dir.path())
        .args(["rules", "test", "newsroom.toml", "--update"])
        .output()
        .unwrap();
    assert_eq!(update.status.code(), Some(0), "{}", stdout(&update));
    let snapshot = fs::read_to_string(dir.path().join("newsroom.examples.snap")).unwrap();
    assert!(
        snapshot.contains("=== house-spelling › the old transliteration"),
        "{snapshot}"
    );
    assert!(snapshot.contains("house style is \"Kyiv\", not \"Kiev\""), "{snapshot}");
    assert!(
        snapshot.contains("=== house-spelling › the house spelling\nno problems found in 1 file"),
        "{snapshot}"
    );

    let again = factlint(dir.path())
        .args(["rules", "test", "newsroom.toml"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));

    // A change in what a check prints shows as a diff of the snapshot.
    let reworded = EXAMPLE_PACK.replace(
        "code = \"house-spelling\"\n",
        "code = \"house-spelling\"\nmessage = \"write \\\"{prefer}\\\" instead of \\\"{found}\\\"\"\n",
    );
    write(dir.path(), "newsroom.toml", &reworded);
    let diff = factlint(dir.path())
        .args(["rules", "test", "newsroom.toml"])
        .output()
        .unwrap();
    let report = stdout(&diff);
    assert_eq!(diff.status.code(), Some(1), "{report}");
    assert!(report.contains("snapshot newsroom.examples.snap differs"), "{report}");
    assert!(report.contains("+  ⚠ write \"Kyiv\" instead of \"Kiev\""), "{report}");
    assert!(
        report.contains("-  ⚠ house style is \"Kyiv\", not \"Kiev\""),
        "{report}"
    );
}

#[test]
fn rules_list_shows_where_each_item_came_from() {
    let dir = governor_corpus();
    write(dir.path(), "newsroom.toml", GOVERNOR_PACK);
    write(dir.path(), "factlint.toml", "[checks]\ntitle-conflict = \"off\"\n");
    let out = factlint(dir.path())
        .args(["rules", "list", "--pack", "newsroom.toml"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(text.contains("0  built-in"), "{text}");
    assert!(text.contains("1  ") && text.contains("factlint.toml"), "{text}");
    assert!(text.contains("2  newsroom.toml  [newsroom]"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("title-conflict") && l.contains("off") && l.contains("set at")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("alma-reyes") && l.contains("Governor") && l.contains("(newsroom.toml:")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("spotted") && l.contains("(newsroom.toml:")),
        "{text}"
    );
}

#[test]
fn a_later_layer_extends_a_built_in_entity() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "extra.toml",
        "[[entity]]\nid = \"donald-trump\"\nvariants = [\"Donald John Trump\"]\n",
    );
    let out = factlint(dir.path())
        .args(["rules", "list", "entities", "--pack", "extra.toml"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line = text.lines().find(|l| l.contains("donald-trump")).unwrap();
    assert!(line.contains("variants Donald John Trump"), "{line}");
    assert!(line.contains("extended at extra.toml:2"), "{line}");
}

/// Drift test: the built-in pack and the checks factlint implements stay in step,
/// every check is documented and has examples both ways, and every example passes.
#[test]
fn built_in_checks_are_documented_exampled_and_passing() {
    use factlint::pack::Pack;
    use factlint::ruletest;

    let pack = Pack::builtin().expect("the built-in pack compiles");
    let mut codes: Vec<&str> = pack.checks.iter().map(|c| c.code.as_str()).collect();
    let mut implemented = factlint::check::CODES.to_vec();
    codes.sort_unstable();
    implemented.sort_unstable();
    assert_eq!(
        codes, implemented,
        "every implemented check is defined in rules/checks.toml, and only those"
    );
    codes.dedup();
    assert_eq!(codes.len(), pack.checks.len(), "check codes are unique");

    for check in &pack.checks {
        let code = &check.code;
        let kebab = code
            .split('-')
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase()));
        assert!(kebab, "{code} is kebab-case");
        for (heading, text) in [
            ("what it finds", &check.what),
            ("why it matters", &check.why),
            ("example", &check.example),
        ] {
            assert!(!text.trim().is_empty(), "{code} has docs under {heading:?}");
        }
        assert!(
            !check.message.trim().is_empty() && !check.help.trim().is_empty(),
            "{code} has a message and help"
        );
        assert!(
            check.examples.iter().any(|e| e.expect.iter().any(|x| x.code == *code)),
            "{code} has an example that fires"
        );
        assert!(
            check.examples.iter().any(|e| e.expect.is_empty()),
            "{code} has an example that must stay silent"
        );
    }

    let examples = ruletest::examples(&pack, 0);
    let results: Vec<_> = examples.iter().map(|e| ruletest::run_example(&pack, e)).collect();
    for r in &results {
        let problems: Vec<String> = r.problems.iter().map(ruletest::describe).collect();
        assert!(
            r.validated(),
            "{} ({}):\n{}\n{}",
            r.title(),
            r.origin,
            problems.join("\n"),
            r.rendered
        );
    }
    for snapshot in ruletest::snapshots(&pack, &examples, &results) {
        assert!(
            !snapshot.changed(),
            "the built-in snapshot of {} is out of date; run `cargo run -- rules test --no-default-pack rules/ --update`:\n{}",
            snapshot.pack_file,
            snapshot.diff()
        );
    }
}

#[test]
fn house_style_from_a_pack_is_checked_in_every_text() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "style.toml",
        "[[house-style.spelling]]\nprefer = \"Kyiv\"\navoid = [\"Kiev\"]\n",
    );
    write(
        dir.path(),
        "draft.md",
        "Trains from Kiev ran late. Kiev's mayor apologised. Kievan art survived.\n",
    );
    write(dir.path(), "other.md", "Trains from Kyiv ran late.\n");
    let out = factlint(dir.path())
        .args(["check", ".", "--format", "json", "--pack", "style.toml"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let diags = json["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["code"], "house-spelling");
    let texts: Vec<&str> = diags[0]["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Kiev", "Kiev"], "whole words only, both places in one finding");
    assert_eq!(out.status.code(), Some(0), "a warning does not fail the run");
}

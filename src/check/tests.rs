//! Check tests: small in-memory corpora about invented events, each asserting what fires and what stays silent.

use std::path::Path;

use crate::diagnostic::Finding;
use crate::engine::{RunOptions, run_documents};
use crate::pack::Pack;
use crate::source::{LoadOptions, load_bytes};

/// Runs the checks over `(name, date, body)` documents and returns the findings.
fn findings(docs: &[(&str, &str, &str)]) -> Vec<Finding> {
    let pack = Pack::builtin().expect("built-in pack");
    let docs = docs
        .iter()
        .map(|(name, date, body)| {
            let text = format!("---\ntitle: Report\ndate: {date}\n---\n\n{body}\n");
            load_bytes(Path::new(name), text.as_bytes(), &LoadOptions::default()).expect("loads")
        })
        .collect();
    run_documents(docs, Vec::new(), &pack, &RunOptions::default()).findings
}

fn codes(found: &[Finding]) -> Vec<&str> {
    found.iter().map(|f| f.code.as_str()).collect()
}

#[test]
fn presence_conflict_across_sources_labels_both() {
    let found = findings(&[
        (
            "a.md",
            "2024-09-10",
            "Governor Ruth Adeyemi attended the flood summit in Lagos on Monday.",
        ),
        (
            "b.md",
            "2024-09-10",
            "Governor Ruth Adeyemi skipped the flood summit, aides confirmed later in the day to us. Adeyemi was in Abuja.",
        ),
    ]);
    assert_eq!(codes(&found), ["presence-conflict"], "{found:#?}");
    let docs: Vec<usize> = found[0].labels.iter().map(|l| l.doc).collect();
    assert_eq!(docs, [0, 1]);
}

#[test]
fn hedged_planned_and_question_claims_never_conflict() {
    let found = findings(&[
        ("a.md", "2024-09-10", "Governor Ruth Adeyemi skipped the flood summit."),
        (
            "b.md",
            "2024-09-10",
            "Governor Ruth Adeyemi may attend the flood summit. Adeyemi plans to attend the flood summit.",
        ),
        (
            "c.md",
            "2024-09-10",
            "Will Governor Ruth Adeyemi attend the flood summit?",
        ),
    ]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn country_presence_does_not_contradict_skipping_a_city_event() {
    // In Nigeria but not at the Lagos summit is consistent; in Lagos but not in Nigeria is not.
    let found = findings(&[
        (
            "a.md",
            "2024-09-10",
            "Emmanuel Macron travelled to Switzerland on Monday.",
        ),
        (
            "b.md",
            "2024-09-10",
            "Emmanuel Macron did not attend the summit in Geneva.",
        ),
    ]);
    assert!(found.is_empty(), "{found:#?}");
    let found = findings(&[
        ("a.md", "2024-09-10", "Emmanuel Macron was in Geneva on Monday."),
        (
            "b.md",
            "2024-09-10",
            "Emmanuel Macron was not in Switzerland on Monday.",
        ),
    ]);
    assert_eq!(codes(&found), ["presence-conflict"]);
}

#[test]
fn stale_title_uses_the_publication_date() {
    let body = "The plan was praised by former President Joe Biden.";
    assert!(
        findings(&[("a.md", "2025-06-01", body)]).is_empty(),
        "Biden left office on 2025-01-20"
    );
    assert_eq!(codes(&findings(&[("a.md", "2023-06-01", body)])), ["stale-title"]);
    let bare = "The plan was praised by President Joe Biden.";
    assert_eq!(codes(&findings(&[("a.md", "2025-06-01", bare)])), ["stale-title"]);
    assert!(findings(&[("a.md", "2023-06-01", bare)]).is_empty());
    // A year in the sentence places a bare title in its time.
    assert!(findings(&[("a.md", "2025-06-01", "In 2022, President Joe Biden signed the act.")]).is_empty());
    assert!(findings(&[("a.md", "2025-06-01", "The act was signed by then-President Joe Biden.")]).is_empty());
}

#[test]
fn title_conflict_between_sources_of_one_week() {
    let a = ("a.md", "2024-03-01", "Former Finance Minister Lena Vos spoke first.");
    let b = ("b.md", "2024-03-03", "Finance Minister Lena Vos spoke first.");
    assert_eq!(codes(&findings(&[a, b])), ["title-conflict"]);
    // A year apart, both can be true.
    let later = ("b.md", "2025-03-03", "Finance Minister Lena Vos spoke first.");
    assert!(findings(&[a, later]).is_empty());
    // Quoted titles are the speaker's words.
    let quoted = (
        "b.md",
        "2024-03-03",
        "\u{201c}Finance Minister Lena Vos spoke first,\u{201d} an aide said.",
    );
    assert!(findings(&[a, quoted]).is_empty());
}

#[test]
fn spelling_variants_inside_one_text_and_across_texts() {
    let found = findings(&[(
        "a.md",
        "2024-03-01",
        "Mayor Jiří Dvořák opened the bridge. Dvorak thanked the crews.",
    )]);
    assert_eq!(codes(&found), ["spelling-variant"]);
    // Diacritics dropped by another outlet are accepted across sources.
    let found = findings(&[
        ("a.md", "2024-03-01", "Mayor Jiří Dvořák opened the bridge."),
        ("b.md", "2024-03-01", "Mayor Jiri Dvorak opened the bridge."),
    ]);
    assert!(found.is_empty(), "{found:#?}");
    // Pack-accepted transliterations are fine across sources, not within one.
    let found = findings(&[
        ("a.md", "2024-03-01", "Volodymyr Zelensky spoke."),
        ("b.md", "2024-03-01", "Volodymyr Zelenskyy spoke."),
    ]);
    assert!(found.is_empty(), "{found:#?}");
    let found = findings(&[("a.md", "2024-03-01", "Volodymyr Zelensky spoke. Zelenskyy left.")]);
    assert_eq!(codes(&found), ["spelling-variant"]);
}

#[test]
fn similar_names_of_different_people_are_not_variants() {
    let found = findings(&[(
        "a.md",
        "2024-03-01",
        "Foreign Minister Annika Ekelund signed. Opposition leader Tomas Eklund stayed away. Ekelund smiled.",
    )]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn former_after_current_is_a_change_of_office_not_a_conflict() {
    // Prime minister on 6 October, "former" after the new cabinet took over on 22 October.
    let found = findings(&[
        (
            "early.md",
            "2025-10-06",
            "Prime Minister Dorota Keller conceded defeat.",
        ),
        (
            "late.md",
            "2025-10-24",
            "Former Prime Minister Dorota Keller handed over the keys.",
        ),
    ]);
    assert!(codes(&found).is_empty(), "{found:#?}");
    // The other way round, within the period, is a conflict.
    let found = findings(&[
        (
            "early.md",
            "2025-10-06",
            "Former Prime Minister Dorota Keller conceded defeat.",
        ),
        (
            "late.md",
            "2025-10-08",
            "Prime Minister Dorota Keller handed over the keys.",
        ),
    ]);
    assert_eq!(codes(&found), ["title-conflict"], "{found:#?}");
}

#[test]
fn leader_conflict_needs_one_group_one_event_and_one_leader_each() {
    let found = findings(&[
        (
            "wire.md",
            "2025-04-08",
            "The Harlan delegation was led by Deputy Foreign Minister Ruth Anders, who arrived on Monday.",
        ),
        (
            "blog.md",
            "2025-04-09",
            "Foreign Minister Paul Emery, who led Harlan's delegation, spoke for an hour.",
        ),
    ]);
    assert_eq!(codes(&found), ["leader-conflict"], "{found:#?}");
    assert_eq!(found[0].message, "sources disagree on who led the Harlan delegation");

    // Co-leaders, another round, another country's team, a deputy's working group: silent.
    let found = findings(&[
        (
            "wire.md",
            "2025-04-08",
            "The Harlan delegation was co-led by Foreign Minister Paul Emery and Trade Minister Ruth Anders. \
             The Brisk delegation was led by Mayor Tomas Ibarra. Emery's deputy, Lena Holt, heads the technical team.",
        ),
        (
            "later.md",
            "2025-04-10",
            "Lena Holt led the Harlan delegation in the second round. Paul Emery led the Harlan delegation in the first round.",
        ),
        (
            "month.md",
            "2025-05-20",
            "Ruth Anders led the Harlan delegation at the follow-up meeting.",
        ),
    ]);
    assert!(codes(&found).is_empty(), "{found:#?}");
}

#[test]
fn a_share_of_a_total_against_a_count() {
    let found = findings(&[
        (
            "column.md",
            "2025-09-09",
            "Fewer than half of the 18,400 registered runners reached the finish.",
        ),
        ("wire.md", "2025-09-08", "In the end, 13,207 runners finished."),
    ]);
    assert_eq!(codes(&found), ["count-conflict"], "{found:#?}");
}

#[test]
fn count_conflicts_only_for_disjoint_figures_of_one_thing_at_one_moment() {
    let fire = |a: &str, b: &str| findings(&[("a.md", "2025-09-15", a), ("b.md", "2025-09-15", b)]);
    assert_eq!(
        codes(&fire("The blast killed 41 people.", "57 people died in the blast.")),
        ["count-conflict"]
    );
    // Compatible ranges and approximations.
    assert!(fire("The blast killed 246 people.", "More than 200 people died.").is_empty());
    assert!(fire("The blast killed 246 people.", "Nearly 250 people died.").is_empty());
    assert!(fire("About 40 people were injured.", "38 people were injured.").is_empty());
    // Updates, hedges, parts against totals, different scopes.
    assert!(fire("The blast killed 41 people.", "The toll rose to 57.").is_empty());
    assert!(
        fire(
            "The blast killed 41 people.",
            "The toll could be as many as 90 people dead."
        )
        .is_empty()
    );
    assert!(
        fire(
            "The ferry carried 230 passengers and 12 crew.",
            "242 people were on board."
        )
        .is_empty()
    );
    assert!(fire("The blast killed 41 people.", "57 people were injured.").is_empty());
    assert!(fire("12 civilians were killed.", "30 soldiers were killed.").is_empty());
    // A toll from another day is a revision, not a contradiction.
    let found = findings(&[
        ("a.md", "2025-09-14", "The blast killed 19 people."),
        ("b.md", "2025-09-16", "57 people died in the blast."),
    ]);
    assert!(found.is_empty(), "{found:#?}");
    // Another year's event.
    assert!(fire("The blast killed 41 people.", "The 2009 blast killed 212 people.").is_empty());
}

#[test]
fn two_named_speakers_disagreeing_is_advice() {
    let found = findings(&[(
        "a.md",
        "2025-09-16",
        "Admiral Teodor Brask said 29 people were still missing. Governor Mirela Osk said 70 people were missing.",
    )]);
    assert_eq!(codes(&found), ["conflicting-reports"], "{found:#?}");
    assert_eq!(found[0].severity, crate::diagnostic::Severity::Advice);
}

#[test]
fn seats_belong_to_their_holder() {
    let found = findings(&[
        (
            "a.md",
            "2025-10-18",
            "Civic Renewal won 68 seats. Green Valleys won 22 seats.",
        ),
        (
            "b.md",
            "2025-10-20",
            "Civic Renewal, which won 71 of the 180 seats, took 11 ministries.",
        ),
    ]);
    assert_eq!(codes(&found), ["count-conflict"], "{found:#?}");
    assert_eq!(
        found[0].message,
        "sources disagree on the number of seats for Civic Renewal"
    );
}

#[test]
fn date_conflicts_resolve_weekdays_against_each_texts_date() {
    // Saturday 18 October: "on Friday" is 17 October. Wednesday 22 October: "on Wednesday" is that day.
    let found = findings(&[
        ("blog.md", "2025-10-18", "The new cabinet was sworn in on Friday."),
        ("wire.md", "2025-10-22", "The new cabinet was sworn in on Wednesday."),
    ]);
    assert_eq!(codes(&found), ["date-conflict"], "{found:#?}");
    // The same day, written two ways, agrees; a plan is no report.
    let found = findings(&[
        ("blog.md", "2025-10-18", "The new cabinet was sworn in on Friday."),
        ("wire.md", "2025-10-20", "The cabinet was sworn in on October 17."),
        (
            "preview.md",
            "2025-10-14",
            "The cabinet is expected to be sworn in on Thursday.",
        ),
    ]);
    assert!(found.is_empty(), "{found:#?}");
    // One day apart is a warning.
    let found = findings(&[
        ("a.md", "2025-10-18", "The summit opened on Friday."),
        ("b.md", "2025-10-18", "The summit opened on Thursday."),
    ]);
    assert_eq!(codes(&found), ["date-conflict"], "{found:#?}");
    assert_eq!(found[0].severity, crate::diagnostic::Severity::Warning);
}

#[test]
fn place_conflict_needs_a_whole_day_and_two_separate_cities() {
    let found = findings(&[
        (
            "a.md",
            "2025-11-12",
            "Foreign Minister Paul Emery was in Marlow for the talks on Tuesday. Marlow, the country's main port, was busy.",
        ),
        (
            "b.md",
            "2025-11-13",
            "Foreign Minister Paul Emery spent Tuesday in the capital, Harlan.",
        ),
    ]);
    assert_eq!(codes(&found), ["place-conflict"], "{found:#?}");
    // Two sightings on one day leave room for travel; a country contains its city.
    let found = findings(&[
        (
            "a.md",
            "2025-11-12",
            "Foreign Minister Paul Emery was in Marlow on Tuesday. Marlow, the country's main port, was busy.",
        ),
        (
            "b.md",
            "2025-11-13",
            "Foreign Minister Paul Emery flew to the capital, Harlan, on Tuesday.",
        ),
    ]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn headlines_and_loose_quantifiers_are_read_generously() {
    // "Quake kills 9" in a headline is at least nine; the body says so.
    let found = findings(&[
        (
            "a.md",
            "2025-03-04",
            "# Quake kills 9 in the north\n\nAt least nine people were killed.",
        ),
        ("b.md", "2025-03-04", "The quake killed at least 14 people."),
    ]);
    assert!(found.is_empty(), "{found:#?}");
    // "Dozens" against "more than 200" is loose talk; against "more than 400" it is not.
    let pair = |other: &str| {
        findings(&[
            ("a.md", "2025-03-04", "Dozens of people were injured."),
            ("b.md", "2025-03-04", other),
        ])
    };
    assert!(pair("More than 200 people were injured.").is_empty());
    assert_eq!(codes(&pair("More than 400 people were injured.")), ["count-conflict"]);
}

#[test]
fn tolls_of_two_different_stories_are_not_compared() {
    // A repository holding two disasters of the same day.
    let found = findings(&[
        (
            "quake.md",
            "2025-03-04",
            "The earthquake near Korval in northern Vessia killed 14 people, Interior Minister Dalia Renn said. \
             Rescuers from Brannock and Selvik searched the rubble.",
        ),
        (
            "flood.md",
            "2025-03-04",
            "Floods along the Amber River in southern Tallia killed 31 people, Governor Piet Roos said. \
             Villages near Ostmark and Dunvale were cut off.",
        ),
    ]);
    assert!(found.is_empty(), "{found:#?}");
}

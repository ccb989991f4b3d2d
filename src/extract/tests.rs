//! Extractor tests on sentences written for them, about many kinds of events.

use std::path::Path;

use super::*;
use crate::pack::Pack;
use crate::source::{LoadOptions, load_bytes};

fn analyse(body: &str) -> (Document, Analysis) {
    let pack = Pack::builtin().expect("built-in pack");
    let text = format!("---\ntitle: Test article\ndate: 2025-05-15\n---\n\n{body}\n");
    let doc = load_bytes(Path::new("t.md"), text.as_bytes(), &LoadOptions::default()).expect("loads");
    let analysis = analyze_alone(&pack, &doc);
    (doc, analysis)
}

/// Presence claims as (subject surface, polarity, modality) triples.
fn presence(body: &str) -> Vec<(String, Polarity, &'static str)> {
    let (doc, a) = analyse(body);
    a.claims
        .iter()
        .filter(|c| matches!(c.value, ClaimValue::Presence { .. }))
        .map(|c| {
            (
                doc.text[a.mentions[c.subject].span.clone()].to_string(),
                c.polarity,
                c.modality.as_str(),
            )
        })
        .collect()
}

fn one(body: &str) -> (String, Polarity, &'static str) {
    let claims = presence(body);
    assert_eq!(claims.len(), 1, "{body:?} gave {claims:?}");
    claims.into_iter().next().unwrap()
}

use Polarity::{Affirmed, Denied};

#[test]
fn affirmed_presence() {
    assert_eq!(
        one("Governor Lena Okafor attended the flood summit in Lagos."),
        ("Lena Okafor".into(), Affirmed, "asserted")
    );
    assert_eq!(
        one("Emmanuel Macron arrived in Geneva on Monday."),
        ("Emmanuel Macron".into(), Affirmed, "asserted")
    );
    assert_eq!(
        one("Keir Starmer was in Paris for the ceremony."),
        ("Keir Starmer".into(), Affirmed, "asserted")
    );
}

#[test]
fn denied_presence() {
    assert_eq!(
        one("Olaf Scholz did not attend the summit."),
        ("Olaf Scholz".into(), Denied, "asserted")
    );
    assert_eq!(
        one("Giorgia Meloni skipped the talks."),
        ("Giorgia Meloni".into(), Denied, "asserted")
    );
    assert_eq!(
        one("Narendra Modi, in turn, decided not to attend."),
        ("Narendra Modi".into(), Denied, "asserted")
    );
    assert_eq!(
        one("Xi Jinping stayed away from the forum."),
        ("Xi Jinping".into(), Denied, "asserted")
    );
    assert_eq!(
        one("The absence of Benjamin Netanyahu was noted."),
        ("Benjamin Netanyahu".into(), Denied, "asserted")
    );
    assert_eq!(
        one("Macron's decision to skip the summit surprised many."),
        ("Macron".into(), Denied, "asserted")
    );
    assert_eq!(
        one("Mark Rutte fails to attend the ceremony."),
        ("Mark Rutte".into(), Denied, "asserted")
    );
    assert_eq!(
        one("Friedrich Merz was not in Brussels."),
        ("Friedrich Merz".into(), Denied, "asserted")
    );
}

#[test]
fn relative_clause_between_subject_and_verb() {
    assert_eq!(
        one("Keir Starmer, who had hinted at possibly joining the talks, also stayed away."),
        ("Keir Starmer".into(), Denied, "asserted")
    );
}

#[test]
fn coordinated_subjects() {
    let claims = presence("Macron, Merz, and Meloni skipped the summit.");
    let names: Vec<&str> = claims.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(names, ["Macron", "Merz", "Meloni"]);
    assert!(claims.iter().all(|c| c.1 == Denied && c.2 == "asserted"));
    let claims = presence("The absence of both Scholz and Sunak from the summit was noted.");
    assert_eq!(claims.len(), 2, "{claims:?}");
}

#[test]
fn a_comma_alone_does_not_coordinate() {
    // "After meeting Erdoğan, Macron skipped…": only Macron skipped.
    let claims = presence("After meeting Erdoğan, Macron skipped the dinner summit.");
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0].0, "Macron");
}

#[test]
fn modality_of_presence() {
    assert_eq!(one("Keir Starmer may travel to Geneva.").2, "hedged");
    assert_eq!(one("Keir Starmer will attend the summit.").2, "planned");
    assert_eq!(one("Keir Starmer plans to travel to Geneva.").2, "planned");
    assert_eq!(one("Keir Starmer is expected to attend the summit.").2, "planned");
    assert_eq!(one("Keir Starmer would attend the summit.").2, "hypothetical");
    assert_eq!(one("Will Keir Starmer attend the summit?").2, "question");
    assert_eq!(
        one("Officials said that Keir Starmer attended the summit.").2,
        "reported"
    );
    assert_eq!(one("Keir Starmer attended the summit, officials said.").2, "reported");
    assert_eq!(one("Reportedly, Keir Starmer attended the summit.").2, "hedged");
    assert_eq!(one("After the vote, Keir Starmer attended the summit.").2, "asserted");
}

#[test]
fn quoted_promises_are_reported_speech() {
    let (_, a) = analyse("\u{201c}Keir Starmer will be in Geneva on Thursday,\u{201d} his spokesman said.");
    let claim = a
        .claims
        .iter()
        .find(|c| matches!(c.value, ClaimValue::Presence { .. }))
        .expect("a claim");
    assert_eq!(claim.modality.as_str(), "reported");
}

#[test]
fn may_the_month_is_not_a_modal() {
    assert_eq!(one("In May Keir Starmer attended the summit.").2, "asserted");
}

#[test]
fn indefinite_events_are_some_other_event() {
    assert!(presence("Keir Starmer skipped a meeting with donors.").is_empty());
}

#[test]
fn titles_are_split_from_names() {
    let (doc, a) =
        analyse("Defense Minister Rustem Umerov met former U.S. President Barack Obama and Finance Minister Lena Vos.");
    let titled: Vec<(String, String, Qualifier)> = a
        .mentions
        .iter()
        .filter_map(|m| {
            m.title
                .as_ref()
                .map(|t| (doc.text[m.span.clone()].to_string(), t.title.to_string(), t.qualifier))
        })
        .collect();
    assert_eq!(
        titled,
        vec![
            (
                "Rustem Umerov".to_string(),
                "defense minister".to_string(),
                Qualifier::Current
            ),
            ("Barack Obama".to_string(), "president".to_string(), Qualifier::Former),
            (
                "Lena Vos".to_string(),
                "finance minister".to_string(),
                Qualifier::Current
            ),
        ]
    );
}

#[test]
fn title_country_is_read() {
    let pack = Pack::builtin().unwrap();
    let (_, a) = analyse("Ukraine's Foreign Minister Andrii Sybiha spoke. Russian President Vladimir Putin did not.");
    let of: Vec<Option<&str>> = a
        .mentions
        .iter()
        .filter_map(|m| m.title.as_ref())
        .map(|t| t.of.map(|i| pack.entities[i].id.as_str()))
        .collect();
    assert_eq!(of, vec![Some("ukraine"), Some("russia")]);
}

#[test]
fn surnames_link_to_full_names_and_different_first_names_stay_apart() {
    let (_, a) = analyse("Mayor Anna Berg opened the fair. Coach Tomas Bergh was there too. Berg spoke first.");
    let keys: Vec<&NameRef> = a.mentions.iter().map(|m| &m.name).collect();
    assert!(keys.contains(&&NameRef::Discovered("anna berg".into())), "{keys:?}");
    assert!(keys.contains(&&NameRef::Discovered("tomas bergh".into())), "{keys:?}");
    let berg_alone = a.mentions.last().unwrap();
    assert_eq!(berg_alone.name, NameRef::Discovered("anna berg".into()));
}

#[test]
fn another_person_with_a_known_surname_is_not_the_known_person() {
    let (_, a) = analyse("Melania Trump attended the gala.");
    assert!(
        a.mentions
            .iter()
            .all(|m| m.name != NameRef::Pack(Pack::builtin().unwrap().entity_by_id("donald-trump").unwrap()))
    );
}

#[test]
fn leader_claims_in_their_usual_forms() {
    let pack = Pack::builtin().unwrap();
    let read = |text: &str| {
        let doc = crate::source::load_bytes(
            std::path::Path::new("a.md"),
            format!("---\ndate: 2025-05-15\n---\n\n{text}\n").as_bytes(),
            &crate::source::LoadOptions::default(),
        )
        .unwrap();
        let analysis = super::analyze_alone(&pack, &doc);
        analysis
            .leaders
            .iter()
            .map(|l| {
                (
                    l.group.owner.clone().unwrap_or_default(),
                    l.group.noun.clone(),
                    l.modality.as_str(),
                    l.co,
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read("The Corvian delegation was led by Deputy Trade Minister Jana Mirek."),
        [("corvian".to_string(), "delegation".to_string(), "asserted", false)]
    );
    assert_eq!(
        read("Led by Defense Minister Rustem Umerov, Ukraine's delegation arrived on Thursday."),
        [("ukraine".to_string(), "delegation".to_string(), "asserted", false)]
    );
    assert_eq!(
        read("Kyiv is sending Defense Minister Rustem Umerov to lead Ukraine's team."),
        [("ukraine".to_string(), "delegation".to_string(), "asserted", false)]
    );
    assert_eq!(
        read("Trade Minister Oskar Veltheim, who heads the Corvian team, spoke first."),
        [("corvian".to_string(), "delegation".to_string(), "asserted", false)]
    );
    assert_eq!(
        read(
            "The Ostrovian side will be co-led by Commerce Minister Dmitar Kovel and Agriculture Minister Nadia Ferro."
        ),
        [("ostrovian".to_string(), "delegation".to_string(), "planned", true)]
    );
    assert_eq!(
        read("Foreign Minister Anna Holt, head of the Brisk delegation, arrived."),
        [("brisk".to_string(), "delegation".to_string(), "asserted", false)]
    );
    // A deputy head, and a technical team, are other posts.
    assert!(read("Sava Ilic, deputy head of the Brisk delegation, arrived.").is_empty());
    assert_eq!(
        read("Trade Minister Sava Ilic heads the Ostrovian technical team.")[0].1,
        "technical team"
    );
}

#[test]
fn texts_mark_their_cities() {
    let pack = Pack::builtin().unwrap();
    let doc = crate::source::load_bytes(
        std::path::Path::new("a.md"),
        b"---\ndate: 2025-11-12\n---\n\nThe minister spent Tuesday in the capital, Lindau. Port Aster, Ostrovia's second-largest city, \
          was quiet. Osmera, the island's main port, reopened. Ostrovia itself voted.\n",
        &crate::source::LoadOptions::default(),
    )
    .unwrap();
    let analysis = super::analyze_alone(&pack, &doc);
    let named: Vec<&str> = analysis
        .settlements
        .iter()
        .filter_map(|p| match p {
            super::PlaceRef::Named(n) => Some(n.as_str()),
            super::PlaceRef::Pack(_) => None,
        })
        .collect();
    assert_eq!(
        named,
        ["lindau", "osmera", "port aster"],
        "a country is not a settlement"
    );
}

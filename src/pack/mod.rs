//! Rule packs: entities with dated roles, trigger phrases, the lexicon of cues,
//! check definitions with their examples, and house style.
//!
//! Loading happens in two phases, as in ast-grep: a raw serde mirror of the TOML
//! (`deny_unknown_fields`, spans on the values we validate; see [`raw`]), then a
//! compiled [`Pack`] with references resolved, dates parsed and lookup tables
//! built once (see [`compile`]). Every error carries the TOML file and the span
//! of the offending text, and every error in every file is reported.
//!
//! Packs come in layers: the built-in pack, then the packs a project names in
//! `factlint.toml`, then `--pack` files (see [`config`]). A later layer adds
//! entities, names, roles, triggers and examples, and may change a check's
//! severity or turn it off.

mod compile;
pub mod config;
mod error;
mod pattern;
mod raw;
mod wordset;

use rustc_hash::FxHashMap;
use std::fmt;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use jiff::civil::Date;

use crate::diagnostic::Severity;
use crate::text::tokenize_str;

pub use config::{CONFIG_FILE, PackOptions, ProjectConfig, find_config, load_stack};
pub use error::{PackError, PackErrors};

/// The built-in pack's files, compiled into the binary.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("rules/lexicon.toml", include_str!("../../rules/lexicon.toml")),
    ("rules/places.toml", include_str!("../../rules/places.toml")),
    ("rules/people.toml", include_str!("../../rules/people.toml")),
    ("rules/presence.toml", include_str!("../../rules/presence.toml")),
    ("rules/checks.toml", include_str!("../../rules/checks.toml")),
];

/// The name of the built-in layer.
pub const BUILTIN_LAYER: &str = "built-in";

/// One layer of packs to compile: a name for messages and its TOML files.
#[derive(Debug, Clone)]
pub struct LayerSource {
    pub name: String,
    /// (file name, TOML text)
    pub files: Vec<(String, String)>,
    /// A project's `factlint.toml`, which may also choose packs (`packs`, `default-pack`).
    pub config: bool,
}

impl LayerSource {
    /// The built-in pack as a layer.
    pub fn builtin() -> LayerSource {
        LayerSource {
            name: BUILTIN_LAYER.to_string(),
            files: BUILTIN_FILES
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect(),
            config: false,
        }
    }
}

/// Where an item of the merged pack was defined: its layer, file and line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    pub layer: usize,
    pub file: Arc<str>,
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

// ---------------------------------------------------------------------------
// Compiled form: what the engine uses.
// ---------------------------------------------------------------------------

/// Index of an entity in [`Pack::entities`].
pub type EntityIdx = usize;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Place,
    Org,
    Event,
}

/// A dated office: "President of the United States from 2025-01-20".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The normalised title ("president", "defense minister").
    pub title: String,
    /// The title as written in the pack, for messages.
    pub display: String,
    pub of: Option<EntityIdx>,
    pub from: Option<Date>,
    /// The last day in office is the day before `to` (terms end at noon on the handover day).
    pub to: Option<Date>,
}

impl Role {
    /// Whether the office was held on `date`.
    pub fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date < to)
    }
}

/// A person, place, organisation or event the pack knows.
#[derive(Debug, Clone)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    /// Names; the first is the canonical one.
    pub names: Vec<String>,
    /// Accepted alternative spellings (transliterations).
    pub variants: Vec<String>,
    pub descriptors: Vec<String>,
    pub adjectives: Vec<String>,
    pub within: Option<EntityIdx>,
    pub roles: Vec<Role>,
    pub origin: Origin,
    /// Later layers that added names, roles or a `within` to this entity.
    pub extended_by: Vec<Origin>,
}

impl Entity {
    /// The canonical name.
    pub fn name(&self) -> &str {
        &self.names[0]
    }
}

/// What a pack name matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameEntry {
    pub entity: EntityIdx,
    /// A descriptor ("the Ukrainian leader") rather than a name: matches in lowercase too.
    pub descriptor: bool,
}

/// The claim property a trigger produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Property {
    Presence,
}

/// Whether a trigger asserts or denies its property.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Polarity {
    Affirmed,
    Denied,
}

/// What an object slot of a trigger accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectSlot {
    Place,
    Event,
    /// A place or an event.
    Target,
}

/// One element of a compiled trigger pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// The subject: a person or a coordination of people.
    Who,
    /// One of these folded words.
    Word(Vec<String>),
    /// Optionally one of these folded words.
    OptionalWord(Vec<String>),
    Object {
        slot: ObjectSlot,
        optional: bool,
    },
}

/// A compiled trigger pattern such as `{who} arrived|arrives in {place}`.
#[derive(Debug, Clone)]
pub struct Trigger {
    pub property: Property,
    pub polarity: Polarity,
    pub pattern: String,
    pub elements: Vec<Element>,
    /// The claim fills a whole day ("spent Tuesday in Lindau", "remained in Lindau on
    /// Tuesday"): someone there cannot also have been in another city that day.
    pub whole_day: bool,
    pub origin: Origin,
}

/// A set of folded words. Looked up for nearly every token of every text, so it
/// hashes with FxHash: keys are short trusted words, not attacker-chosen input.
pub use wordset::{Probe, WordFilter, WordSet, sketch};

/// Folded word lists that the extractors consult.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub title_heads: WordSet,
    pub title_modifiers: WordSet,
    pub title_synonyms: FxHashMap<String, String>,
    pub former: WordSet,
    pub then: WordSet,
    pub acting: WordSet,
    pub elect: WordSet,
    pub event_nouns: WordSet,
    pub auxiliaries: WordSet,
    pub negation: WordSet,
    pub negative_control: WordSet,
    pub control: WordSet,
    pub hedge: WordSet,
    pub planned: WordSet,
    pub hypothetical: WordSet,
    pub reporting: WordSet,
    pub clause_breaks: WordSet,
    pub not_names: WordSet,
    /// Nouns for the parts of a recurring event ("round", "edition", "stage").
    pub event_parts: WordSet,
    /// Verbs of leading a group ("led", "heads", "chaired").
    pub leader_verbs: WordSet,
    /// Nouns for a group with one leader ("delegation", "team").
    pub group_nouns: WordSet,
    /// Nouns for a group's leader in an apposition ("head", "leader").
    pub leader_nouns: WordSet,
}

/// A check's definition: its code, severity, message templates, docs and examples.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub code: String,
    pub severity: Severity,
    /// False when a layer's `[checks]` table turned the check off.
    pub enabled: bool,
    pub message: String,
    pub help: String,
    pub what: String,
    pub why: String,
    pub example: String,
    pub examples: Vec<Example>,
    pub origin: Origin,
    /// The `[checks]` entry that last changed the severity or turned the check off.
    pub setting: Option<Origin>,
}

/// A test case inside a pack: documents, and the findings they must produce.
#[derive(Debug, Clone)]
pub struct Example {
    /// The check the example belongs to.
    pub check: String,
    pub name: String,
    pub docs: Vec<ExampleDoc>,
    /// Empty for an example that must stay silent.
    pub expect: Vec<Expectation>,
    /// Pack TOML added as a last layer while the example runs.
    pub pack: Option<String>,
    pub origin: Origin,
}

/// One document of an example.
#[derive(Debug, Clone)]
pub struct ExampleDoc {
    /// A file name; its extension (.md, .txt) says how to read the text.
    pub name: String,
    pub date: Option<Date>,
    pub text: String,
}

/// A finding an example must produce: its code and one labelled text in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub code: String,
    pub doc: String,
    pub text: String,
}

/// A house spelling: write `prefer`, never any of `avoid`.
#[derive(Debug, Clone)]
pub struct HouseSpelling {
    pub prefer: String,
    pub avoid: Vec<String>,
    pub origin: Origin,
}

/// The newsroom's preferred spellings, with one matcher over every avoided form.
#[derive(Debug, Clone, Default)]
pub struct HouseStyle {
    pub spellings: Vec<HouseSpelling>,
    /// Matches every avoided form; pattern `i` is `forms[i]`.
    pub matcher: Option<AhoCorasick>,
    /// (spelling index, avoided form) for each matcher pattern.
    pub forms: Vec<(usize, String)>,
}

/// A pack file's `[pack]` table.
#[derive(Debug, Clone)]
pub struct PackInfo {
    pub id: String,
    pub version: Option<String>,
    pub description: Option<String>,
    pub origin: Origin,
}

/// A compiled rule pack: every layer merged.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    /// The layers, in the order they were applied.
    pub layers: Vec<String>,
    /// The `[pack]` tables of the files, in order.
    pub info: Vec<PackInfo>,
    /// Offices without an end date are known to be held up to this day only.
    pub facts_as_of: Option<Date>,
    pub entities: Vec<Entity>,
    /// Folded, space-joined name tokens → entities with that name.
    pub names: FxHashMap<String, Vec<NameEntry>>,
    pub max_name_tokens: usize,
    /// Folded demonyms and adjectives ("russian", "u.s.") → place.
    pub adjectives: FxHashMap<String, EntityIdx>,
    pub triggers: Vec<Trigger>,
    pub lexicon: Lexicon,
    pub checks: Vec<CheckDef>,
    pub house_style: HouseStyle,
    /// The layers this pack was compiled from, so that an example can add one.
    pub sources: Vec<LayerSource>,
}

impl Pack {
    /// The built-in pack.
    pub fn builtin() -> Result<Pack, PackErrors> {
        Pack::from_layers(vec![LayerSource::builtin()])
    }

    /// Compiles one layer of TOML files, later files adding to earlier ones.
    pub fn from_sources(files: impl IntoIterator<Item = (String, String)>) -> Result<Pack, PackErrors> {
        Pack::from_layers(vec![LayerSource {
            name: "pack".to_string(),
            files: files.into_iter().collect(),
            config: false,
        }])
    }

    /// Compiles layers of packs, each adding to and adjusting the ones before it.
    pub fn from_layers(layers: Vec<LayerSource>) -> Result<Pack, PackErrors> {
        compile::compile(layers)
    }

    /// Looks up an entity by id.
    pub fn entity_by_id(&self, id: &str) -> Option<EntityIdx> {
        self.entities.iter().position(|e| e.id == id)
    }

    /// Looks up a check definition by code.
    pub fn check(&self, code: &str) -> Option<&CheckDef> {
        self.checks.iter().find(|c| c.code == code)
    }

    /// Whether `place` is `container` or lies within it.
    pub fn within(&self, place: EntityIdx, container: EntityIdx) -> bool {
        let mut current = Some(place);
        let mut steps = 0;
        while let Some(p) = current {
            if p == container {
                return true;
            }
            current = self.entities[p].within;
            steps += 1;
            if steps > 32 {
                break;
            }
        }
        false
    }

    /// The key of a title: its office words, synonyms applied, places and filler dropped.
    ///
    /// "Secretary of State" and "U.S. Secretary of State" both give "secretary state";
    /// "Defence Minister" gives "defense minister".
    pub fn title_key(&self, words: &[&str]) -> String {
        let lx = &self.lexicon;
        words
            .iter()
            .filter(|w| {
                (lx.title_heads.contains(**w) || lx.title_modifiers.contains(**w)) && !self.adjectives.contains_key(**w)
            })
            .map(|w| lx.title_synonyms.get(*w).map_or(*w, String::as_str))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The folded token key of a name: "Recep Tayyip Erdoğan" → "recep tayyip erdogan".
pub fn name_key(name: &str) -> String {
    tokenize_str(name)
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_pack_compiles() {
        let pack = Pack::builtin().expect("built-in pack is valid");
        assert!(pack.entity_by_id("donald-trump").is_some());
        assert!(!pack.triggers.is_empty());
        assert!(pack.check("presence-conflict").is_some());
    }

    #[test]
    fn trump_roles_are_dated() {
        let pack = Pack::builtin().unwrap();
        let trump = &pack.entities[pack.entity_by_id("donald-trump").unwrap()];
        let may_2025 = Date::constant(2025, 5, 15);
        let may_2022 = Date::constant(2022, 5, 15);
        assert!(
            trump
                .roles
                .iter()
                .any(|r| r.title == "president" && r.holds_on(may_2025))
        );
        assert!(
            !trump
                .roles
                .iter()
                .any(|r| r.title == "president" && r.holds_on(may_2022))
        );
    }

    #[test]
    fn istanbul_lies_within_turkiye() {
        let pack = Pack::builtin().unwrap();
        let istanbul = pack.entity_by_id("istanbul").unwrap();
        let turkiye = pack.entity_by_id("turkiye").unwrap();
        assert!(pack.within(istanbul, turkiye));
        assert!(!pack.within(turkiye, istanbul));
    }

    #[test]
    fn errors_point_into_the_toml() {
        let bad = r#"
[[entity]]
id = "x"
kind = "person"
names = ["X"]
[[entity.role]]
title = "President"
of = "nowhere"
from = "2025-13-01"
[lexicon]
title_heads = ["president"]
"#;
        let err = Pack::from_sources([("bad.toml".to_string(), bad.to_string())]).unwrap_err();
        let messages: Vec<&str> = err.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(err.errors.len(), 2, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("unknown entity \"nowhere\"")));
        assert!(messages.iter().any(|m| m.contains("invalid date")));
        let span = err.errors[0].span.unwrap();
        assert_eq!(&bad[span.offset()..span.offset() + span.len()], "\"nowhere\"");
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = Pack::from_sources([(
            "bad.toml".to_string(),
            "[[entity]]\nid = \"x\"\nkind = \"person\"\nnames = [\"X\"]\nnmes = 1\n".to_string(),
        )])
        .unwrap_err();
        assert!(
            err.errors[0].message.contains("unknown field"),
            "{}",
            err.errors[0].message
        );
    }

    #[test]
    fn patterns_compile() {
        use pattern::compile_pattern;
        let el = compile_pattern("{who} arrived|arrives in|at {place}").unwrap();
        assert_eq!(el.len(), 4);
        assert!(compile_pattern("{who} went {where}").is_err());
        assert!(compile_pattern("went to {place}").is_err());
    }
}

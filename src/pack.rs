//! Rule packs: entities with dated roles, trigger phrases, the lexicon of cues, and check definitions.
//!
//! Loading happens in two phases, as in ast-grep: a raw serde mirror of the TOML
//! (`deny_unknown_fields`, spans on the values we validate), then a compiled
//! [`Pack`] with references resolved, dates parsed and lookup tables built once.
//! Every error carries the TOML file and the span of the offending text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use jiff::civil::Date;
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::Severity;
use crate::text::{fold, tokenize_str};

/// The built-in pack's files, compiled into the binary.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("rules/lexicon.toml", include_str!("../rules/lexicon.toml")),
    ("rules/places.toml", include_str!("../rules/places.toml")),
    ("rules/people.toml", include_str!("../rules/people.toml")),
    ("rules/presence.toml", include_str!("../rules/presence.toml")),
    ("rules/checks.toml", include_str!("../rules/checks.toml")),
];

// ---------------------------------------------------------------------------
// Raw form: what the TOML says.
// ---------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: Option<RawMeta>,
    #[serde(default)]
    entity: Vec<RawEntity>,
    #[serde(default)]
    trigger: Vec<RawTrigger>,
    lexicon: Option<RawLexicon>,
    #[serde(default)]
    check: Vec<RawCheck>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: String,
    #[serde(default)]
    version: Option<String>,
    #[serde(default)]
    description: Option<String>,
    /// The day the pack's open-ended offices were last confirmed.
    #[serde(default)]
    facts_as_of: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Spanned<String>,
    kind: Spanned<String>,
    names: Vec<String>,
    #[serde(default)]
    variants: Vec<String>,
    #[serde(default)]
    descriptors: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
    #[serde(default)]
    within: Option<Spanned<String>>,
    #[serde(default)]
    role: Vec<RawRole>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    title: String,
    #[serde(default)]
    of: Option<Spanned<String>>,
    #[serde(default)]
    from: Option<Spanned<String>>,
    #[serde(default)]
    to: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    property: Spanned<String>,
    polarity: Spanned<String>,
    patterns: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    title_heads: Vec<String>,
    #[serde(default)]
    title_modifiers: Vec<String>,
    #[serde(default)]
    title_synonyms: HashMap<String, String>,
    #[serde(default)]
    former: Vec<String>,
    #[serde(default)]
    then: Vec<String>,
    #[serde(default)]
    acting: Vec<String>,
    #[serde(default)]
    elect: Vec<String>,
    #[serde(default)]
    event_nouns: Vec<String>,
    #[serde(default)]
    auxiliaries: Vec<String>,
    #[serde(default)]
    negation: Vec<String>,
    #[serde(default)]
    negative_control: Vec<String>,
    #[serde(default)]
    control: Vec<String>,
    #[serde(default)]
    hedge: Vec<String>,
    #[serde(default)]
    planned: Vec<String>,
    #[serde(default)]
    hypothetical: Vec<String>,
    #[serde(default)]
    reporting: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    code: Spanned<String>,
    severity: Spanned<String>,
    message: String,
    help: String,
    docs: RawDocs,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocs {
    what: String,
    why: String,
    example: String,
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
}

/// Folded word lists that the extractors consult.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub title_heads: HashSet<String>,
    pub title_modifiers: HashSet<String>,
    pub title_synonyms: HashMap<String, String>,
    pub former: HashSet<String>,
    pub then: HashSet<String>,
    pub acting: HashSet<String>,
    pub elect: HashSet<String>,
    pub event_nouns: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub negation: HashSet<String>,
    pub negative_control: HashSet<String>,
    pub control: HashSet<String>,
    pub hedge: HashSet<String>,
    pub planned: HashSet<String>,
    pub hypothetical: HashSet<String>,
    pub reporting: HashSet<String>,
    pub clause_breaks: HashSet<String>,
    pub not_names: HashSet<String>,
}

/// A check's definition: its code, default severity, message templates and docs.
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    pub what: String,
    pub why: String,
    pub example: String,
}

/// A compiled rule pack.
#[derive(Debug, Clone, Default)]
pub struct Pack {
    pub ids: Vec<String>,
    /// Offices without an end date are known to be held up to this day only.
    pub facts_as_of: Option<Date>,
    pub entities: Vec<Entity>,
    /// Folded, space-joined name tokens → entities with that name.
    pub names: HashMap<String, Vec<NameEntry>>,
    pub max_name_tokens: usize,
    /// Folded demonyms and adjectives ("russian", "u.s.") → place.
    pub adjectives: HashMap<String, EntityIdx>,
    pub triggers: Vec<Trigger>,
    pub lexicon: Lexicon,
    pub checks: Vec<CheckDef>,
}

/// A problem in a rule pack, pointing at the TOML.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{file}: {message}")]
#[diagnostic(code(factlint::pack))]
pub struct PackError {
    pub file: String,
    pub message: String,
    #[source_code]
    pub src: NamedSource<Arc<str>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// All problems found in the packs being loaded.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("invalid rule pack ({} problem{})", errors.len(), if errors.len() == 1 { "" } else { "s" })]
pub struct PackErrors {
    #[related]
    pub errors: Vec<PackError>,
}

/// One pack source file.
struct PackFile {
    name: String,
    text: Arc<str>,
}

impl PackFile {
    fn error(
        &self,
        span: Option<Range<usize>>,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) -> PackError {
        PackError {
            file: self.name.clone(),
            message: message.into(),
            src: NamedSource::new(self.name.clone(), self.text.clone()),
            span: span.map(|s| SourceSpan::from(s.start..s.end)),
            label: label.into(),
            help,
        }
    }
}

impl Pack {
    /// The built-in pack.
    pub fn builtin() -> Result<Pack, PackErrors> {
        Pack::from_sources(BUILTIN_FILES.iter().map(|(n, t)| (n.to_string(), t.to_string())))
    }

    /// Compiles a pack from several TOML files, later files adding to earlier ones.
    pub fn from_sources(files: impl IntoIterator<Item = (String, String)>) -> Result<Pack, PackErrors> {
        let mut errors = Vec::new();
        let mut parsed = Vec::new();
        for (name, text) in files {
            let file = PackFile {
                name,
                text: Arc::from(text),
            };
            match toml::from_str::<RawPack>(&file.text) {
                Ok(raw) => parsed.push((file, raw)),
                Err(e) => {
                    let message = e.message().to_string();
                    errors.push(file.error(e.span(), message, "here", None));
                }
            }
        }
        let mut pack = Pack::default();
        compile(&mut pack, &parsed, &mut errors);
        if errors.is_empty() {
            Ok(pack)
        } else {
            Err(PackErrors { errors })
        }
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

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn parse_date(file: &PackFile, value: &Spanned<String>, errors: &mut Vec<PackError>) -> Option<Date> {
    match value.get_ref().parse::<Date>() {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(file.error(
                Some(value.span()),
                format!("invalid date {:?}: {e}", value.get_ref()),
                "not a YYYY-MM-DD date",
                Some("write dates as \"2025-01-20\"".into()),
            ));
            None
        }
    }
}

fn compile(pack: &mut Pack, parsed: &[(PackFile, RawPack)], errors: &mut Vec<PackError>) {
    // Entities first, so that references can be resolved in any order.
    let mut origin: HashMap<String, (usize, Range<usize>)> = HashMap::new();
    for (fi, (file, raw)) in parsed.iter().enumerate() {
        if let Some(meta) = &raw.pack {
            pack.ids.push(meta.id.clone());
            let _ = (&meta.version, &meta.description);
            if let Some(d) = &meta.facts_as_of {
                pack.facts_as_of = parse_date(file, d, errors).or(pack.facts_as_of);
            }
        }
        for e in &raw.entity {
            let id = e.id.get_ref().clone();
            if let Some((_, first)) = origin.get(&id) {
                errors.push(file.error(
                    Some(e.id.span()),
                    format!("duplicate entity id {id:?}"),
                    "defined again here",
                    Some(format!(
                        "the first definition is at byte {}; give each entity a unique id",
                        first.start
                    )),
                ));
                continue;
            }
            let kind = match e.kind.get_ref().as_str() {
                "person" => EntityKind::Person,
                "place" => EntityKind::Place,
                "org" => EntityKind::Org,
                "event" => EntityKind::Event,
                other => {
                    errors.push(file.error(
                        Some(e.kind.span()),
                        format!("unknown entity kind {other:?}"),
                        "unknown kind",
                        Some("use one of: person, place, org, event".into()),
                    ));
                    continue;
                }
            };
            if e.names.is_empty() {
                errors.push(file.error(
                    Some(e.id.span()),
                    format!("entity {id:?} has no names"),
                    "needs at least one name",
                    None,
                ));
                continue;
            }
            origin.insert(id.clone(), (fi, e.id.span()));
            pack.entities.push(Entity {
                id,
                kind,
                names: e.names.clone(),
                variants: e.variants.clone(),
                descriptors: e.descriptors.clone(),
                adjectives: e.adjectives.clone(),
                within: None,
                roles: Vec::new(),
            });
        }
    }
    let index: HashMap<String, EntityIdx> = pack
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let resolve = |file: &PackFile, r: &Spanned<String>, errors: &mut Vec<PackError>| -> Option<EntityIdx> {
        let found = index.get(r.get_ref()).copied();
        if found.is_none() {
            let nearest = index.keys().max_by(|a, b| {
                strsim::jaro_winkler(a, r.get_ref())
                    .total_cmp(&strsim::jaro_winkler(b, r.get_ref()))
                    .then_with(|| b.cmp(a))
            });
            errors.push(file.error(
                Some(r.span()),
                format!("unknown entity {:?}", r.get_ref()),
                "no entity has this id",
                nearest.map(|n| format!("did you mean {n:?}?")),
            ));
        }
        found
    };
    for (file, raw) in parsed {
        for e in &raw.entity {
            let Some(&idx) = index.get(e.id.get_ref()) else {
                continue;
            };
            if origin.get(e.id.get_ref()).is_some_and(|(_, span)| *span != e.id.span()) {
                continue;
            }
            if let Some(w) = &e.within {
                pack.entities[idx].within = resolve(file, w, errors);
            }
            for role in &e.role {
                let of = role.of.as_ref().and_then(|o| resolve(file, o, errors));
                let from = role.from.as_ref().and_then(|d| parse_date(file, d, errors));
                let to = role.to.as_ref().and_then(|d| parse_date(file, d, errors));
                if let (Some(f), Some(t), Some(span)) = (from, to, role.to.as_ref())
                    && t <= f
                {
                    errors.push(file.error(
                        Some(span.span()),
                        format!("role ends ({t}) before it starts ({f})"),
                        "`to` is not after `from`",
                        Some("swap the dates or correct the year".into()),
                    ));
                }
                pack.entities[idx].roles.push(Role {
                    title: String::new(),
                    display: role.title.clone(),
                    of,
                    from,
                    to,
                });
            }
        }
    }

    // Lexicon: the union of all files' lists.
    for (_, raw) in parsed {
        let Some(l) = &raw.lexicon else { continue };
        let lx = &mut pack.lexicon;
        lx.title_heads.extend(set(&l.title_heads));
        lx.title_modifiers.extend(set(&l.title_modifiers));
        lx.title_synonyms
            .extend(l.title_synonyms.iter().map(|(k, v)| (fold(k), fold(v))));
        lx.former.extend(set(&l.former));
        lx.then.extend(set(&l.then));
        lx.acting.extend(set(&l.acting));
        lx.elect.extend(set(&l.elect));
        lx.event_nouns.extend(set(&l.event_nouns));
        lx.auxiliaries.extend(set(&l.auxiliaries));
        lx.negation.extend(set(&l.negation));
        lx.negative_control.extend(set(&l.negative_control));
        lx.control.extend(set(&l.control));
        lx.hedge.extend(set(&l.hedge));
        lx.planned.extend(set(&l.planned));
        lx.hypothetical.extend(set(&l.hypothetical));
        lx.reporting.extend(set(&l.reporting));
        lx.clause_breaks.extend(set(&l.clause_breaks));
        lx.not_names.extend(set(&l.not_names));
    }
    // Name and adjective tables.
    for (idx, e) in pack.entities.iter().enumerate() {
        for (name, descriptor) in e
            .names
            .iter()
            .chain(&e.variants)
            .map(|n| (n, false))
            .chain(e.descriptors.iter().map(|d| (d, true)))
        {
            let key = name_key(name);
            pack.max_name_tokens = pack.max_name_tokens.max(key.split(' ').count());
            let entry = NameEntry {
                entity: idx,
                descriptor,
            };
            let list = pack.names.entry(key).or_default();
            if !list.contains(&entry) {
                list.push(entry);
            }
        }
        for adj in &e.adjectives {
            pack.adjectives.insert(name_key(adj), idx);
        }
    }

    // Role titles are normalised with the lexicon's synonyms.
    for ei in 0..pack.entities.len() {
        for ri in 0..pack.entities[ei].roles.len() {
            let key = name_key(&pack.entities[ei].roles[ri].display);
            let words: Vec<&str> = key.split(' ').collect();
            pack.entities[ei].roles[ri].title = pack.title_key(&words);
        }
    }

    // Triggers.
    for (file, raw) in parsed {
        for t in &raw.trigger {
            let property = match t.property.get_ref().as_str() {
                "presence" => Property::Presence,
                other => {
                    errors.push(file.error(
                        Some(t.property.span()),
                        format!("unknown property {other:?}"),
                        "unknown property",
                        Some("known properties: presence".into()),
                    ));
                    continue;
                }
            };
            let polarity = match t.polarity.get_ref().as_str() {
                "affirm" => Polarity::Affirmed,
                "deny" => Polarity::Denied,
                other => {
                    errors.push(file.error(
                        Some(t.polarity.span()),
                        format!("unknown polarity {other:?}"),
                        "unknown polarity",
                        Some("use \"affirm\" or \"deny\"".into()),
                    ));
                    continue;
                }
            };
            for p in &t.patterns {
                match compile_pattern(p.get_ref()) {
                    Ok(elements) => pack.triggers.push(Trigger { property, polarity, pattern: p.get_ref().clone(), elements }),
                    Err(msg) => errors.push(file.error(Some(p.span()), msg, "in this pattern", Some("patterns are words, `a|b` alternatives, `[a|b]` optional words, and the slots {who}, {place}, {event}, {target} (add `?` to make an object optional)".into()))),
                }
            }
        }
    }

    // Checks.
    for (file, raw) in parsed {
        for c in &raw.check {
            let severity = match c.severity.get_ref().as_str() {
                "error" => Severity::Error,
                "warning" => Severity::Warning,
                "advice" => Severity::Advice,
                other => {
                    errors.push(file.error(
                        Some(c.severity.span()),
                        format!("unknown severity {other:?}"),
                        "unknown severity",
                        Some("use \"error\", \"warning\" or \"advice\"".into()),
                    ));
                    continue;
                }
            };
            let code = c.code.get_ref().clone();
            if !is_kebab(&code) {
                errors.push(file.error(
                    Some(c.code.span()),
                    format!("check code {code:?} is not kebab-case"),
                    "not kebab-case",
                    Some("use lowercase words joined by hyphens, e.g. \"presence-conflict\"".into()),
                ));
            }
            pack.checks.retain(|existing| existing.code != code);
            pack.checks.push(CheckDef {
                code,
                severity,
                message: c.message.clone(),
                help: c.help.clone(),
                what: c.docs.what.clone(),
                why: c.docs.why.clone(),
                example: c.docs.example.clone(),
            });
        }
    }
}

fn is_kebab(code: &str) -> bool {
    !code.is_empty()
        && !code.starts_with('-')
        && !code.ends_with('-')
        && !code.contains("--")
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Compiles `{who} arrived|arrives in|at {place}` into elements.
fn compile_pattern(pattern: &str) -> Result<Vec<Element>, String> {
    let mut elements = Vec::new();
    for part in pattern.split_whitespace() {
        let element = match part {
            "{who}" => Element::Who,
            "{place}" | "{place?}" | "{event}" | "{event?}" | "{target}" | "{target?}" => {
                let optional = part.ends_with("?}");
                let slot = match part.trim_matches(|c| c == '{' || c == '}' || c == '?') {
                    "place" => ObjectSlot::Place,
                    "event" => ObjectSlot::Event,
                    _ => ObjectSlot::Target,
                };
                Element::Object { slot, optional }
            }
            p if p.starts_with('{') => {
                return Err(format!(
                    "unknown slot {p}; this property has {{who}}, {{place}}, {{event}} and {{target}}"
                ));
            }
            p if p.starts_with('[') && p.ends_with(']') => Element::OptionalWord(words(&p[1..p.len() - 1])?),
            p => Element::Word(words(p)?),
        };
        elements.push(element);
    }
    let whos = elements.iter().filter(|e| **e == Element::Who).count();
    if whos != 1 {
        return Err(format!("a pattern needs exactly one {{who}} slot, found {whos}"));
    }
    if !elements.iter().any(|e| matches!(e, Element::Word(_))) {
        return Err("a pattern needs at least one word besides its slots".into());
    }
    if let Some(pos) = elements.iter().position(|e| matches!(e, Element::Object { .. }))
        && pos + 1 != elements.len()
    {
        return Err("an object slot can only come last".into());
    }
    Ok(elements)
}

fn words(alternatives: &str) -> Result<Vec<String>, String> {
    let out: Vec<String> = alternatives.split('|').map(fold).collect();
    if out.iter().any(String::is_empty) {
        return Err(format!("empty alternative in {alternatives:?}"));
    }
    Ok(out)
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
        let el = compile_pattern("{who} arrived|arrives in|at {place}").unwrap();
        assert_eq!(el.len(), 4);
        assert!(compile_pattern("{who} went {where}").is_err());
        assert!(compile_pattern("went to {place}").is_err());
    }
}

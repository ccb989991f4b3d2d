//! The raw form of a pack file: a serde mirror of the TOML, read leniently so that
//! one mistake does not hide the next.
//!
//! The file is parsed into a spanned TOML tree first (recovering from syntax
//! errors), then each top-level item and each `[[entity]]`, `[[trigger]]` and
//! `[[check]]` table is deserialized on its own. A wrong type in one entity is
//! reported and the other entities are still read and checked.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::error::{PackError, PackFile, did_you_mean};

/// The top-level keys a pack file may have.
const PACK_KEYS: &[&str] = &["pack", "entity", "trigger", "lexicon", "check", "checks", "house-style"];

/// The keys `factlint.toml` has besides the pack keys.
const CONFIG_KEYS: &[&str] = &["packs", "default-pack"];

#[derive(Debug, Default)]
pub(crate) struct RawPack {
    pub meta: Option<RawMeta>,
    pub entity: Vec<RawEntity>,
    pub trigger: Vec<RawTrigger>,
    pub lexicon: Option<RawLexicon>,
    pub check: Vec<RawCheck>,
    /// `[checks]`: a check's code → "off" or a severity.
    pub checks: BTreeMap<String, Spanned<String>>,
    /// Keys of `[checks]` with their spans, for errors about unknown codes.
    pub checks_keys: Vec<Spanned<String>>,
    pub house_style: Option<RawHouseStyle>,
    /// Ids of entities that were present but could not be read, so that
    /// references to them do not cascade into "unknown entity" errors.
    pub broken_ids: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub id: Spanned<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// The day the pack's open-ended offices were last confirmed.
    #[serde(default)]
    pub facts_as_of: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntity {
    pub id: Spanned<String>,
    /// Required for a new entity; optional when a later layer extends one.
    #[serde(default)]
    pub kind: Option<Spanned<String>>,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub descriptors: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
    #[serde(default)]
    pub within: Option<Spanned<String>>,
    #[serde(default)]
    pub role: Vec<RawRole>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRole {
    pub title: Spanned<String>,
    #[serde(default)]
    pub of: Option<Spanned<String>>,
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    #[serde(default)]
    pub to: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTrigger {
    pub property: Spanned<String>,
    pub polarity: Spanned<String>,
    /// "moment" (the default) or "day": "spent Tuesday in Lindau" fills the whole day.
    #[serde(default)]
    pub extent: Option<Spanned<String>>,
    pub patterns: Vec<Spanned<String>>,
}

/// Word lists; every list is merged with the same list of earlier layers.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLexicon {
    #[serde(default)]
    pub title_heads: Vec<String>,
    #[serde(default)]
    pub title_modifiers: Vec<String>,
    #[serde(default)]
    pub title_synonyms: BTreeMap<String, String>,
    #[serde(default)]
    pub former: Vec<String>,
    #[serde(default)]
    pub then: Vec<String>,
    #[serde(default)]
    pub acting: Vec<String>,
    #[serde(default)]
    pub elect: Vec<String>,
    #[serde(default)]
    pub event_nouns: Vec<String>,
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub negative_control: Vec<String>,
    #[serde(default)]
    pub control: Vec<String>,
    #[serde(default)]
    pub hedge: Vec<String>,
    #[serde(default)]
    pub planned: Vec<String>,
    #[serde(default)]
    pub hypothetical: Vec<String>,
    #[serde(default)]
    pub reporting: Vec<String>,
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    #[serde(default)]
    pub not_names: Vec<String>,
    #[serde(default)]
    pub event_parts: Vec<String>,
    #[serde(default)]
    pub leader_verbs: Vec<String>,
    #[serde(default)]
    pub group_nouns: Vec<String>,
    #[serde(default)]
    pub leader_nouns: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCheck {
    pub code: Spanned<String>,
    /// The remaining fields are required where a check is first defined;
    /// a later layer may give only the ones it changes.
    #[serde(default)]
    pub severity: Option<Spanned<String>>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub docs: Option<RawDocs>,
    #[serde(default)]
    pub example: Vec<RawExample>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDocs {
    pub what: String,
    pub why: String,
    pub example: String,
}

/// `[[check.example]]`: documents and the findings they must produce.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExample {
    pub name: Spanned<String>,
    /// Pack TOML applied as one more layer while this example runs (house style, an extra entity).
    #[serde(default)]
    pub pack: Option<String>,
    #[serde(default)]
    pub expect: Vec<RawExpect>,
    pub doc: Vec<RawExampleDoc>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpect {
    /// Defaults to the code of the check the example belongs to.
    #[serde(default)]
    pub code: Option<Spanned<String>>,
    pub doc: Spanned<String>,
    pub text: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExampleDoc {
    pub name: Spanned<String>,
    #[serde(default)]
    pub date: Option<Spanned<String>>,
    pub text: String,
}

/// `[house-style]`: the newsroom's preferred spellings.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHouseStyle {
    #[serde(default)]
    pub spelling: Vec<RawSpelling>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSpelling {
    pub prefer: Spanned<String>,
    pub avoid: Vec<Spanned<String>>,
}

/// Reads one pack file, reporting every problem it can find rather than the first.
///
/// `config` allows the keys of a project's `factlint.toml` that choose packs;
/// they were read before compiling, so here they are only type-checked.
pub(crate) fn parse(file: &PackFile, config: bool, errors: &mut Vec<PackError>) -> RawPack {
    let (root, syntax) = DeTable::parse_recoverable(&file.text);
    errors.extend(syntax.into_iter().map(|e| toml_error(file, &e, None)));
    let mut raw = RawPack::default();
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "pack" => raw.meta = item(file, value, errors),
            "entity" => {
                for (entity, value) in items::<RawEntity>(file, "entity", value, errors) {
                    match entity {
                        Some(e) => raw.entity.push(e),
                        None => raw.broken_ids.extend(string_field(value, "id")),
                    }
                }
            }
            "trigger" => raw.trigger = items(file, "trigger", value, errors).filter_map(|(t, _)| t).collect(),
            "lexicon" => raw.lexicon = item(file, value, errors),
            "check" => raw.check = items(file, "check", value, errors).filter_map(|(c, _)| c).collect(),
            "checks" => {
                if let Some(table) = value.get_ref().as_table() {
                    raw.checks_keys = table
                        .keys()
                        .map(|k| Spanned::new(k.span(), k.get_ref().to_string()))
                        .collect();
                }
                raw.checks = item(file, value, errors).unwrap_or_default();
            }
            "house-style" => raw.house_style = item(file, value, errors),
            "packs" if config => {
                let _: Option<Vec<String>> = item(file, value, errors);
            }
            "default-pack" if config => {
                let _: Option<bool> = item(file, value, errors);
            }
            other => {
                let known = PACK_KEYS.iter().chain(if config { CONFIG_KEYS } else { &[] });
                errors.push(file.error(
                    Some(key.span()),
                    format!("unknown key `{other}`"),
                    if config {
                        "not a configuration key"
                    } else {
                        "not a pack key"
                    },
                    Some(
                        did_you_mean(other, known.clone().copied()).unwrap_or_else(|| {
                            format!("the keys are {}", known.copied().collect::<Vec<_>>().join(", "))
                        }),
                    ),
                ))
            }
        }
    }
    raw
}

/// Deserializes one value, reporting a failure at its place in the file.
pub(crate) fn item<T: DeserializeOwned>(
    file: &PackFile,
    value: &Spanned<DeValue<'_>>,
    errors: &mut Vec<PackError>,
) -> Option<T> {
    T::deserialize(ValueDeserializer::from(value.clone()))
        .map_err(|e| errors.push(toml_error(file, &e, Some(value.span()))))
        .ok()
}

/// Deserializes each table of an array of tables on its own, yielding failures as `None`.
fn items<'v, 'i, T: DeserializeOwned>(
    file: &'v PackFile,
    key: &'v str,
    value: &'v Spanned<DeValue<'i>>,
    errors: &'v mut Vec<PackError>,
) -> impl Iterator<Item = (Option<T>, &'v Spanned<DeValue<'i>>)> + 'v {
    let elements = match value.get_ref().as_array() {
        Some(array) => array.iter().collect::<Vec<_>>(),
        None => {
            errors.push(file.error(
                Some(value.span()),
                format!("`{key}` must be an array of tables"),
                "not an array",
                Some(format!("write each one under its own `[[{key}]]` header")),
            ));
            Vec::new()
        }
    };
    elements.into_iter().map(move |v| (item(file, v, errors), v))
}

/// The string value of `key` in a table, if it has one.
fn string_field(value: &Spanned<DeValue<'_>>, key: &str) -> Option<String> {
    let table = value.get_ref().as_table()?;
    let (_, v) = table.iter().find(|(k, _)| k.get_ref().as_ref() == key)?;
    v.get_ref().as_str().map(str::to_string)
}

/// Turns a TOML or serde error into a pack error, adding a did-you-mean to unknown keys.
pub(crate) fn toml_error(
    file: &PackFile,
    error: &toml::de::Error,
    fallback: Option<std::ops::Range<usize>>,
) -> PackError {
    let message = error.message().trim().to_string();
    let span = error.span().or(fallback);
    let (label, help) = match unknown_field(&message) {
        Some((field, expected)) => (
            "unknown key",
            Some(did_you_mean(field, expected.iter().copied()).unwrap_or_else(|| {
                if expected.is_empty() {
                    "this table takes no keys".to_string()
                } else {
                    format!("the keys here are {}", expected.join(", "))
                }
            })),
        ),
        None if message.starts_with("invalid type") => ("wrong type", None),
        None if message.starts_with("missing field") => ("in this table", None),
        None => ("here", None),
    };
    file.error(span, message, label, help)
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" message.
fn unknown_field(message: &str) -> Option<(&str, Vec<&str>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).collect();
    Some((field, expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_serdes_unknown_field_message() {
        let (field, expected) = unknown_field("unknown field `nmes`, expected one of `id`, `kind`, `names`").unwrap();
        assert_eq!(field, "nmes");
        assert_eq!(expected, ["id", "kind", "names"]);
        assert_eq!(unknown_field("unknown field `x`, expected `y`").unwrap().1, ["y"]);
        assert!(unknown_field("invalid type: integer").is_none());
    }
}

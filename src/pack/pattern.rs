//! Trigger patterns: `{who} arrived|arrives in|at {place}` compiled into elements.

use super::{Element, ObjectSlot};
use crate::text::fold;

/// The help shown with every pattern error.
pub(crate) const PATTERN_HELP: &str = "patterns are words, `a|b` alternatives, `[a|b]` optional words, and the slots {who}, {place}, {event}, {target} (add `?` to make an object optional)";

/// Compiles `{who} arrived|arrives in|at {place}` into elements.
pub(crate) fn compile_pattern(pattern: &str) -> Result<Vec<Element>, String> {
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

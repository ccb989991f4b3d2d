//! Phase two: from raw files to a compiled, validated pack.
//!
//! Files are applied in layer order. Within one layer an id or a check code may
//! be defined once; a later layer that names an existing entity or check extends
//! or adjusts it instead. References (`within`, `of`, an example's expected
//! check) are resolved after every file has been read, so their order does not
//! matter. Every problem is collected; nothing stops at the first.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use jiff::civil::Date;
use toml::Spanned;

use super::error::{PackError, PackErrors, PackFile, did_you_mean};
use super::pattern::{PATTERN_HELP, compile_pattern};
use super::raw::{self, RawCheck, RawEntity, RawExample, RawPack};
use super::{
    CheckDef, Entity, EntityIdx, EntityKind, Example, ExampleDoc, Expectation, HouseSpelling, HouseStyle, LayerSource,
    NameEntry, Origin, Pack, PackInfo, Polarity, Property, Role, Trigger, name_key,
};
use crate::diagnostic::Severity;
use crate::text::fold;

/// A file read in phase one, with the layer it belongs to.
struct ParsedFile {
    layer: usize,
    file: PackFile,
    raw: RawPack,
}

impl ParsedFile {
    fn origin(&self, offset: usize) -> Origin {
        Origin {
            layer: self.layer,
            file: self.file.name.as_str().into(),
            line: self.file.line_of(offset),
        }
    }
}

pub(super) fn compile(layers: Vec<LayerSource>) -> Result<Pack, PackErrors> {
    let mut errors = Vec::new();
    let mut pack = Pack {
        sources: layers.clone(),
        ..Pack::default()
    };
    let mut files = Vec::new();
    for (layer, source) in layers.into_iter().enumerate() {
        pack.layers.push(source.name.clone());
        for (name, text) in source.files {
            let file = PackFile::new(name, text);
            let raw = raw::parse(&file, source.config, &mut errors);
            files.push(ParsedFile { layer, file, raw });
        }
    }
    let mut compiler = Compiler {
        pack,
        files: &files,
        errors,
    };
    compiler.meta();
    let pending_roles = compiler.entities();
    compiler.lexicon();
    compiler.name_tables();
    compiler.role_titles(&pending_roles);
    compiler.triggers();
    compiler.checks();
    compiler.settings();
    compiler.house_style();
    let Compiler { pack, errors, .. } = compiler;
    if errors.is_empty() {
        Ok(pack)
    } else {
        Err(PackErrors::sorted(errors))
    }
}

/// A role waiting for the lexicon, which normalises its title.
struct PendingRole<'f> {
    entity: EntityIdx,
    role: usize,
    file: &'f ParsedFile,
    span: Range<usize>,
}

struct Compiler<'f> {
    pack: Pack,
    files: &'f [ParsedFile],
    errors: Vec<PackError>,
}

impl<'f> Compiler<'f> {
    fn meta(&mut self) {
        for pf in self.files {
            let Some(meta) = &pf.raw.meta else { continue };
            self.pack.info.push(PackInfo {
                id: meta.id.get_ref().clone(),
                version: meta.version.clone(),
                description: meta.description.clone(),
                origin: pf.origin(meta.id.span().start),
            });
            if let Some(d) = &meta.facts_as_of {
                self.pack.facts_as_of = self.date(pf, d).or(self.pack.facts_as_of);
            }
        }
    }

    fn date(&mut self, pf: &ParsedFile, value: &Spanned<String>) -> Option<Date> {
        match value.get_ref().parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.errors.push(pf.file.error(
                    Some(value.span()),
                    format!("invalid date {:?}: {e}", value.get_ref()),
                    "not a YYYY-MM-DD date",
                    Some("write dates as \"2025-01-20\"".into()),
                ));
                None
            }
        }
    }

    /// Defines and extends entities, then resolves their references.
    fn entities(&mut self) -> Vec<PendingRole<'f>> {
        // Where each id was first defined: its index and layer.
        let mut defined: HashMap<&'f str, (EntityIdx, usize)> = HashMap::new();
        let mut accepted: Vec<(&'f ParsedFile, &'f RawEntity, EntityIdx)> = Vec::new();
        for pf in self.files {
            for e in &pf.raw.entity {
                let id = e.id.get_ref().as_str();
                let origin = pf.origin(e.id.span().start);
                let kind = match &e.kind {
                    Some(k) => match self.entity_kind(pf, k) {
                        Some(kind) => Some(kind),
                        None => continue,
                    },
                    None => None,
                };
                if let Some(&(idx, layer)) = defined.get(id) {
                    let first = self.pack.entities[idx].origin.clone();
                    if layer == pf.layer {
                        self.errors.push(pf.file.error(
                            Some(e.id.span()),
                            format!("duplicate entity id {id:?}"),
                            "defined again here",
                            Some(format!(
                                "{id:?} is first defined at {first}; give each entity a unique id (a later layer may extend it)"
                            )),
                        ));
                        continue;
                    }
                    if let Some(kind) = kind.filter(|k| *k != self.pack.entities[idx].kind) {
                        self.errors.push(pf.file.error(
                            e.kind.as_ref().map(Spanned::span),
                            format!(
                                "entity {id:?} is a {:?} at {first}, not a {kind:?}",
                                self.pack.entities[idx].kind
                            ),
                            "kind differs",
                            Some("a layer can add names and roles to an entity but not change its kind".into()),
                        ));
                        continue;
                    }
                    let entity = &mut self.pack.entities[idx];
                    extend_unique(&mut entity.names, &e.names);
                    extend_unique(&mut entity.variants, &e.variants);
                    extend_unique(&mut entity.descriptors, &e.descriptors);
                    extend_unique(&mut entity.adjectives, &e.adjectives);
                    entity.extended_by.push(origin);
                    accepted.push((pf, e, idx));
                    continue;
                }
                let Some(kind) = kind else {
                    self.errors.push(pf.file.error(
                        Some(e.id.span()),
                        format!("entity {id:?} has no `kind`"),
                        "needs a kind",
                        Some("add `kind = \"person\"` (or place, org, event)".into()),
                    ));
                    continue;
                };
                if e.names.is_empty() {
                    self.errors.push(pf.file.error(
                        Some(e.id.span()),
                        format!("entity {id:?} has no names"),
                        "needs at least one name",
                        Some("add `names = [\"Full Name\", \"Surname\"]`; the first is the canonical name".into()),
                    ));
                    continue;
                }
                let idx = self.pack.entities.len();
                defined.insert(id, (idx, pf.layer));
                self.pack.entities.push(Entity {
                    id: id.to_string(),
                    kind,
                    names: e.names.clone(),
                    variants: e.variants.clone(),
                    descriptors: e.descriptors.clone(),
                    adjectives: e.adjectives.clone(),
                    within: None,
                    roles: Vec::new(),
                    origin,
                    extended_by: Vec::new(),
                });
                accepted.push((pf, e, idx));
            }
        }

        // References, now that every id is known.
        let broken: HashSet<&str> = self
            .files
            .iter()
            .flat_map(|pf| pf.raw.broken_ids.iter().map(String::as_str))
            .collect();
        let mut pending = Vec::new();
        for (pf, e, idx) in accepted {
            if let Some(w) = &e.within {
                let place = self.reference(pf, w, &defined, &broken);
                if place.is_some() {
                    self.pack.entities[idx].within = place;
                }
            }
            for role in &e.role {
                let of = role.of.as_ref().and_then(|o| self.reference(pf, o, &defined, &broken));
                let from = role.from.as_ref().and_then(|d| self.date(pf, d));
                let to = role.to.as_ref().and_then(|d| self.date(pf, d));
                if let (Some(f), Some(t), Some(span)) = (from, to, role.to.as_ref())
                    && t <= f
                {
                    self.errors.push(pf.file.error(
                        Some(span.span()),
                        format!("role ends ({t}) before it starts ({f})"),
                        "`to` is not after `from`",
                        Some("swap the dates or correct the year".into()),
                    ));
                }
                let roles = &mut self.pack.entities[idx].roles;
                pending.push(PendingRole {
                    entity: idx,
                    role: roles.len(),
                    file: pf,
                    span: role.title.span(),
                });
                roles.push(Role {
                    title: String::new(),
                    display: role.title.get_ref().clone(),
                    of,
                    from,
                    to,
                });
            }
        }
        pending
    }

    fn entity_kind(&mut self, pf: &ParsedFile, kind: &Spanned<String>) -> Option<EntityKind> {
        let parsed = match kind.get_ref().as_str() {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "org" => EntityKind::Org,
            "event" => EntityKind::Event,
            other => {
                let kinds = ["person", "place", "org", "event"];
                self.errors.push(
                    pf.file.error(
                        Some(kind.span()),
                        format!("unknown entity kind {other:?}"),
                        "unknown kind",
                        Some(
                            did_you_mean(other, kinds)
                                .unwrap_or_else(|| "use one of: person, place, org, event".to_string()),
                        ),
                    ),
                );
                return None;
            }
        };
        Some(parsed)
    }

    /// Resolves an entity id; an id whose definition could not be read is not reported again.
    fn reference(
        &mut self,
        pf: &ParsedFile,
        id: &Spanned<String>,
        defined: &HashMap<&str, (EntityIdx, usize)>,
        broken: &HashSet<&str>,
    ) -> Option<EntityIdx> {
        if let Some(&(idx, _)) = defined.get(id.get_ref().as_str()) {
            return Some(idx);
        }
        if !broken.contains(id.get_ref().as_str()) {
            let mut ids: Vec<&str> = defined.keys().copied().collect();
            ids.sort_unstable();
            self.errors.push(pf.file.error(
                Some(id.span()),
                format!("unknown entity {:?}", id.get_ref()),
                "no entity has this id",
                did_you_mean(id.get_ref(), ids),
            ));
        }
        None
    }

    /// The lexicon is the union of every file's lists.
    fn lexicon(&mut self) {
        for pf in self.files {
            let Some(l) = &pf.raw.lexicon else { continue };
            let lx = &mut self.pack.lexicon;
            let lists = [
                (&mut lx.title_heads, &l.title_heads),
                (&mut lx.title_modifiers, &l.title_modifiers),
                (&mut lx.former, &l.former),
                (&mut lx.then, &l.then),
                (&mut lx.acting, &l.acting),
                (&mut lx.elect, &l.elect),
                (&mut lx.event_nouns, &l.event_nouns),
                (&mut lx.auxiliaries, &l.auxiliaries),
                (&mut lx.negation, &l.negation),
                (&mut lx.negative_control, &l.negative_control),
                (&mut lx.control, &l.control),
                (&mut lx.hedge, &l.hedge),
                (&mut lx.planned, &l.planned),
                (&mut lx.hypothetical, &l.hypothetical),
                (&mut lx.reporting, &l.reporting),
                (&mut lx.clause_breaks, &l.clause_breaks),
                (&mut lx.not_names, &l.not_names),
                (&mut lx.event_parts, &l.event_parts),
                (&mut lx.leader_verbs, &l.leader_verbs),
                (&mut lx.group_nouns, &l.group_nouns),
                (&mut lx.leader_nouns, &l.leader_nouns),
            ];
            for (set, words) in lists {
                set.extend(words.iter().map(|w| fold(w)));
            }
            lx.title_synonyms
                .extend(l.title_synonyms.iter().map(|(k, v)| (fold(k), fold(v))));
        }
    }

    fn name_tables(&mut self) {
        let pack = &mut self.pack;
        for (idx, e) in pack.entities.iter().enumerate() {
            let names = e.names.iter().chain(&e.variants).map(|n| (n, false));
            for (name, descriptor) in names.chain(e.descriptors.iter().map(|d| (d, true))) {
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
    }

    /// Role titles are normalised with the lexicon; a title it cannot read would never match.
    fn role_titles(&mut self, pending: &[PendingRole<'_>]) {
        for p in pending {
            let key = name_key(&self.pack.entities[p.entity].roles[p.role].display);
            let words: Vec<&str> = key.split(' ').collect();
            let title = self.pack.title_key(&words);
            if title.is_empty() {
                self.errors.push(p.file.file.error(
                    Some(p.span.clone()),
                    format!("the title {key:?} has no office word the lexicon knows"),
                    "would never match",
                    Some("add its office word to `title_heads` in a `[lexicon]` table, e.g. title_heads = [\"ombudsman\"]".into()),
                ));
            }
            self.pack.entities[p.entity].roles[p.role].title = title;
        }
    }

    fn triggers(&mut self) {
        for pf in self.files {
            for t in &pf.raw.trigger {
                let property = match t.property.get_ref().as_str() {
                    "presence" => Property::Presence,
                    other => {
                        self.errors.push(pf.file.error(
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
                        self.errors.push(pf.file.error(
                            Some(t.polarity.span()),
                            format!("unknown polarity {other:?}"),
                            "unknown polarity",
                            Some("use \"affirm\" or \"deny\"".into()),
                        ));
                        continue;
                    }
                };
                let whole_day = match t.extent.as_ref().map(|e| e.get_ref().as_str()) {
                    None | Some("moment") => false,
                    Some("day") => true,
                    Some(other) => {
                        let span = t.extent.as_ref().map(Spanned::span);
                        self.errors.push(pf.file.error(
                            span,
                            format!("unknown extent {other:?}"),
                            "unknown extent",
                            Some("use \"moment\" (the default) or \"day\"".into()),
                        ));
                        continue;
                    }
                };
                for p in &t.patterns {
                    match compile_pattern(p.get_ref()) {
                        Ok(elements) => self.pack.triggers.push(Trigger {
                            property,
                            polarity,
                            pattern: p.get_ref().clone(),
                            elements,
                            whole_day,
                            origin: pf.origin(p.span().start),
                        }),
                        Err(msg) => self.errors.push(pf.file.error(
                            Some(p.span()),
                            msg,
                            "in this pattern",
                            Some(PATTERN_HELP.into()),
                        )),
                    }
                }
            }
        }
    }

    fn severity(&mut self, pf: &ParsedFile, value: &Spanned<String>, allow_off: bool) -> Option<Option<Severity>> {
        let parsed = match value.get_ref().as_str() {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "advice" => Some(Severity::Advice),
            "off" if allow_off => None,
            other => {
                let choices: &[&str] = if allow_off {
                    &["error", "warning", "advice", "off"]
                } else {
                    &["error", "warning", "advice"]
                };
                self.errors.push(
                    pf.file.error(
                        Some(value.span()),
                        format!("unknown severity {other:?}"),
                        "unknown severity",
                        Some(
                            did_you_mean(other, choices.iter().copied())
                                .unwrap_or_else(|| format!("use one of: {}", choices.join(", "))),
                        ),
                    ),
                );
                return None;
            }
        };
        Some(parsed)
    }

    /// Defines checks and lets later layers adjust them; then compiles their examples.
    fn checks(&mut self) {
        let mut defined: HashMap<&'f str, (usize, usize)> = HashMap::new();
        let mut examples: Vec<(&'f ParsedFile, usize, &'f RawExample)> = Vec::new();
        for pf in self.files {
            for c in &pf.raw.check {
                let code = c.code.get_ref().as_str();
                if !crate::check::CODES.contains(&code) {
                    self.errors.push(pf.file.error(
                        Some(c.code.span()),
                        format!("factlint has no check {code:?}"),
                        "unknown check",
                        Some(
                            did_you_mean(code, crate::check::CODES.iter().copied()).unwrap_or_else(|| {
                                format!(
                                    "packs configure the checks factlint implements: {}",
                                    crate::check::CODES.join(", ")
                                )
                            }),
                        ),
                    ));
                    continue;
                }
                let severity = match &c.severity {
                    Some(s) => match self.severity(pf, s, false) {
                        Some(s) => s,
                        None => continue,
                    },
                    None => None,
                };
                let index = match defined.get(code) {
                    Some(&(index, layer)) if layer == pf.layer => {
                        let first = self.pack.checks[index].origin.clone();
                        self.errors.push(pf.file.error(
                            Some(c.code.span()),
                            format!("check {code:?} is defined twice in one layer"),
                            "defined again here",
                            Some(format!("it is first defined at {first}")),
                        ));
                        continue;
                    }
                    Some(&(index, _)) => {
                        let def = &mut self.pack.checks[index];
                        def.severity = severity.unwrap_or(def.severity);
                        if let Some(m) = &c.message {
                            def.message.clone_from(m);
                        }
                        if let Some(h) = &c.help {
                            def.help.clone_from(h);
                        }
                        if let Some(docs) = &c.docs {
                            def.what.clone_from(&docs.what);
                            def.why.clone_from(&docs.why);
                            def.example.clone_from(&docs.example);
                        }
                        index
                    }
                    None => {
                        let Some(def) = self.new_check(pf, c, severity) else {
                            continue;
                        };
                        self.pack.checks.push(def);
                        defined.insert(code, (self.pack.checks.len() - 1, pf.layer));
                        self.pack.checks.len() - 1
                    }
                };
                examples.extend(c.example.iter().map(|e| (pf, index, e)));
            }
        }
        let codes: Vec<String> = self.pack.checks.iter().map(|c| c.code.clone()).collect();
        for (pf, index, raw) in examples {
            let code = self.pack.checks[index].code.clone();
            if let Some(example) = self.example(pf, &code, raw, &codes) {
                if self.pack.checks[index].examples.iter().any(|e| e.name == example.name) {
                    self.errors.push(pf.file.error(
                        Some(raw.name.span()),
                        format!("check {code:?} already has an example named {:?}", example.name),
                        "duplicate example name",
                        Some("name each example of a check differently; the name identifies it in test output".into()),
                    ));
                    continue;
                }
                self.pack.checks[index].examples.push(example);
            }
        }
    }

    fn new_check(&mut self, pf: &ParsedFile, c: &RawCheck, severity: Option<Severity>) -> Option<CheckDef> {
        let missing: Vec<&str> = [
            ("severity", severity.is_none()),
            ("message", c.message.is_none()),
            ("help", c.help.is_none()),
            ("docs", c.docs.is_none()),
        ]
        .into_iter()
        .filter_map(|(key, absent)| absent.then_some(key))
        .collect();
        if !missing.is_empty() {
            self.errors.push(pf.file.error(
                Some(c.code.span()),
                format!(
                    "check {:?} is first defined here but has no {}",
                    c.code.get_ref(),
                    missing.join(", ")
                ),
                "incomplete definition",
                Some(
                    "a check's first definition needs severity, message, help and [check.docs] what/why/example".into(),
                ),
            ));
            return None;
        }
        let docs = c.docs.as_ref()?;
        Some(CheckDef {
            code: c.code.get_ref().clone(),
            severity: severity?,
            enabled: true,
            message: c.message.clone()?,
            help: c.help.clone()?,
            what: docs.what.clone(),
            why: docs.why.clone(),
            example: docs.example.clone(),
            examples: Vec::new(),
            origin: pf.origin(c.code.span().start),
            setting: None,
        })
    }

    fn example(&mut self, pf: &ParsedFile, check: &str, raw: &RawExample, codes: &[String]) -> Option<Example> {
        let errors_before = self.errors.len();
        let name = raw.name.get_ref().trim().to_string();
        if name.is_empty() {
            self.errors.push(
                pf.file
                    .error(Some(raw.name.span()), "an example needs a name", "empty name", None),
            );
        }
        if raw.doc.is_empty() {
            self.errors.push(pf.file.error(
                Some(raw.name.span()),
                format!("example {name:?} has no documents"),
                "no [[check.example.doc]]",
                Some("add at least one `[[check.example.doc]]` with a name and a text".into()),
            ));
        }
        let mut docs: Vec<ExampleDoc> = Vec::new();
        for d in &raw.doc {
            let doc_name = d.name.get_ref().clone();
            if docs.iter().any(|existing| existing.name == doc_name) {
                self.errors.push(pf.file.error(
                    Some(d.name.span()),
                    format!("example {name:?} has two documents named {doc_name:?}"),
                    "duplicate document name",
                    None,
                ));
            }
            if !crate::source::has_article_extension(std::path::Path::new(&doc_name)) {
                self.errors.push(pf.file.error(
                    Some(d.name.span()),
                    format!("example document {doc_name:?} needs a .md, .markdown or .txt extension"),
                    "no known extension",
                    Some("the extension says how to read the text, as for files on disk".into()),
                ));
            }
            let date = d.date.as_ref().and_then(|v| self.date(pf, v));
            docs.push(ExampleDoc {
                name: doc_name,
                date,
                text: d.text.clone(),
            });
        }
        let mut expect = Vec::new();
        for e in &raw.expect {
            let code = e.code.as_ref().map_or(check, |c| c.get_ref().as_str());
            if let Some(c) = &e.code
                && !codes.iter().any(|known| known == code)
            {
                self.errors.push(pf.file.error(
                    Some(c.span()),
                    format!("no check {code:?} is defined"),
                    "unknown check",
                    did_you_mean(code, codes.iter().map(String::as_str)),
                ));
            }
            match docs.iter().find(|d| d.name == *e.doc.get_ref()) {
                None => self.errors.push(pf.file.error(
                    Some(e.doc.span()),
                    format!("example {name:?} has no document named {:?}", e.doc.get_ref()),
                    "unknown document",
                    did_you_mean(e.doc.get_ref(), docs.iter().map(|d| d.name.as_str())),
                )),
                Some(d) if e.text.get_ref().is_empty() || !d.text.contains(e.text.get_ref().as_str()) => {
                    self.errors.push(pf.file.error(
                        Some(e.text.span()),
                        format!("the expected text does not occur in {:?}", d.name),
                        "not in the document",
                        Some("copy the exact words the finding should underline from the document's text".into()),
                    ))
                }
                Some(_) => {}
            }
            expect.push(Expectation {
                code: code.to_string(),
                doc: e.doc.get_ref().clone(),
                text: e.text.get_ref().clone(),
            });
        }
        (self.errors.len() == errors_before).then(|| Example {
            check: check.to_string(),
            name,
            docs,
            expect,
            pack: raw.pack.clone(),
            origin: pf.origin(raw.name.span().start),
        })
    }

    /// `[checks]` tables: turn checks off or change their severity, layer by layer.
    fn settings(&mut self) {
        for pf in self.files {
            for key in &pf.raw.checks_keys {
                let code = key.get_ref().as_str();
                let Some(value) = pf.raw.checks.get(code) else { continue };
                let Some(index) = self.pack.checks.iter().position(|c| c.code == code) else {
                    let codes: Vec<&str> = self.pack.checks.iter().map(|c| c.code.as_str()).collect();
                    let help = did_you_mean(code, codes.iter().copied())
                        .unwrap_or_else(|| format!("the checks are: {}", codes.join(", ")));
                    self.errors.push(pf.file.error(
                        Some(key.span()),
                        format!("no check {code:?} to configure"),
                        "unknown check",
                        Some(help),
                    ));
                    continue;
                };
                let Some(setting) = self.severity(pf, value, true) else {
                    continue;
                };
                let def = &mut self.pack.checks[index];
                def.enabled = setting.is_some();
                def.severity = setting.unwrap_or(def.severity);
                def.setting = Some(pf.origin(key.span().start));
            }
        }
    }

    fn house_style(&mut self) {
        let mut seen: HashMap<String, Origin> = HashMap::new();
        for pf in self.files {
            let Some(style) = &pf.raw.house_style else { continue };
            for s in &style.spelling {
                let prefer = s.prefer.get_ref().trim();
                let origin = pf.origin(s.prefer.span().start);
                if prefer.is_empty() || s.avoid.is_empty() {
                    self.errors.push(pf.file.error(
                        Some(s.prefer.span()),
                        "a house spelling needs a preferred form and at least one form to avoid",
                        "incomplete spelling",
                        Some("e.g. prefer = \"Zelenskyy\", avoid = [\"Zelensky\", \"Zelenskiy\"]".into()),
                    ));
                    continue;
                }
                let mut avoid = Vec::new();
                for form in &s.avoid {
                    let text = form.get_ref().trim();
                    let problem = if text.is_empty() {
                        Some(("an avoided form is empty".to_string(), None))
                    } else if text == prefer {
                        Some((format!("{text:?} is both preferred and avoided"), None))
                    } else {
                        seen.get(text)
                            .map(|first| (format!("{text:?} is already avoided"), Some(format!("see {first}"))))
                    };
                    if let Some((message, help)) = problem {
                        self.errors
                            .push(pf.file.error(Some(form.span()), message, "here", help));
                        continue;
                    }
                    seen.insert(text.to_string(), origin.clone());
                    avoid.push(text.to_string());
                }
                self.pack.house_style.spellings.push(HouseSpelling {
                    prefer: prefer.to_string(),
                    avoid,
                    origin,
                });
            }
        }
        let HouseStyle { spellings, forms, .. } = &mut self.pack.house_style;
        forms.extend(
            spellings
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.avoid.iter().map(move |a| (i, a.clone()))),
        );
        if !forms.is_empty() {
            // Case-sensitive on purpose: house style is about exact spelling.
            let matcher = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(forms.iter().map(|(_, f)| f));
            self.pack.house_style.matcher = matcher.ok();
        }
    }
}

fn extend_unique(list: &mut Vec<String>, more: &[String]) {
    for item in more {
        if !list.contains(item) {
            list.push(item.clone());
        }
    }
}

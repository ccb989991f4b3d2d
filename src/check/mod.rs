//! Checks: compare claims grouped by key and turn disagreements into findings.
//!
//! Claims are grouped by entity with hash maps, so the cost grows with the
//! number of claims, never with the number of pairs of documents. Only
//! asserted claims take part; hedged, planned, quoted, hypothetical and
//! question claims never contradict anything.

mod counts;
mod dates;
mod house_style;
mod leaders;
mod places;
mod presence;
mod sides;
mod spelling;
mod titles;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostic::{Finding, Label, Severity};
use crate::extract::{Analysis, Claim};
use crate::pack::{CheckDef, Pack};
use crate::resolve::Resolution;
use crate::source::Document;

/// The codes of the checks factlint implements; a pack configures these and no others.
pub const CODES: &[&str] = &[
    "presence-conflict",
    "stale-title",
    "title-conflict",
    "spelling-variant",
    "undated-source",
    "house-spelling",
    "leader-conflict",
    "office-conflict",
    "count-conflict",
    "conflicting-reports",
    "date-conflict",
    "place-conflict",
];

/// Settings that change what the checks report.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Sources more than this many days apart are not from the same period.
    pub same_period_days: i64,
    /// Claims about an event (who led a delegation, a toll, a date) from texts published
    /// more than this many days apart are taken to be about different occurrences.
    pub event_window_days: i64,
    /// Per-check severity overrides; `None` turns a check off.
    pub severities: HashMap<String, Option<Severity>>,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            same_period_days: 30,
            event_window_days: 7,
            severities: HashMap::new(),
        }
    }
}

/// Everything the checks read: the documents, what was extracted from them, and who is who.
pub struct Corpus<'a> {
    pub pack: &'a Pack,
    pub docs: &'a [Document],
    pub analyses: &'a [Analysis],
    pub resolution: &'a Resolution,
    /// Which story each text belongs to when the resolution did not say: computed on
    /// first use (see [`Corpus::story_groups`]).
    stories: std::sync::OnceLock<Vec<usize>>,
    /// Each document's publication date in days since 1970-01-01: the checks
    /// compare dates of every pair of claims in a group, which for a person an archive
    /// names in thousands of texts is millions of comparisons.
    days: Vec<Option<i32>>,
}

/// A claim by its document and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimRef {
    pub doc: usize,
    pub claim: usize,
}

impl<'a> Corpus<'a> {
    pub fn new(pack: &'a Pack, docs: &'a [Document], analyses: &'a [Analysis], resolution: &'a Resolution) -> Self {
        Corpus {
            pack,
            docs,
            analyses,
            resolution,
            stories: std::sync::OnceLock::new(),
            days: docs
                .iter()
                .map(|d| {
                    d.meta
                        .date
                        .as_ref()
                        .map(|d| (d.date - Date::constant(1970, 1, 1)).get_days())
                })
                .collect(),
        }
    }

    /// Which story each text belongs to ([`story_ids`]): resolution groups names by story
    /// too, so its story ids are read when it has them, else computed once.
    fn stories(&self) -> &[usize] {
        if self.resolution.stories.len() == self.analyses.len() {
            return &self.resolution.stories;
        }
        self.stories.get_or_init(|| story_ids(self.analyses))
    }

    pub fn claim(&self, r: ClaimRef) -> &'a Claim {
        &self.analyses[r.doc].claims[r.claim]
    }

    /// The entity a claim is about.
    pub fn subject(&self, r: ClaimRef) -> usize {
        self.resolution.entity_of(r.doc, self.claim(r).subject)
    }

    /// Every claim, in document order.
    pub fn claims(&self) -> impl Iterator<Item = ClaimRef> + '_ {
        self.analyses
            .iter()
            .enumerate()
            .flat_map(|(doc, a)| (0..a.claims.len()).map(move |claim| ClaimRef { doc, claim }))
    }

    /// [`Corpus::claims`] on every thread: collected into a vector, they keep that order.
    /// For the passes over every claim of an archive, which are a serial step otherwise.
    pub fn par_claims(&self) -> impl ParallelIterator<Item = ClaimRef> + '_ {
        self.analyses
            .par_iter()
            .enumerate()
            .flat_map_iter(|(doc, a)| (0..a.claims.len()).map(move |claim| ClaimRef { doc, claim }))
    }

    pub fn date(&self, doc: usize) -> Option<Date> {
        self.docs[doc].meta.date.as_ref().map(|d| d.date)
    }

    /// The publication year of a document, when it is dated.
    pub fn year(&self, doc: usize) -> Option<i32> {
        self.date(doc).map(|d| i32::from(d.year()))
    }

    /// Whether two texts may tell one story: the same text, texts sharing at least two
    /// proper nouns ("Osmera", "Tarvo"; one for texts naming fewer than six), or texts
    /// too short on names to tell (the user
    /// grouped them). Keeps a toll in one disaster from being compared with a toll in
    /// another when a repository holds both.
    pub fn same_story(&self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        let (x, y) = (&self.analyses[a].proper_nouns, &self.analyses[b].proper_nouns);
        if x.len() < 3 || y.len() < 3 {
            return true;
        }
        // Short texts name few things: one shared name is enough for them.
        let needed = if x.len().min(y.len()) < 6 { 1 } else { 2 };
        sorted_common(x, y).nth(needed - 1).is_some()
    }

    /// Splits items into the groups within which two may tell one story, so that pairs
    /// are formed inside a story and never across a whole archive.
    ///
    /// Texts are linked when they share a proper noun few texts use (a union-find over
    /// an inverted index, linear in the names); a text naming too few proper nouns to
    /// tell joins every group. [`Corpus::same_story`] still decides each pair.
    pub fn story_groups<T: Copy>(&self, items: &[T], doc_of: impl Fn(T) -> usize) -> Vec<Vec<T>> {
        group_by_story(self.stories(), items, doc_of)
    }

    /// Whether two documents were published within `days` of each other; an
    /// undated document is taken to be about the corpus's event.
    pub fn same_period(&self, a: usize, b: usize, days: i64) -> bool {
        match (self.days[a], self.days[b]) {
            (Some(x), Some(y)) => i64::from(x - y).abs() <= days,
            _ => true,
        }
    }

    /// The file name to cite in help texts.
    pub fn file_name(&self, doc: usize) -> String {
        let path = &self.docs[doc].path;
        path.file_name()
            .map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned())
    }

    pub fn display(&self, entity: usize) -> &str {
        &self.resolution.entities[entity].display
    }
}

/// A finding being built: the check's definition fills in code, severity and templates.
pub(crate) struct Draft {
    pub code: &'static str,
    pub vars: Vec<(&'static str, String)>,
    pub labels: Vec<Label>,
    /// A ceiling on the check's severity for this finding: a one-day date drift is
    /// at most a warning whatever the check's severity.
    pub at_most: Option<Severity>,
}

fn fill(template: &str, vars: &[(&'static str, String)]) -> String {
    let mut out = template.to_string();
    for (key, value) in vars {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// A proper noun used by more texts than this does not link them into one story.
pub(crate) const RARE_NAME_LIMIT: usize = 25;

/// The most texts one story may hold.
const STORY_LIMIT: usize = 200;

/// How many items of texts without enough proper nouns are joined to every story group.
const STORYLESS_LIMIT: usize = 16;

/// The items two sorted lists share.
pub(crate) fn sorted_common<'a, T: Ord + Copy>(x: &'a [T], y: &'a [T]) -> impl Iterator<Item = T> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(x[i - 1]);
                }
            }
        }
        None
    })
}

/// Splits items into story groups by the story ids of their texts ([`story_ids`]); see
/// [`Corpus::story_groups`].
pub(crate) fn group_by_story<T: Copy>(stories: &[usize], items: &[T], doc_of: impl Fn(T) -> usize) -> Vec<Vec<T>> {
    let mut groups: BTreeMap<usize, Vec<T>> = BTreeMap::new();
    let mut anywhere = Vec::new();
    for &item in items {
        match stories[doc_of(item)] {
            usize::MAX => anywhere.push(item),
            story => groups.entry(story).or_default().push(item),
        }
    }
    if groups.is_empty() {
        return vec![anywhere];
    }
    // A few such texts (a draft, a short brief) are compared with every story; many
    // of them (an archive of briefs) only with each other, or pairs would explode.
    if anywhere.len() > STORYLESS_LIMIT {
        let mut out: Vec<Vec<T>> = groups.into_values().collect();
        out.push(anywhere);
        return out;
    }
    groups
        .into_values()
        .map(|mut group| {
            group.extend(anywhere.iter().copied());
            group
        })
        .collect()
}

/// The texts that use each proper noun (hashes, as in [`Analysis::proper_nouns`]), in
/// text order.
pub(crate) type NounUsers = rustc_hash::FxHashMap<u64, Vec<usize>>;

pub(crate) fn noun_users<A: std::borrow::Borrow<Analysis>>(analyses: &[A]) -> NounUsers {
    let mut users = NounUsers::default();
    for (doc, analysis) in analyses.iter().enumerate() {
        for &noun in &analysis.borrow().proper_nouns {
            users.entry(noun).or_default().push(doc);
        }
    }
    users
}

/// A story id per text: texts sharing a rarely used proper noun share an id;
/// `usize::MAX` for a text that names too few to tell.
pub(crate) fn story_ids<A: std::borrow::Borrow<Analysis>>(analyses: &[A]) -> Vec<usize> {
    stories_of(analyses, &noun_users(analyses))
}

/// [`story_ids`] from the texts' [`noun_users`], for a caller that reads them too.
pub(crate) fn stories_of<A: std::borrow::Borrow<Analysis>>(analyses: &[A], users: &NounUsers) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..analyses.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // A name many texts use ("Europe") says nothing about the story, and a story is
    // never larger than STORY_LIMIT texts: in a large archive, chains of names shared
    // by two events would otherwise join everything into one story.
    let mut size = vec![1usize; analyses.len()];
    let mut nouns: Vec<(&u64, &Vec<usize>)> = users.iter().filter(|(_, d)| d.len() <= RARE_NAME_LIMIT).collect();
    nouns.sort_unstable();
    for (_, docs) in nouns {
        for pair in docs.windows(2) {
            let (a, b) = (root(&mut parent, pair[0]), root(&mut parent, pair[1]));
            if a != b && size[a] + size[b] <= STORY_LIMIT {
                let (keep, join) = (a.min(b), a.max(b));
                parent[join] = keep;
                size[keep] += size[join];
            }
        }
    }
    (0..analyses.len())
        .map(|doc| {
            if analyses[doc].borrow().proper_nouns.len() < 3 {
                usize::MAX
            } else {
                root(&mut parent, doc)
            }
        })
        .collect()
}

/// Runs every check and returns the findings, sorted for stable output.
pub fn run(corpus: &Corpus, options: &CheckOptions) -> Vec<Finding> {
    // Each check is a task of its own, and rayon shares the tasks among the threads:
    // their costs differ tenfold (the title and name checks read the largest tables),
    // so two fixed groups left one thread idle most of the time. `title-conflict`
    // follows `stale-title`, whose reported claims it skips. The findings are joined in
    // this order, so the result does not depend on which thread ran what.
    type Task = fn(&Corpus, &CheckOptions, &mut Vec<Draft>);
    const TASKS: [Task; 9] = [
        |corpus, _, drafts| presence::check(corpus, drafts),
        |corpus, options, drafts| {
            let stale = titles::stale_title(corpus, options, drafts);
            titles::title_conflict(corpus, options, &stale, drafts);
        },
        |corpus, options, drafts| titles::office_conflict(corpus, options, drafts),
        |corpus, _, drafts| spelling::check(corpus, drafts),
        |corpus, _, drafts| house_style::check(corpus, drafts),
        |corpus, options, drafts| leaders::check(corpus, options, drafts),
        |corpus, options, drafts| counts::check(corpus, options, drafts),
        |corpus, options, drafts| dates::check(corpus, options, drafts),
        |corpus, _, drafts| places::check(corpus, drafts),
    ];
    let drafts: Vec<Vec<Draft>> = TASKS
        .par_iter()
        .with_max_len(1)
        .map(|task| {
            let mut drafts = Vec::new();
            task(corpus, options, &mut drafts);
            drafts
        })
        .collect();

    let mut findings: Vec<Finding> = drafts
        .into_iter()
        .flatten()
        .filter_map(|draft| {
            let def: &CheckDef = corpus.pack.check(draft.code)?;
            let severity = match options.severities.get(draft.code) {
                Some(None) => return None,
                Some(Some(s)) => *s,
                None if def.enabled => def.severity,
                None => return None,
            };
            let severity = draft.at_most.map_or(severity, |cap| severity.min(cap));
            let help = fill(&def.help, &draft.vars);
            Some(Finding {
                code: def.code.clone(),
                severity,
                message: fill(&def.message, &draft.vars),
                help: (!help.is_empty()).then_some(help),
                labels: draft.labels,
            })
        })
        .collect();
    let key = |f: &Finding| {
        let primary = f.labels.first();
        (
            primary.map(|l| (corpus.docs[l.doc].path.clone(), l.span.start, l.span.end)),
            f.code.clone(),
            f.message.clone(),
        )
    };
    findings.sort_by_cached_key(key);
    findings.dedup();
    findings
}

/// Folded words in title case, for messages: "port aster" → "Port Aster".
pub(crate) fn title_case(folded: &str) -> String {
    folded
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place as messages name it: the pack's name, or the text's words in title case.
pub(crate) fn place_name(corpus: &Corpus, place: &crate::extract::PlaceRef) -> String {
    match place {
        crate::extract::PlaceRef::Pack(idx) => corpus.pack.entities[*idx].name().to_string(),
        crate::extract::PlaceRef::Named(name) => title_case(name),
    }
}

/// "1 source" / "3 sources".
pub(crate) fn sources(n: usize) -> String {
    if n == 1 {
        "1 source".to_string()
    } else {
        format!("{n} sources")
    }
}

/// Lists file names for a help text: "a.md, b.md".
pub(crate) fn file_list(corpus: &Corpus, docs: &[usize]) -> String {
    docs.iter().map(|&d| corpus.file_name(d)).collect::<Vec<_>>().join(", ")
}

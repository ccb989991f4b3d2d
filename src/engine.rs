//! The engine: runs the pipeline over a set of files, documents in parallel.
//!
//! Memory grows with the number of claims, not with the bytes of text: each document
//! is loaded, segmented and analysed in one go, and only its analysis (mentions, claims,
//! a few copied words) and metadata are kept. Names are linked across documents, so a
//! document is first analysed with the people it names itself; the few documents whose
//! reading could change once every document's names are known are analysed again (see
//! [`crate::extract::mentions::lookup_probes`]). After the checks, only the files a
//! finding points into are read again, for the reporter.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;
use rustc_hash::FxHashSet;

use crate::check::{self, CheckOptions, Corpus};
use crate::diagnostic::Finding;
use crate::extract::mentions::{Probes, lookup_probes};
use crate::extract::{Analysis, Extractor, NameTable};
use crate::pack::Pack;
use crate::resolve::{Resolution, resolve};
use crate::source::{self, Document, LoadError, LoadOptions};
use crate::text::Segmented;
use crate::timing;

/// What to check and how.
#[derive(Default)]
pub struct RunOptions {
    pub load: LoadOptions,
    pub check: CheckOptions,
    /// Keep the text only of the documents a finding points into (what a report needs),
    /// instead of every document's: memory then grows with claims, not bytes of text.
    pub cited_texts_only: bool,
    /// Drop the analyses and the name resolution once the checks have run, leaving
    /// [`Run::analyses`] empty: a report reads only the findings and the documents. With
    /// [`RunOptions::cited_texts_only`], the cited texts are then read back without the
    /// analyses still in memory.
    pub findings_only: bool,
}

/// The result of a run: the documents that loaded, what was found, and the files that could not be read.
pub struct Run {
    /// Every document that loaded, in path order. With [`RunOptions::cited_texts_only`],
    /// only the documents a finding points into keep their original text (`source`; not
    /// `text` nor `blocks`); the others keep their path and metadata.
    pub docs: Vec<Document>,
    /// By document; empty with [`RunOptions::findings_only`].
    pub analyses: Vec<Analysis>,
    /// Empty with [`RunOptions::findings_only`].
    pub resolution: Resolution,
    pub findings: Vec<Finding>,
    pub load_errors: Vec<LoadError>,
}

/// The people named in full anywhere in the run, gathered as documents are analysed.
///
/// One set for the run rather than a list per document: the run's name table needs
/// only the distinct names, and a document analysed again discovers its own again.
#[derive(Default)]
struct RunPeople(Mutex<FxHashSet<String>>);

impl RunPeople {
    /// Adds the people one document names in full.
    fn add(&self, people: Vec<String>) {
        // Poisoned only by a panic in another thread, which rayon passes on anyway.
        let mut set = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        set.extend(people);
    }

    /// The distinct names, sorted: the same list whatever order the threads added them in.
    fn into_sorted(self) -> Vec<String> {
        let set = self.0.into_inner().unwrap_or_else(PoisonError::into_inner);
        let mut people: Vec<String> = set.into_iter().collect();
        people.sort_unstable();
        people
    }
}

/// Analyses a document with the people it names itself, adds them to the run's, and
/// returns the analysis with the names whose reading may change with the whole run's
/// names ([`lookup_probes`]).
///
/// `segmented` is the thread's scratch space, reused from document to document.
fn first_pass(
    extractor: &Extractor,
    pack: &Pack,
    doc: &Document,
    segmented: &mut Segmented,
    run_people: &RunPeople,
) -> (Analysis, Probes) {
    let people = extractor.discover_into(doc, segmented);
    let own = NameTable::build([&people], pack);
    let probes = lookup_probes(segmented, pack, &own);
    let analysis = extractor.analyze(doc, segmented, &people, &own);
    run_people.add(people);
    (analysis, probes)
}

/// Every document after the first pass, one vector per part, by document.
///
/// Parts, not a vector of per-document structs: the documents and analyses become the
/// [`Run`]'s as they are, and the probes are dropped, where splitting such a vector
/// would hold both copies at once.
struct FirstPasses {
    docs: Vec<Document>,
    analyses: Vec<Analysis>,
    probes: Vec<Probes>,
    /// The distinct people named in full across the run, sorted.
    people: Vec<String>,
}

/// Drops a document's text, keeping its path and metadata.
fn release_text(doc: &mut Document) {
    doc.source = String::new();
    doc.text = String::new();
    doc.blocks = Vec::new();
}

/// Checks the files and directories in `inputs` against each other.
///
/// A file that cannot be loaded is reported in [`Run::load_errors`] and the
/// others are still checked. Output order does not depend on thread count.
pub fn run(inputs: &[PathBuf], pack: &Pack, options: &RunOptions) -> Run {
    let discover_phase = timing::phase("discover files");
    let (paths, mut load_errors) = source::discover(inputs);
    drop(discover_phase);
    let first_phase = timing::phase("load and analyse");
    let extractor = Extractor::new(pack);
    let run_people = RunPeople::default();
    // Each part is written in place, in path order; a file that fails to load leaves
    // empty parts behind, removed below. Each path is dropped once read: its document
    // keeps a copy.
    type Parts = (Vec<Result<Document, LoadError>>, (Vec<Analysis>, Vec<Probes>));
    let (mut loaded, (mut analyses, mut probes)): Parts = paths
        .into_par_iter()
        .map_init(Segmented::default, |segmented, path| {
            let mut doc = match source::load(&path, &options.load) {
                Ok(doc) => doc,
                Err(e) => return (Err(e), Default::default()),
            };
            let parts = first_pass(&extractor, pack, &doc, segmented, &run_people);
            if options.cited_texts_only {
                release_text(&mut doc);
            }
            (Ok(doc), parts)
        })
        .unzip();
    if loaded.iter().any(Result::is_err) {
        let is_loaded: Vec<bool> = loaded.iter().map(Result::is_ok).collect();
        retain_loaded(&mut analyses, &is_loaded);
        retain_loaded(&mut probes, &is_loaded);
        load_errors.extend(loaded.extract_if(.., |r| r.is_err()).filter_map(Result::err));
    }
    drop(first_phase);
    // Collected in place: the standard library reuses the allocation of `loaded`.
    let docs: Vec<Document> = loaded.into_iter().filter_map(Result::ok).collect();
    let firsts = FirstPasses {
        docs,
        analyses,
        probes,
        people: run_people.into_sorted(),
    };
    let reload = |doc: &Document| {
        if options.cited_texts_only {
            source::load(&doc.path, &options.load).ok()
        } else {
            Some(doc.clone())
        }
    };
    let mut run = finish(&extractor, pack, firsts, &options.check, load_errors, reload);
    if options.findings_only {
        // Freed on every thread: an archive's analyses are millions of allocations.
        std::mem::take(&mut run.analyses).into_par_iter().for_each(drop);
        run.resolution = Resolution::default();
    }
    if !options.cited_texts_only {
        return run;
    }
    let _reread = timing::phase("re-read cited files");
    // The reporter needs the text of the files a finding points into, and only those.
    let cited: BTreeSet<usize> = run
        .findings
        .iter()
        .flat_map(|f| f.labels.iter().map(|l| l.doc))
        .collect();
    let cited: Vec<usize> = cited.into_iter().collect();
    // Reports quote the original file and nothing else of it: its metadata is kept from
    // the first pass, so the file is only read, not analysed again. A file gone or no
    // longer text since is quoted as empty.
    let sources: Vec<Option<String>> = cited
        .par_iter()
        .map(|&i| String::from_utf8(std::fs::read(&run.docs[i].path).ok()?).ok())
        .collect();
    for (i, source) in cited.into_iter().zip(sources) {
        if let Some(source) = source {
            run.docs[i].source = source;
        }
    }
    run
}

/// Keeps the items of the documents that loaded.
fn retain_loaded<T>(items: &mut Vec<T>, is_loaded: &[bool]) {
    let mut loaded = is_loaded.iter();
    items.retain(|_| loaded.next().copied().unwrap_or(false));
}

/// Checks documents already in memory (rule-pack examples, tests); they are kept whole.
pub fn run_documents(docs: Vec<Document>, load_errors: Vec<LoadError>, pack: &Pack, options: &RunOptions) -> Run {
    let extractor = Extractor::new(pack);
    let run_people = RunPeople::default();
    let (analyses, probes) = docs
        .par_iter()
        .map_init(Segmented::default, |segmented, doc| {
            first_pass(&extractor, pack, doc, segmented, &run_people)
        })
        .unzip();
    let firsts = FirstPasses {
        docs,
        analyses,
        probes,
        people: run_people.into_sorted(),
    };
    finish(&extractor, pack, firsts, &options.check, load_errors, |doc| {
        Some(doc.clone())
    })
}

/// Links names across documents, analyses again the documents whose reading that
/// changes (`reload` gives their text back), and runs the checks.
fn finish(
    extractor: &Extractor,
    pack: &Pack,
    firsts: FirstPasses,
    options: &CheckOptions,
    load_errors: Vec<LoadError>,
    reload: impl Fn(&Document) -> Option<Document> + Sync,
) -> Run {
    let FirstPasses {
        docs,
        mut analyses,
        probes,
        people,
    } = firsts;
    let table_phase = timing::phase("name table");
    let names = NameTable::build([&people], pack);
    drop(people);
    let hits = names.probe_hits();
    drop(table_phase);
    let again_phase = timing::phase("analyse again");
    analyses.par_iter_mut().zip(&docs).zip(&probes).for_each_init(
        Segmented::default,
        |segmented, ((analysis, doc), probes)| {
            if !hits.any(probes) {
                return;
            }
            // A file gone since the first pass keeps what was read then.
            if let Some(full) = reload(doc) {
                let own = extractor.discover_into(&full, segmented);
                *analysis = extractor.analyze(&full, segmented, &own, &names);
            }
        },
    );
    drop(probes);
    drop(again_phase);
    let resolve_phase = timing::phase("resolve names");
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let resolution = resolve(pack, &names, &refs);
    drop(resolve_phase);
    let checks_phase = timing::phase("checks");
    let corpus = Corpus::new(pack, &docs, &analyses, &resolution);
    let findings = check::run(&corpus, options);
    drop(checks_phase);
    Run {
        docs,
        analyses,
        resolution,
        findings,
        load_errors,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Analyses every document with the whole run's names from the start: what the
    /// first pass plus re-analysis must reproduce.
    fn reference(docs: &[Document], pack: &Pack) -> Vec<Analysis> {
        let extractor = Extractor::new(pack);
        let discovered: Vec<_> = docs.iter().map(|d| extractor.discover(d)).collect();
        let names = NameTable::build(discovered.iter().map(|(_, people)| people), pack);
        docs.iter()
            .zip(discovered)
            .map(|(doc, (segmented, people))| extractor.analyze(doc, &segmented, &people, &names))
            .collect()
    }

    #[test]
    fn first_pass_and_reanalysis_match_analysing_with_every_name() {
        let pack = Pack::builtin().expect("the built-in pack loads");
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let (paths, _) = source::discover(&[fixtures]);
        let docs: Vec<Document> = paths
            .iter()
            .map(|p| source::load(p, &LoadOptions::default()).expect("fixtures load"))
            .collect();
        let expected = reference(&docs, &pack);
        for cited_texts_only in [false, true] {
            let options = RunOptions {
                cited_texts_only,
                ..RunOptions::default()
            };
            let run = run(
                &[std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")],
                &pack,
                &options,
            );
            assert_eq!(run.analyses.len(), expected.len());
            for (got, want) in run.analyses.iter().zip(&expected) {
                assert_eq!(got.mentions, want.mentions);
                assert_eq!(got.claims, want.claims);
                assert_eq!(got.venues, want.venues);
                assert_eq!(got.titles, want.titles);
                assert_eq!(got.counts, want.counts);
            }
            let in_memory = run_documents(docs.clone(), Vec::new(), &pack, &RunOptions::default());
            assert_eq!(run.findings, in_memory.findings);
            for (i, doc) in run.docs.iter().enumerate() {
                let cited = run.findings.iter().any(|f| f.labels.iter().any(|l| l.doc == i));
                assert_eq!(
                    doc.source.is_empty(),
                    cited_texts_only && !cited,
                    "{}",
                    doc.path.display()
                );
            }
        }
    }

    #[test]
    fn findings_only_keeps_the_findings_and_drops_the_analyses() {
        let pack = Pack::builtin().expect("the built-in pack loads");
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let full = run(std::slice::from_ref(&fixtures), &pack, &RunOptions::default());
        let options = RunOptions {
            cited_texts_only: true,
            findings_only: true,
            ..RunOptions::default()
        };
        let lean = run(&[fixtures], &pack, &options);
        assert!(!full.findings.is_empty());
        assert_eq!(lean.findings, full.findings);
        assert_eq!(lean.docs.len(), full.docs.len());
        assert!(lean.analyses.is_empty());
        assert!(lean.resolution.entities.is_empty());
    }
}

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

use rayon::prelude::*;

use crate::check::{self, CheckOptions, Corpus};
use crate::diagnostic::Finding;
use crate::extract::mentions::{Probes, lookup_probes};
use crate::extract::{Analysis, Extractor, NameTable};
use crate::pack::Pack;
use crate::resolve::{Resolution, resolve};
use crate::source::{self, Document, LoadError, LoadOptions};
use crate::text::Segmented;

/// What to check and how.
#[derive(Default)]
pub struct RunOptions {
    pub load: LoadOptions,
    pub check: CheckOptions,
    /// Keep the text only of the documents a finding points into (what a report needs),
    /// instead of every document's: memory then grows with claims, not bytes of text.
    pub cited_texts_only: bool,
}

/// The result of a run: the documents that loaded, what was found, and the files that could not be read.
pub struct Run {
    /// Every document that loaded, in path order. With [`RunOptions::cited_texts_only`],
    /// only the documents a finding points into keep their original text (`source`; not
    /// `text` nor `blocks`); the others keep their path and metadata.
    pub docs: Vec<Document>,
    pub analyses: Vec<Analysis>,
    pub resolution: Resolution,
    pub findings: Vec<Finding>,
    pub load_errors: Vec<LoadError>,
}

/// One document after the first pass.
struct FirstPass {
    doc: Document,
    people: Vec<String>,
    analysis: Analysis,
    /// Names whose reading may change with the whole run's names ([`lookup_probes`]).
    probes: Probes,
}

/// Analyses a document with the people it names itself.
///
/// `segmented` is the thread's scratch space, reused from document to document.
fn first_pass(extractor: &Extractor, pack: &Pack, doc: Document, segmented: &mut Segmented) -> FirstPass {
    let people = extractor.discover_into(&doc, segmented);
    let own = NameTable::build([&people], pack);
    let probes = lookup_probes(segmented, pack, &own);
    let analysis = extractor.analyze(&doc, segmented, &people, &own);
    FirstPass {
        doc,
        people,
        analysis,
        probes,
    }
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
    let (paths, mut load_errors) = source::discover(inputs);
    let extractor = Extractor::new(pack);
    let passes: Vec<Result<FirstPass, LoadError>> = paths
        .par_iter()
        .map_init(Segmented::default, |segmented, p| {
            let doc = source::load(p, &options.load)?;
            let mut pass = first_pass(&extractor, pack, doc, segmented);
            if options.cited_texts_only {
                release_text(&mut pass.doc);
            }
            Ok(pass)
        })
        .collect();
    let mut firsts = Vec::with_capacity(passes.len());
    for result in passes {
        match result {
            Ok(pass) => firsts.push(pass),
            Err(e) => load_errors.push(e),
        }
    }
    let reload = |doc: &Document| {
        if options.cited_texts_only {
            source::load(&doc.path, &options.load).ok()
        } else {
            Some(doc.clone())
        }
    };
    let mut run = finish(&extractor, pack, firsts, &options.check, load_errors, reload);
    if !options.cited_texts_only {
        return run;
    }
    // The reporter needs the text of the files a finding points into, and only those.
    let cited: BTreeSet<usize> = run
        .findings
        .iter()
        .flat_map(|f| f.labels.iter().map(|l| l.doc))
        .collect();
    let cited: Vec<usize> = cited.into_iter().collect();
    let reloaded: Vec<Option<Document>> = cited
        .par_iter()
        .map(|&i| {
            let mut doc = reload(&run.docs[i])?;
            // Reports quote the original file; the analysed copy is not needed again.
            doc.text = String::new();
            doc.blocks = Vec::new();
            Some(doc)
        })
        .collect();
    for (i, doc) in cited.into_iter().zip(reloaded) {
        if let Some(doc) = doc {
            run.docs[i] = doc;
        }
    }
    run
}

/// Checks documents already in memory (rule-pack examples, tests); they are kept whole.
pub fn run_documents(docs: Vec<Document>, load_errors: Vec<LoadError>, pack: &Pack, options: &RunOptions) -> Run {
    let extractor = Extractor::new(pack);
    let firsts: Vec<FirstPass> = docs
        .into_par_iter()
        .map_init(Segmented::default, |segmented, doc| {
            first_pass(&extractor, pack, doc, segmented)
        })
        .collect();
    finish(&extractor, pack, firsts, &options.check, load_errors, |doc| {
        Some(doc.clone())
    })
}

/// Links names across documents, analyses again the documents whose reading that
/// changes (`reload` gives their text back), and runs the checks.
fn finish(
    extractor: &Extractor,
    pack: &Pack,
    firsts: Vec<FirstPass>,
    options: &CheckOptions,
    load_errors: Vec<LoadError>,
    reload: impl Fn(&Document) -> Option<Document> + Sync,
) -> Run {
    let names = NameTable::build(firsts.iter().map(|f| &f.people), pack);
    let hits = names.probe_hits();
    let (docs, analyses): (Vec<Document>, Vec<Analysis>) = firsts
        .into_par_iter()
        .map_init(Segmented::default, |segmented, first| {
            let FirstPass {
                doc,
                people,
                analysis,
                probes,
            } = first;
            if !hits.any(&probes) {
                return (doc, analysis);
            }
            match reload(&doc) {
                Some(full) => {
                    extractor.discover_into(&full, segmented);
                    let analysis = extractor.analyze(&full, segmented, &people, &names);
                    (doc, analysis)
                }
                // The file went away since the first pass: keep what was read then.
                None => (doc, analysis),
            }
        })
        .unzip();
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let resolution = resolve(pack, &names, &refs);
    let corpus = Corpus::new(pack, &docs, &analyses, &resolution);
    let findings = check::run(&corpus, options);
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
}

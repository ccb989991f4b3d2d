//! The engine: runs the pipeline over a set of files, documents in parallel.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::check::{self, CheckOptions, Corpus};
use crate::diagnostic::Finding;
use crate::extract::{Analysis, Extractor, NameTable};
use crate::pack::Pack;
use crate::resolve::{Resolution, resolve};
use crate::source::{self, Document, LoadError, LoadOptions};

/// What to check and how.
#[derive(Default)]
pub struct RunOptions {
    pub load: LoadOptions,
    pub check: CheckOptions,
}

/// The result of a run: the documents that loaded, what was found, and the files that could not be read.
pub struct Run {
    pub docs: Vec<Document>,
    pub analyses: Vec<Analysis>,
    pub resolution: Resolution,
    pub findings: Vec<Finding>,
    pub load_errors: Vec<LoadError>,
}

/// Checks the files and directories in `inputs` against each other.
///
/// A file that cannot be loaded is reported in [`Run::load_errors`] and the
/// others are still checked. Output order does not depend on thread count.
pub fn run(inputs: &[PathBuf], pack: &Pack, options: &RunOptions) -> Run {
    let (paths, mut load_errors) = source::discover(inputs);
    let loaded: Vec<Result<Document, LoadError>> = paths.par_iter().map(|p| source::load(p, &options.load)).collect();
    let mut docs = Vec::with_capacity(loaded.len());
    for result in loaded {
        match result {
            Ok(doc) => docs.push(doc),
            Err(e) => load_errors.push(e),
        }
    }
    run_documents(docs, load_errors, pack, options)
}

/// Checks documents already in memory (rule-pack examples, tests).
pub fn run_documents(docs: Vec<Document>, load_errors: Vec<LoadError>, pack: &Pack, options: &RunOptions) -> Run {
    let extractor = Extractor::new(pack);
    // Pass 1: segment and discover the people each document names in full.
    let discovered: Vec<_> = docs.par_iter().map(|d| extractor.discover(d)).collect();
    let names = NameTable::build(discovered.iter().map(|(_, people)| people), pack);
    // Pass 2: mentions and claims, with every document's names known.
    let analyses: Vec<Analysis> = docs
        .par_iter()
        .zip(discovered.into_par_iter())
        .map(|(doc, (segmented, people))| extractor.analyze(doc, segmented, &people, &names))
        .collect();
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let resolution = resolve(pack, &names, &refs, &texts);
    let corpus = Corpus {
        pack,
        docs: &docs,
        analyses: &analyses,
        resolution: &resolution,
    };
    let findings = check::run(&corpus, &options.check);
    Run {
        docs,
        analyses,
        resolution,
        findings,
        load_errors,
    }
}

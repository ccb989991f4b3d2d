//! Per-stage timings of the pipeline on a generated corpus, and the cost of the built-in pack.
//!
//! ```sh
//! cargo bench --bench pipeline                          # 1,000 documents
//! FACTLINT_BENCH_DOCS=5000 cargo bench --bench pipeline
//! ```
//!
//! Each stage runs on one thread over the whole corpus, with the previous stages'
//! output prepared outside the timing, so the figures add up to the single-core cost of
//! a run; `end_to_end` is the whole pipeline as `factlint check` runs it (all threads,
//! rendering included). Throughput is in bytes of article text.

#[path = "support/corpus.rs"]
mod corpus;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use factlint::check::{self, CheckOptions, Corpus};
use factlint::engine::{self, RunOptions};
use factlint::extract::{Analysis, Extractor, NameTable};
use factlint::pack::Pack;
use factlint::report::{self, HumanOptions, SourceFile, Summary};
use factlint::resolve::resolve;
use factlint::source::{Document, LoadOptions, load_bytes};
use factlint::text::{Segmented, segment_into};

fn main() {
    divan::main();
}

struct Fixture {
    pack: Pack,
    articles: Vec<(PathBuf, String)>,
    bytes: usize,
    docs: Vec<Document>,
    segmented: Vec<Segmented>,
    people: Vec<Vec<String>>,
    names: NameTable,
    analyses: Vec<Analysis>,
    findings: Vec<factlint::diagnostic::Finding>,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let docs: usize = std::env::var("FACTLINT_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let pack = Pack::builtin().expect("the built-in pack loads");
    let (generated, _) = corpus::corpus(docs, 42);
    let articles: Vec<(PathBuf, String)> = generated
        .into_iter()
        .map(|a| (Path::new("corpus").join(a.path), a.text))
        .collect();
    let bytes = articles.iter().map(|(_, t)| t.len()).sum();
    let docs: Vec<Document> = articles
        .iter()
        .map(|(p, t)| load_bytes(p, t.as_bytes(), &LoadOptions::default()).expect("generated articles load"))
        .collect();
    let extractor = Extractor::new(&pack);
    let discovered: Vec<(Segmented, Vec<String>)> = docs.iter().map(|d| extractor.discover(d)).collect();
    let segmented: Vec<Segmented> = discovered.iter().map(|(s, _)| s.clone()).collect();
    let people: Vec<Vec<String>> = discovered.into_iter().map(|(_, p)| p).collect();
    let names = NameTable::build(people.iter(), &pack);
    let analyses: Vec<Analysis> = docs
        .iter()
        .zip(&segmented)
        .zip(&people)
        .map(|((d, s), p)| extractor.analyze(d, s, p, &names))
        .collect();
    let refs: Vec<&Analysis> = analyses.iter().collect();
    let resolution = resolve(&pack, &names, &refs);
    let findings = check::run(
        &Corpus::new(&pack, &docs, &analyses, &resolution),
        &CheckOptions::default(),
    );
    drop(extractor);
    Fixture {
        pack,
        articles,
        bytes,
        docs,
        segmented,
        people,
        names,
        analyses,
        findings,
    }
});

fn bytes() -> BytesCount {
    BytesCount::new(FIXTURE.bytes)
}

/// Reading the articles: front matter, Markdown blanking, blocks, publication dates.
#[divan::bench(sample_count = 10)]
fn load(bencher: Bencher) {
    let f = &*FIXTURE;
    bencher.counter(bytes()).bench(|| {
        f.articles
            .iter()
            .map(|(p, t)| load_bytes(p, t.as_bytes(), &LoadOptions::default()).map_or(0, |d| d.blocks.len()))
            .sum::<usize>()
    });
}

/// Sentences, tokens, quotes and speakers, into one set of buffers reused from document
/// to document, as each thread of a run does.
#[divan::bench(sample_count = 10)]
fn segment_text(bencher: Bencher) {
    let f = &*FIXTURE;
    bencher.counter(bytes()).bench(|| {
        let mut segmented = Segmented::default();
        f.docs
            .iter()
            .map(|d| {
                segment_into(d, &mut segmented);
                segmented.tokens.len()
            })
            .sum::<usize>()
    });
}

/// Pass 1 of extraction after segmentation: people named in full.
#[divan::bench(sample_count = 10)]
fn discover_people(bencher: Bencher) {
    let f = &*FIXTURE;
    bencher.counter(bytes()).bench(|| {
        f.segmented
            .iter()
            .map(|s| factlint::extract::mentions::discover_people(s, &f.pack).len())
            .sum::<usize>()
    });
}

/// Pass 2: mentions, titles, presence claims, venues.
#[divan::bench(sample_count = 10)]
fn extract_claims(bencher: Bencher) {
    let f = &*FIXTURE;
    let extractor = Extractor::new(&f.pack);
    bencher.counter(bytes()).bench_local(|| {
        f.docs
            .iter()
            .zip(&f.segmented)
            .zip(&f.people)
            .map(|((d, s), p)| extractor.analyze(d, s, p, &f.names).claims.len())
            .sum::<usize>()
    });
}

/// Linking names across documents, then every check.
#[divan::bench(sample_count = 10)]
fn resolve_and_check(bencher: Bencher) {
    let f = &*FIXTURE;
    bencher.counter(bytes()).bench(|| {
        let names = NameTable::build(f.people.iter(), &f.pack);
        let refs: Vec<&Analysis> = f.analyses.iter().collect();
        let resolution = resolve(&f.pack, &names, &refs);
        let corpus = Corpus::new(&f.pack, &f.docs, &f.analyses, &resolution);
        check::run(&corpus, &CheckOptions::default()).len()
    });
}

fn files(f: &Fixture) -> (Vec<String>, Summary) {
    let names = f.docs.iter().map(|d| d.path.display().to_string()).collect();
    let summary = Summary::tally(&f.findings, f.docs.len(), 0);
    (names, summary)
}

/// The JSON report.
#[divan::bench(sample_count = 10)]
fn render_json(bencher: Bencher) {
    let f = &*FIXTURE;
    let (names, summary) = files(f);
    let sources: Vec<SourceFile> = f
        .docs
        .iter()
        .zip(&names)
        .map(|(d, name)| SourceFile {
            name,
            source: &d.source,
        })
        .collect();
    bencher.counter(bytes()).bench(|| {
        report::render(
            report::Format::Json,
            &f.findings,
            &sources,
            &summary,
            &HumanOptions::default(),
        )
        .len()
    });
}

/// miette's graphical report.
#[divan::bench(sample_count = 10)]
fn render_human(bencher: Bencher) {
    let f = &*FIXTURE;
    let (names, summary) = files(f);
    let sources: Vec<SourceFile> = f
        .docs
        .iter()
        .zip(&names)
        .map(|(d, name)| SourceFile {
            name,
            source: &d.source,
        })
        .collect();
    bencher.counter(bytes()).bench(|| {
        report::render(
            report::Format::Human,
            &f.findings,
            &sources,
            &summary,
            &HumanOptions::default(),
        )
        .len()
    });
}

/// The whole pipeline on documents in memory, on every thread, JSON report included.
#[divan::bench(sample_count = 10)]
fn end_to_end(bencher: Bencher) {
    let f = &*FIXTURE;
    bencher.counter(bytes()).bench(|| {
        let docs: Vec<Document> = f
            .articles
            .iter()
            .map(|(p, t)| load_bytes(p, t.as_bytes(), &LoadOptions::default()).expect("loads"))
            .collect();
        let run = engine::run_documents(docs, Vec::new(), &f.pack, &RunOptions::default());
        let names: Vec<String> = run.docs.iter().map(|d| d.path.display().to_string()).collect();
        let sources: Vec<SourceFile> = run
            .docs
            .iter()
            .zip(&names)
            .map(|(d, name)| SourceFile {
                name,
                source: &d.source,
            })
            .collect();
        let summary = Summary::tally(&run.findings, run.docs.len(), 0);
        report::render(
            report::Format::Json,
            &run.findings,
            &sources,
            &summary,
            &HumanOptions::default(),
        )
        .len()
    });
}

/// Parsing and compiling the built-in rule pack (paid once per process).
#[divan::bench(sample_count = 50)]
fn pack_builtin() -> Pack {
    Pack::builtin().expect("the built-in pack loads")
}

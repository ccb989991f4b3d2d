//! The practical ceiling for `factlint check`: walk the inputs, read every file and
//! check that it is UTF-8, on all threads, and nothing else.
//!
//! ```sh
//! cargo run --release --example readall -- /tmp/fl-corpus
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;

fn main() -> ExitCode {
    let inputs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    // The same discovery as `factlint check` (extensions, ignore files, sorting).
    let (paths, errors) = factlint::source::discover(&inputs);
    let (bytes, invalid) = paths
        .par_iter()
        .map(|p| match std::fs::read(p) {
            Ok(b) => (b.len(), usize::from(std::str::from_utf8(&b).is_err())),
            Err(_) => (0, 1),
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!(
        "{} files, {bytes} bytes, {} not readable as UTF-8",
        paths.len(),
        invalid + errors.len()
    );
    ExitCode::SUCCESS
}

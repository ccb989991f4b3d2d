//! Phase timings: with `FACTLINT_TIMINGS=1` in the environment, each phase of a run
//! prints its wall time to stderr when it ends. For finding where a slow run spends
//! its time (`BENCHMARKS.md`); nothing is measured or printed otherwise.

use std::sync::LazyLock;
use std::time::Instant;

static ENABLED: LazyLock<bool> =
    LazyLock::new(|| std::env::var_os("FACTLINT_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0"));

/// A phase being timed; prints its name and duration when dropped.
#[must_use = "the phase ends when this is dropped"]
pub struct Phase {
    name: &'static str,
    start: Instant,
}

/// Starts timing `name`, or does nothing when timings are off.
pub fn phase(name: &'static str) -> Option<Phase> {
    (*ENABLED).then(|| Phase {
        name,
        start: Instant::now(),
    })
}

impl Drop for Phase {
    #[allow(clippy::print_stderr)]
    fn drop(&mut self) {
        let ms = self.start.elapsed().as_secs_f64() * 1000.0;
        eprintln!("factlint timing: {:<24} {ms:>10.1} ms", self.name);
    }
}

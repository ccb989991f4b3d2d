//! Phase timings: with `FACTLINT_TIMINGS=1` in the environment, each phase of a run
//! prints its wall time to stderr when it ends. For finding where a slow run spends
//! its time and which phase sets the peak memory (`BENCHMARKS.md`); nothing is
//! measured or printed otherwise.

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
        match peak_rss_mib() {
            Some(peak) => eprintln!(
                "factlint timing: {:<24} {ms:>10.1} ms   peak RSS {peak:>6} MiB",
                self.name
            ),
            None => eprintln!("factlint timing: {:<24} {ms:>10.1} ms", self.name),
        }
    }
}

/// The process's peak resident set so far (Linux's `VmHWM`), to tell which phase sets it.
fn peak_rss_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

//! The `factlint` binary: all of it lives in the library's `cli` module.

// The pipeline makes many small, short-lived allocations (tokens, keys, claims)
// on every thread; mimalloc's thread-local free lists serve them far faster than
// glibc's malloc (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    factlint::cli::main()
}

//! The `factlint` command with the system allocator instead of mimalloc, for heap
//! profilers that only see malloc (see BENCHMARKS.md):
//!
//! ```sh
//! cargo build --release --example sysalloc
//! valgrind --tool=massif target/release/examples/sysalloc check DIR --format json
//! ```

fn main() -> std::process::ExitCode {
    factlint::cli::main()
}

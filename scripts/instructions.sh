#!/usr/bin/env bash
# Instructions of one single-threaded `factlint check` on 150 generated documents, with
# callgrind: deterministic whatever else the machine is doing, so two commits can be
# compared on a busy machine. Prints the count; the profile is left in $OUT/cg.out
# (`callgrind_annotate --inclusive=yes $OUT/cg.out`).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/fl-bench}
BIN=${1:-target/release/factlint}
corpus=$OUT/corpus-150
cargo build --release --quiet --example gencorpus
[ -f "$corpus/expected.json" ] || target/release/examples/gencorpus --docs 150 --seed 42 --out "$corpus" >/dev/null
[ -x "$BIN" ] || cargo build --release --quiet
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.out" \
    "$BIN" check "$corpus" --format json >"$OUT/cg-report.json" 2>"$OUT/cg.err" || true
grep -E "Collected" "$OUT/cg.err" | sed -E 's/.*Collected : */instructions: /'

#!/usr/bin/env bash
# Whole-binary benchmarks of `factlint check` on generated corpora (see BENCHMARKS.md).
#
#   scripts/bench.sh [SIZES...]        # default: 1000 10000 100000
#
# For each size: generates the corpus once under $BENCH_DIR (default /tmp/fl-bench),
# warms the page cache, runs `factlint check DIR --format json` $RUNS times (default 3)
# and prints the median wall time, MB/s and peak RSS, checks the report against the
# planted conflicts, and times the read + UTF-8 ceiling (examples/readall.rs) the same
# way. Then the latency of one draft against 20 references, process start included.
# Generated corpora and reports stay in $BENCH_DIR; nothing is written to the repository.
set -euo pipefail

cd "$(dirname "$0")/.."
BENCH_DIR=${BENCH_DIR:-/tmp/fl-bench}
RUNS=${RUNS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000 100000)

cargo build --release --quiet --bin factlint --example gencorpus --example readall
TARGET=${CARGO_TARGET_DIR:-target}/release
FACTLINT=$TARGET/factlint
mkdir -p "$BENCH_DIR"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Runs "$@" $RUNS times; prints "median_seconds median_peak_kb".
measure() {
    local times=() rss=()
    for _ in $(seq "$RUNS"); do
        local out
        # factlint exits 1 when it finds errors: that is the expected outcome here.
        /usr/bin/time -o "$BENCH_DIR/time.txt" -f "%e %M" "$@" >/dev/null 2>&1 || true
        out=$(tail -1 "$BENCH_DIR/time.txt")
        times+=("${out% *}")
        rss+=("${out#* }")
    done
    echo "$(printf '%s\n' "${times[@]}" | median) $(printf '%s\n' "${rss[@]}" | median)"
}

printf '%-8s %9s %8s %9s %9s %10s %8s %s\n' docs MB check_s MB/s RSS_MB ceiling_s ratio planted
for n in "${SIZES[@]}"; do
    dir=$BENCH_DIR/corpus-$n
    if [ ! -f "$dir/expected.json" ]; then
        rm -rf "$dir"
        "$TARGET/examples/gencorpus" --docs "$n" --seed 42 --out "$dir" >/dev/null
    fi
    bytes=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['bytes'])" "$dir/expected.json")
    "$TARGET/examples/readall" "$dir" >/dev/null # warm the page cache
    read -r t rss < <(measure "$FACTLINT" check "$dir" --format json)
    read -r c _ < <(measure "$TARGET/examples/readall" "$dir")
    "$FACTLINT" check "$dir" --format json >"$BENCH_DIR/report-$n.json" || true
    "$TARGET/examples/gencorpus" verify "$dir" "$BENCH_DIR/report-$n.json" >"$BENCH_DIR/verify-$n.txt" || true
    verdict=$(head -1 "$BENCH_DIR/verify-$n.txt")
    awk -v n="$n" -v b="$bytes" -v t="$t" -v r="$rss" -v c="$c" -v v="$verdict" 'BEGIN {
        printf "%-8s %9.1f %8.2f %9.1f %9.0f %10.3f %7.1f%% %s\n", n, b/1e6, t, b/1e6/t, r/1024, c, 100*c/t, v }'
done

# One draft against 20 references: the first 21 articles of the 1,000-document corpus.
dir=$BENCH_DIR/corpus-1000
[ -f "$dir/expected.json" ] || "$TARGET/examples/gencorpus" --docs 1000 --seed 42 --out "$dir" >/dev/null
mapfile -t files < <(find "$dir" -type f \( -name '*.md' -o -name '*.txt' \) | sort | head -21)
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs 30 -N -i --export-json "$BENCH_DIR/draft.json" \
        "$FACTLINT check ${files[*]}" >/dev/null 2>&1
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(f\"draft + 20 references: median {r['median']*1000:.1f} ms (min {r['min']*1000:.1f}, max {r['max']*1000:.1f}, {len(r['times'])} runs)\")" "$BENCH_DIR/draft.json"
else
    for _ in $(seq 30); do
        s=$(date +%s%N); "$FACTLINT" check "${files[@]}" >/dev/null || true; e=$(date +%s%N)
        echo $(((e - s) / 1000))
    done | median | awk '{printf "draft + 20 references: median %.1f ms (30 runs)\n", $1/1000}'
fi

#!/usr/bin/env bash
# `runbook redact` beside `cat` on two shapes of evidence, at 1, 20, 100 and
# 500 MB, with peak memory; then peak memory on a million distinct customers.
#   sparse: the generated mixed log of `cargo bench --bench redact_throughput`
#   dense:  bench/dense.py, a labelled value every few hundred bytes
# Past 20 MB each shape repeats its first 20 MB (the bytes grow, the distinct
# values do not). Wall clock includes start-up. Usage: bench/throughput.sh [MB...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 20 100 500)
cargo build --release --quiet
bin=./target/release/runbook
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }

best_of() { # runs, command... -> best wall seconds of the runs
  local runs=$1 best="" t0 t1 dt
  shift
  for ((i = 0; i < runs; i++)); do
    t0=$(now)
    "$@" >/dev/null
    t1=$(now)
    dt=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc)" = 1 ]; then best=$dt; fi
  done
  echo "$best"
}

peak_mb() { # file -> peak resident memory of one run, MB
  { /usr/bin/time -f '%M' "$bin" redact "$1" >/dev/null; } 2>&1 | tail -1 | awk '{printf "%d", $1 / 1024}'
}

cargo bench --quiet --bench redact_throughput -- --mb 20 --write "$work/sparse-base.log" >/dev/null
python3 bench/dense.py --mb 20 --out "$work/dense-base.log"

printf '%-7s %6s | %10s | %16s | %8s\n' shape MB "cat MB/s" "runbook MB/s" "peak MB"
for shape in sparse dense; do
  for mb in "${sizes[@]}"; do
    f="$work/$shape-$mb.log"
    python3 bench/dense.py --mb "$mb" --from "$work/$shape-base.log" --out "$f"
    size=$(stat -c %s "$f")
    runs=3
    [ "$mb" -ge 500 ] && runs=1
    cat_s=$(best_of 3 cat "$f")
    rb_s=$(best_of "$runs" "$bin" redact "$f")
    printf '%-7s %6d | %10.0f | %8.1f (%5.0f ms) | %8s\n' "$shape" "$mb" \
      "$(echo "$size / 1000000 / $cat_s" | bc -l)" "$(echo "$size / 1000000 / $rb_s" | bc -l)" \
      "$(echo "$rb_s * 1000" | bc -l)" "$(peak_mb "$f")"
    rm -f "$f"
  done
done

python3 bench/dense.py --distinct 1000000 --out "$work/distinct.log"
printf '1,000,000 distinct customers (%d MB, 2 M distinct values): %.1f s, peak %s MB\n' \
  "$(($(stat -c %s "$work/distinct.log") / 1000000))" "$(best_of 1 "$bin" redact "$work/distinct.log")" \
  "$(peak_mb "$work/distinct.log")"

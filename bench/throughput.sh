#!/usr/bin/env bash
# Throughput of `runbook redact` against `cat` on generated mixed logs, and its
# peak memory at two input sizes (memory must not grow with the input).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # file -> "seconds peak_kb" for runbook; best of 3
  local f=$1 best="" rss=0
  for _ in 1 2 3; do
    local t0 t1 out
    t0=$(date +%s.%N)
    out=$( { /usr/bin/time -f '%M' ./target/release/runbook redact "$f" >/dev/null; } 2>&1 )
    t1=$(date +%s.%N)
    rss=$out
    local dt; dt=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc)" = 1 ]; then best=$dt; fi
  done
  echo "$best $rss"
}

cargo bench --quiet --bench redact_throughput -- --mb 20 --write "$work/mixed-20.log" >/dev/null
# The same 20 MB five times: as many distinct secrets, five times the bytes.
for _ in 1 2 3 4 5; do cat "$work/mixed-20.log"; done > "$work/mixed-100.log"

# The one-time rule compilation and process start, timed on a one-line input:
# a fixed cost per run, reported apart from the rate that scales with input.
printf 'PHP Warning: x\n' > "$work/one-line.log"
read -r start_s _ < <(measure "$work/one-line.log")

for mb in 20 100; do
  f="$work/mixed-$mb.log"
  size=$(stat -c %s "$f")
  t0=$(date +%s.%N); cat "$f" >/dev/null; t1=$(date +%s.%N)
  cat_s=$(echo "$t1 - $t0" | bc)
  read -r rb_s rb_kb < <(measure "$f")
  printf '%4d MB mixed log: cat %8.1f MB/s | runbook redact %7.1f MB/s (%7.1f MB/s past its %.0f ms start), peak memory %d MB\n' \
    "$mb" "$(echo "$size / 1000000 / $cat_s" | bc -l)" "$(echo "$size / 1000000 / $rb_s" | bc -l)" \
    "$(echo "$size / 1000000 / ($rb_s - $start_s)" | bc -l)" "$(echo "$start_s * 1000" | bc -l)" "$((rb_kb / 1024))"
done

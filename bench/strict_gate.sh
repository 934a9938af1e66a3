#!/usr/bin/env bash
# How often the leak gate's strict re-scan still finds something in text the
# standard profile already redacted: each corpus file is redacted, then
# scanned strictly. A finding there blocks a report that carries the file.
#
#   bash bench/strict_gate.sh [CORPUS_DIR] [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/redaction-corpus}"
bin="${2:-target/release/runbook}"
files=0; blocked=0; findings=0
for f in "$corpus"/*; do
  case "$f" in *.json|*.md|*.py) continue ;; esac
  [ -f "$f" ] || continue
  files=$((files + 1))
  n=$("$bin" redact "$f" | "$bin" scan --profile strict --format json - 2>/dev/null | wc -l || true)
  if [ "$n" -gt 0 ]; then blocked=$((blocked + 1)); findings=$((findings + n)); fi
done
echo "strict re-scan after redaction: $blocked of $files files still have findings ($findings findings)"

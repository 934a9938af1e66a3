#!/usr/bin/env bash
# Regenerates assets/screens/COLSxROWS/: the real program, driven in tmux
# through the support-context runbook, captured as the terminal shows it:
# the text (NAME.txt) and a picture with its colours (NAME.svg).
#
#   bash assets/record.sh            (80x24 and 120x40; needs tmux and python3)
#   bash assets/record.sh 100 30     (one size)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  bash "$0" 80 24
  bash "$0" 120 40
  exit
fi
cols="$1" rows="$2"
cargo build --release --quiet
bin="$PWD/target/release/runbook"
out="$PWD/assets/screens/${cols}x${rows}"
home="$(mktemp -d)"
sock="runbook-record-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
mkdir -p "$out"

tm() { tmux -L "$sock" "$@"; }
keys() { tm send-keys -t rec "$@"; }
# Waits until the screen shows TEXT (never a blind sleep).
wait_for() {
  for _ in $(seq 1 300); do
    if tm capture-pane -p -t rec | grep -qF -- "$1"; then return 0; fi
    sleep 0.05
  done
  echo "record.sh: the screen never showed: $1" >&2
  tm capture-pane -p -t rec >&2
  exit 1
}
shot() {
  tm capture-pane -p -t rec > "$out/$1.txt"
  tm capture-pane -e -p -t rec | python3 assets/ansi_svg.py "$cols" "$rows" > "$out/$1.svg"
  echo "  $cols x $rows: $1"
}
paste() { tm set-buffer -- "$1"; tm paste-buffer -p -t rec; }

cp assets/sample-evidence.log "$home/debug.log"
tm new-session -d -s rec -x "$cols" -y "$rows" \
  "env RUNBOOK_HOME='$home' USER=alice TERM=xterm-256color '$bin' start support-context; sleep 3600"
echo "screens:"
wait_for "Error message, exactly as shown"
shot 01-preserve
paste "$(printf '[24-Nov-2026 09:58:12 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function sophmate_api() in /var/www/html/wp-content/plugins/sophmate/includes/class-api.php:42\nStack trace:\n#0 {main}\n  thrown for customer jane.doe@example.com')"
wait_for "thrown for customer"
keys Tab; wait_for "from the error text"
shot 02-error-preserved
keys Enter; wait_for "confirmed"
keys -l "WooCommerce > Orders > Edit order"; keys Enter
keys -l "shop_manager (user 12)"; keys C-n; wait_for "Step 2 of 11"
keys Enter; wait_for "(•) purchase-plugin-issue"
keys Enter; wait_for "(•) ongoing"
shot 03-triage-suggests-incident-response
keys Up Right Enter; wait_for "(•) resolved"
# The evidence holds customer details: private data may be exposed.
keys Right Right Enter; wait_for "(•) unsure"
keys C-n; wait_for "Step 3 of 11"
keys Right Enter; wait_for "(•) no"
keys C-n; wait_for "Step 4 of 11"
for v in 3.4.1 6.8.1 9.4.2 8.2.12-1+ubuntu22.04.1 Kinsta; do keys -l "$v"; keys Enter; done
keys Enter; keys C-n; wait_for "Step 5 of 11"
keys -l "Regular licence, bought 2026-03-02, buyer account shopowner"; keys C-n; wait_for "Step 6 of 11"
paste "$(printf 'Open WooCommerce > Orders > Edit order 10233\nClick Generate reply in the SophMate panel')"
keys C-n; wait_for "Step 7 of 11"
keys Tab; keys -l "$home/debug.log"; keys Enter; wait_for "Attached debug.log"
keys C-n; wait_for "Step 8 of 11"
keys Enter; wait_for "what leaves the machine"
keys n; keys n; keys n; wait_for "3/"
shot 04-side-by-side-review
# What the strict check would still find shows unredacted; r always redacts it.
strict=0
for _ in $(seq 1 60); do
  keys n
  if tm capture-pane -p -t rec | grep -qF "UNREDACTED"; then strict=1; break; fi
done
if [ "$strict" = 1 ]; then
  shot 05-strict-check-finding
  keys r; wait_for "terms 1"
fi
# The confirmation is given in the review: c shows what was not on screen yet.
for _ in $(seq 1 100); do
  keys c
  sleep 0.1
  if tm capture-pane -p -t rec | grep -qF "Redaction review confirmed"; then break; fi
done
wait_for "[x] I have reviewed"
keys C-n; wait_for "Step 9 of 11"
keys Enter; keys C-n; keys C-n; wait_for "Step 11 of 11"
shot 06-verdict
keys Enter; wait_for "Verdict recorded"
keys C-t; wait_for "Timeline"
shot 07-timeline
keys Escape; wait_for "Step 11 of 11"
keys q
wait_for "escalation:"
shot 08-after-leaving

#!/usr/bin/env bash
# Unpacks the Debian package into a throwaway root and runs what it
# installed: --version, a man page per command, the completions, the
# settings example, and a headless run of the built-in runbook.
#
#   bash assets/deb/check.sh      (after assets/deb/build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."

deb="$(ls -t target/debian/runbook_*.deb | head -n 1)"
root="$(mktemp -d)"
home="$(mktemp -d)"
trap 'rm -rf "$root" "$home"' EXIT
dpkg -x "$deb" "$root"
bin="$root/usr/bin/runbook"

fail() { echo "deb check: $*" >&2; exit 1; }

version="$("$bin" --version)"
echo "$version"
case "$version" in
  "runbook "*"(commit "*"redaction rules)") ;;
  *) fail "unexpected --version: $version" ;;
esac

# One man page per command, and the program's own.
[ -f "$root/usr/share/man/man1/runbook.1.gz" ] || fail "no runbook.1.gz"
for cmd in $("$bin" --help | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{exit}'); do
  [ "$cmd" = help ] && continue
  [ -f "$root/usr/share/man/man1/runbook-$cmd.1.gz" ] || fail "no man page for $cmd"
done
if command -v man >/dev/null 2>&1; then
  man -l "$root/usr/share/man/man1/runbook-run.1.gz" 2>/dev/null | grep -q -- "--answers" \
    || fail "runbook-run.1 does not describe --answers"
fi

for f in usr/share/bash-completion/completions/runbook \
         usr/share/zsh/vendor-completions/_runbook \
         usr/share/fish/vendor_completions.d/runbook.fish \
         usr/share/doc/runbook/examples/settings.yaml \
         usr/share/doc/runbook/README.md \
         usr/share/doc/runbook/copyright; do
  [ -s "$root/$f" ] || fail "missing or empty: /$f"
done

# The installed binary walks the built-in runbook headless.
"$bin" run support-context --home "$home" \
  --answers tests/answers/plugin-fatal-on-order-edit.yaml | head -n 1 | grep -q "^PASS" \
  || fail "the installed binary did not reach PASS"
echo "deb check: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) installs and runs"

#!/usr/bin/env bash
# Builds the Debian package: the binary, its man pages, completions for
# bash, zsh and fish, a settings example, the README and the licence.
#
#   bash assets/deb/build.sh      (needs cargo-deb: cargo install cargo-deb --locked)
# The package is written to target/debian/.
set -euo pipefail
cd "$(dirname "$0")/../.."

cargo build --release --locked
bin=target/release/runbook
out=target/package
rm -rf "$out"
mkdir -p "$out/man" "$out/completions"

# Rendered by the binary itself from its command-line definitions: they
# cannot drift from --help.
"$bin" man --dir "$out/man" 2>/dev/null
gzip -9n "$out"/man/*.1
"$bin" completions bash > "$out/completions/runbook"
"$bin" completions zsh > "$out/completions/_runbook"
"$bin" completions fish > "$out/completions/runbook.fish"

# The settings example is the text `runbook config --init` writes.
example_home="$(mktemp -d)"
trap 'rm -rf "$example_home"' EXIT
"$bin" --home "$example_home" config --init >/dev/null
cp "$example_home/settings.yaml" "$out/settings.example.yaml"

cargo deb --no-build --locked
ls -l target/debian/*.deb

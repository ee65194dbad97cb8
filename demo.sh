#!/usr/bin/env bash
# moss's main job on the bundled example packages, in a throwaway directory:
# inspect and verify a real upstream stone, extract it, pack trees into stones, index them.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
moss="$here/moss"
work=$(mktemp -d "${TMPDIR:-/tmp}/moss-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
stone="$here/examples/stones/bash-completion-2.11-1-1-x86_64.stone"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "moss version"
"$moss" version

step "inspect an upstream package (first lines)"
"$moss" inspect "$stone" | head -n 20

step "verify every payload and every file digest"
"$moss" inspect --check "$stone"

step "extract it into $work/extracted"
"$moss" extract "$stone" -o "$work/extracted"
find "$work/extracted" -maxdepth 4 | head -n 8

step "pack the extracted tree again, and the hello example tree"
mkdir -p "$work/repo"
"$moss" pack "$work/extracted/bash-completion-2.11-1.x86_64" --name bash-completion --version 2.11 \
  --release 2 --summary "Programmable completion functions for bash" --license GPL-2.0-or-later \
  --homepage https://github.com/scop/bash-completion -o "$work/repo"
cp -a "$here/examples/trees/hello" "$work/hello"
"$moss" pack "$work/hello" --name hello --version 1.0 --release 1 --summary "Says hello" \
  --license MIT --depends 'binary(sh)' -o "$work/repo"
"$moss" inspect --check "$work"/repo/*.stone

step "index the repository"
"$moss" index "$work/repo"
"$moss" inspect "$work/repo/stone.index" | head -n 30

step "done: everything ran in $work (removed on exit)"

#!/usr/bin/env bash
# moss's main job on the bundled example packages, in a throwaway root: verify a real upstream
# stone, pack a second package, install both as states, list them, show the history, remove,
# roll back, build an ephemeral container root from the shared store, and index the packages.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
moss="$here/moss"
work=$(mktemp -d "${TMPDIR:-/tmp}/moss-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
stone="$here/examples/stones/bash-completion-2.11-1-1-x86_64.stone"
root="$work/root"
mkdir -p "$root" "$work/repo"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "moss version"
"$moss" version

step "verify an upstream package: every payload checksum and every file digest"
"$moss" inspect --check "$stone"

step "pack the hello example tree into a stone that depends on bash-completion"
cp -a "$here/examples/trees/hello" "$work/hello"
"$moss" pack "$work/hello" --name hello --version 1.0 --release 1 --summary "Says hello" \
  --license MIT --depends 'name(bash-completion)' -o "$work/repo"
cp "$stone" "$work/repo/"

step "install bash-completion into the throwaway root $root (state 1)"
"$moss" -D "$root" install -y "$stone"

step "install hello (state 2)"
"$moss" -D "$root" install -y "$work"/repo/hello-*.stone

step "what is installed, and the live /usr"
"$moss" -D "$root" list installed
echo "usr -> $(readlink "$root/usr")   (.stateID: $(cat "$root/usr/.stateID"))"
"$root/usr/bin/hello" 2>/dev/null || cat "$root/usr/bin/hello" | head -n 3

step "remove bash-completion: hello depends on it, so it goes too (state 3)"
"$moss" -D "$root" remove -y bash-completion
"$moss" -D "$root" list installed

step "the state history"
"$moss" -D "$root" state list

step "roll back to state 2: one rename of the /usr link, nothing re-blitted"
"$moss" -D "$root" state activate -y 2
"$moss" -D "$root" list installed
echo "usr -> $(readlink "$root/usr")"

step "an ephemeral container root from the shared store (records no state)"
"$moss" -D "$root" install --to "$work/container" "$work"/repo/*.stone
ls "$work/container"

step "index the packages as a repository"
"$moss" index "$work/repo"
ls "$work/repo"

step "done: everything ran in $work (removed on exit)"

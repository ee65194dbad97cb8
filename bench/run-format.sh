#!/usr/bin/env bash
# Builds the benchmark jar and measures the stone format figures of the format issue:
# content streaming vs raw zstd-jni, layout + index decoding rate, and packing a
# tree of 100,000 regular files with moss-store's Pack. Prints a summary with the ratios at the end.
#
#   bench/run-format.sh                 # everything (about 15-25 minutes on 2 cores)
#   bench/run-format.sh --quick         # fewer iterations, for a smoke test
#   bench/run-format.sh --only content  # or records, or pack
#   bench/run-format.sh --no-build ...  # reuse bench/target/benchmarks.jar
#
# Settings suit a small shared machine: one fork, few warmup and measurement iterations,
# medians. Inputs (~150 MiB of stones, a 100,000-file tree) go to a temporary directory
# that is removed at the end; JMH's JSON results stay in bench/target/format-figures/.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk.sh"
moss_find_jdk

build=1
args=()
for a in "$@"; do
  if [ "$a" = --no-build ]; then build=0; else args+=("$a"); fi
done

cd "$root"
if [ "$build" = 1 ]; then
  "$root/scripts/mvn" -B -q -pl bench -am package -DskipTests
fi
jar="$root/bench/target/benchmarks.jar"
[ -f "$jar" ] || { echo "error: $jar missing; run without --no-build" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/moss-figures.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$MOSS_JDK/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xmx1g -cp "$jar" dev.moss.bench.FormatFigures \
  --work "$work" --results "$root/bench/target/format-figures" ${args[@]+"${args[@]}"}

#!/usr/bin/env bash
# Start-up figure of the start-up issue: `moss li` with 500 packages installed, through the
# launcher, against `java -version` on the same JDK and against the bare jar
# (`java -jar moss-cli.jar ... list installed`, none of the launcher's start-up options).
# Wall and CPU time (user + system, the JVM's threads and the launcher's own children included)
# of every run; the variants are interleaved, round after round, and summarised by median and
# minimum, so a busy machine slows them alike.
#
#   bench/run-startup.sh                 # build, make the root, 20 rounds
#   bench/run-startup.sh --rounds 50
#   bench/run-startup.sh --detail        # also the launcher with the default JIT, without the AOT cache
#   bench/run-startup.sh --no-build ...  # reuse what is built
#
# The root and its 500 stones go to a temporary directory that is removed at the end.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk.sh"
moss_find_jdk

rounds=20 build=1 detail=0
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift ;;
    --no-build) build=0 ;;
    --detail) detail=1 ;;
    *) echo "usage: $0 [--rounds N] [--detail] [--no-build]" >&2; exit 2 ;;
  esac
  shift
done

cd "$root"
if [ "$build" = 1 ]; then
  "$root/scripts/mvn" -B -q -pl moss-cli,bench -am package -DskipTests
fi
java="$MOSS_JDK/bin/java"
jar="$root/moss-cli/target/moss-cli.jar"
for f in "$jar" "$root/bench/target/benchmarks.jar"; do
  [ -f "$f" ] || { echo "error: $f missing; run without --no-build" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/moss-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "making 500 stones and installing them..."
"$java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -cp "$root/bench/target/benchmarks.jar" \
  dev.moss.bench.ManyStones "$work/stones" 500
mkdir "$work/root"
"$root/moss" -D "$work/root" install -y "$work"/stones/*.stone >/dev/null
lines=$("$root/moss" -D "$work/root" li | wc -l) # also makes the AOT cache if the build is new
if [ "$lines" != 500 ]; then
  echo "error: moss li printed $lines lines, expected 500" >&2
  exit 1
fi

q() { printf '%q ' "$@"; } # a command as one string, for eval
names=("java -version" "moss li (launcher)" "java -jar moss-cli.jar list installed")
cmds=("$(q "$java" -version)"
  "$(q "$root/moss" -D "$work/root" li)"
  "$(q "$java" -jar "$jar" -D "$work/root" list installed)")
if [ "$detail" = 1 ]; then
  names+=("moss li, default JIT (tiered)" "moss li, no AOT cache")
  cmds+=("MOSS_JAVA_OPTS='-XX:TieredStopAtLevel=4 -XX:CompileThresholdScaling=1' $(q "$root/moss" -D "$work/root" li)"
    "MOSS_JAVA_OPTS=-XX:AOTMode=off $(q "$root/moss" -D "$work/root" li)")
fi

# One run: appends "wall_us cpu_us" to the variant's file. Wall from EPOCHREALTIME, CPU from the
# shell's children times (the `times` builtin, millisecond resolution); nothing forks but the run.
tfile="$work/times"
run() {
  local out=$1 cmd=$2 t0 t1 cu0 cs0 cu1 cs1
  times >"$tfile"; { read -r _; read -r cu0 cs0; } <"$tfile"
  t0=$EPOCHREALTIME
  eval "$cmd" >/dev/null 2>&1 || { echo "error: failed: $cmd" >&2; exit 1; }
  t1=$EPOCHREALTIME
  times >"$tfile"; { read -r _; read -r cu1 cs1; } <"$tfile"
  echo "$(( ${t1/./} - ${t0/./} )) $(( $(ms "$cu1") + $(ms "$cs1") - $(ms "$cu0") - $(ms "$cs0") ))000" >>"$out"
}
ms() { # 1m2.345s -> 62345
  local m=${1%%m*} s=${1#*m}
  s=${s%s}
  echo $(( m * 60000 + 10#${s%.*} * 1000 + 10#${s#*.} ))
}

for ((i = 0; i < ${#cmds[@]}; i++)); do run /dev/null "${cmds[i]}"; done # warm the file cache
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $rounds rounds..."
for ((r = 0; r < rounds; r++)); do
  for ((i = 0; i < ${#cmds[@]}; i++)); do run "$work/v$i" "${cmds[i]}"; done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

# median and minimum of column $2 of file $1, in seconds
stats() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "%8.3f %8.3f", m / 1e6, v[1] / 1e6}'
}
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo
printf '%-40s %17s %17s\n' "" "wall s" "cpu s"
printf '%-40s %8s %8s %8s %8s\n' "" median min median min
for ((i = 0; i < ${#cmds[@]}; i++)); do
  printf '%-40s %s %s\n' "${names[i]}" "$(stats "$work/v$i" 1)" "$(stats "$work/v$i" 2)"
done
echo
jv=$(median "$work/v0" 1) li=$(median "$work/v1" 1) bare=$(median "$work/v2" 1)
awk -v jv="$jv" -v li="$li" -v bare="$bare" 'BEGIN {
  printf "median wall: moss li / java -version = %.1f; bare jar / moss li = %.1f\n", li / jv, bare / li }'

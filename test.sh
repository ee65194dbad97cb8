#!/usr/bin/env bash
# Runs every test of every module: unit, end-to-end and hostile-input tests, then a bounded
# coverage-guided fuzzing run of the stone reader (Jazzer; each target for its maxDuration).
# Set MOSS_FUZZ=0 to skip the fuzzing run.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
. "$here/scripts/jdk.sh"
moss_find_jdk
cd "$here"
export JAVA_HOME="$MOSS_JDK"
mvn -B -ntp verify "$@"
if [ "${MOSS_FUZZ:-1}" != 0 ]; then
  for target in StoneReaderFuzzTest StoneStructureFuzzTest; do
    echo "== fuzzing $target (bounded) =="
    JAZZER_FUZZ=1 mvn -B -ntp -q -pl moss-format surefire:test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false
  done
fi

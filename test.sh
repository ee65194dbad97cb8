#!/usr/bin/env bash
# Runs every test of every module (unit, end-to-end, bounded fuzzing of the stone reader).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
. "$here/scripts/jdk.sh"
moss_find_jdk
cd "$here"
export JAVA_HOME="$MOSS_JDK"
mvn -B -ntp verify "$@"

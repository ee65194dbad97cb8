# Sourced by moss's scripts: sets MOSS_JDK to a JDK >= 25.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm.
# Reads each JDK's `release` file instead of starting a JVM, so the search costs nothing.

moss_jdk_major() { # JDK home -> major version, or nothing
  local rel="$1/release" v
  [ -x "$1/bin/java" ] && [ -f "$rel" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
  [ -n "$v" ] && printf '%s\n' "$v"
}

# Maven itself touches sun.misc.Unsafe (guava); keep its warnings out of our output.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

moss_find_jdk() {
  local candidates=() c m java_on_path
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if java_on_path=$(command -v java 2>/dev/null); then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$java_on_path")")")")
  fi
  for c in /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    m=$(moss_jdk_major "$c") || continue
    if [ "$m" -ge 25 ]; then MOSS_JDK="$c"; return 0; fi
  done
  echo "error: no JDK >= 25 found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
  return 1
}

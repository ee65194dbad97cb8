# Sourced by moss's scripts: sets MOSS_JDK to a JDK >= 25.
# Order: $JAVA_HOME, the java on PATH, then every JDK under /usr/lib/jvm.
# Reads each JDK's `release` file instead of starting a JVM, and stops at the first JDK that fits;
# bash builtins only, apart from one readlink for the java on PATH (the launcher runs this at
# every start of moss).

moss_jdk_major() { # JDK home -> its major version in MOSS_JDK_MAJOR; fails when it is no JDK
  local line
  MOSS_JDK_MAJOR=
  [ -x "$1/bin/java" ] && [ -f "$1/release" ] || return 1
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=\"[0-9]*)
        line=${line#JAVA_VERSION=\"}
        MOSS_JDK_MAJOR=${line%%[!0-9]*}
        return 0 ;;
    esac
  done <"$1/release"
  return 1
}

# Maven itself touches sun.misc.Unsafe (guava); keep its warnings out of our output.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

moss_jdk_fits() { moss_jdk_major "$1" && [ "$MOSS_JDK_MAJOR" -ge 25 ] && MOSS_JDK=$1; }

moss_find_jdk() {
  local c d java_on_path="" path_dirs=()
  if [ -n "${JAVA_HOME:-}" ] && moss_jdk_fits "$JAVA_HOME"; then return 0; fi
  IFS=: read -r -a path_dirs <<<"$PATH"
  for d in "${path_dirs[@]}"; do
    if [ -x "$d/java" ]; then java_on_path=$d/java; break; fi
  done
  if [ -n "$java_on_path" ]; then
    c=$(readlink -f "$java_on_path")
    c=${c%/bin/java}
    if moss_jdk_fits "$c"; then return 0; fi
  fi
  for c in /usr/lib/jvm/*; do
    if [ -d "$c" ] && moss_jdk_fits "$c"; then return 0; fi
  done
  echo "error: no JDK >= 25 found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one or set JAVA_HOME" >&2
  return 1
}

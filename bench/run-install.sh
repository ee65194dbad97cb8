#!/usr/bin/env bash
# Measures the install-engine figures: building a /usr tree (blit) with `moss install --to`
# against `cp -al`, `ostree checkout -H` and a C program doing the bare syscalls; importing
# stones into the store against `zstd -d`; and a 1,000,000-entry tree in a 512 MiB heap.
#
#   bench/run-install.sh                  # everything (corpus generation the first time: ~5 min)
#   bench/run-install.sh --quick          # small corpus, 3 repetitions: a smoke test
#   bench/run-install.sh --only blit      # or import, import-large, million
#   bench/run-install.sh --reps 9 --entries 150000 --packages 400
#   bench/run-install.sh --keep           # keep the work directory (printed at the start)
#   bench/run-install.sh --no-build       # reuse the built jars
#
# Every tool runs in the same run, hot cache, interleaved (the order rotates each round),
# with `sync` and a short pause before each timed run; the summary gives medians and ratios.
# Whole processes are timed, JVM start included for moss (through the ./moss launcher).
# The corpus is cached under bench/target/corpus/, keyed by the generator's parameters and
# version; everything else lives in a work directory under bench/target, removed at the end.
# All of it must be on one file system (hardlinks); the script prints which one.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/jdk.sh"
moss_find_jdk

reps=7 entries=110000 packages=300 million_entries=1000000 million_packages=40
only=all keep=0 build=1 seed=1
args="$*"
usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) reps=$2; shift ;;
    --entries) entries=$2; shift ;;
    --packages) packages=$2; shift ;;
    --quick) reps=3 entries=10000 packages=40 million_entries=100000 million_packages=10 ;;
    --only) only=$2; shift ;;
    --keep) keep=1 ;;
    --no-build) build=0 ;;
    --seed) seed=$2; shift ;;
    *) usage ;;
  esac
  shift
done
case "$only" in all|blit|import|import-large|million) ;; *) usage ;; esac
want() { [ "$only" = all ] || [ "$only" = "$1" ]; }

say() { printf '%s\n' "$*" >&2; }
java=("$MOSS_JDK/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC)
jar="$root/bench/target/benchmarks.jar"
moss="$root/moss"

# ---- tools -------------------------------------------------------------------------------
missing=()
command -v ostree >/dev/null || missing+=(ostree)
command -v zstd >/dev/null || missing+=(zstd)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} ..."
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "note: ${missing[*]} missing and not root (or no apt-get): those figures are skipped"
  fi
fi
have_ostree=0; command -v ostree >/dev/null && have_ostree=1
have_zstd=0; command -v zstd >/dev/null && have_zstd=1
command -v gcc >/dev/null || { say "error: gcc is needed for the C reference (bench/blit/blitref.c)"; exit 1; }

# ---- build -------------------------------------------------------------------------------
cd "$root"
if [ "$build" = 1 ]; then
  say "building the bench jar and the moss CLI ..."
  "$root/scripts/mvn" -B -q -pl bench -am package -DskipTests
fi
[ -f "$jar" ] || { say "error: $jar missing; run without --no-build"; exit 1; }
"$moss" --version >/dev/null # the launcher rebuilds the CLI here if any source is newer than its jar
have_install=0
if "$moss" install --help 2>/dev/null | grep -q -- '--to'; then have_install=1; else
  say "note: this moss has no 'install --to' yet: the moss figures are skipped"
fi

mkdir -p "$root/bench/target"
W=$(mktemp -d "$root/bench/target/install-bench.XXXXXX")
cleanup() {
  if [ "$keep" = 1 ]; then say "work directory kept: $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT
gcc -O2 -pthread -o "$W/blitref" "$root/bench/blit/blitref.c"
gcc -O2 -pthread -o "$W/importref" "$root/bench/blit/importref.c"

fs=$(df -T "$W" | awk 'NR == 2 {print $2 " on " $1 " (" $7 ")"}')
say "work directory $W: $fs"

# ---- corpus ------------------------------------------------------------------------------
gen_version=$(sed -n 's/.*int VERSION = \([0-9]*\);.*/\1/p' "$root/bench/src/main/java/dev/moss/bench/corpus/CorpusGenerator.java")
corpus() { # DIR ARGS... : generates into DIR unless a complete corpus of this version is there
  local dir=$1; shift
  if [ -f "$dir/corpus.txt" ] && grep -qx "version=$gen_version" "$dir/corpus.txt"; then
    say "corpus: cached in $dir"
  else
    say "corpus: generating into $dir ..."
    "${java[@]}" -Xmx2g -cp "$jar" dev.moss.bench.corpus.CorpusGenerator --out "$dir" "$@"
  fi
}

# ---- timing helpers ----------------------------------------------------------------------
declare -A times # tool -> space-separated seconds; tool-cpu -> user + system seconds of the same runs
cpu_of() { # FILE written by bash's `times`: user + system seconds of the waited-for children
  awk 'END {split($0, a, /[ms]+/); print a[1] * 60 + a[2] + a[3] * 60 + a[4]}' "$1"
}
timed() { # TOOL CMD... : runs CMD after sync and a pause, appends its wall and CPU time to times[TOOL(-cpu)]
  local tool=$1; shift
  sync; sleep 0.5
  local t0 t1
  times >"$W/times.0" # in this shell, not a subshell: children's CPU so far
  t0=${EPOCHREALTIME/[.,]/}
  "$@" || { say "error: $tool failed: $*"; exit 1; }
  t1=${EPOCHREALTIME/[.,]/}
  times >"$W/times.1"
  times[$tool]+="$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.4f", (b - a) / 1e6}') "
  times[$tool-cpu]+="$(awk -v a="$(cpu_of "$W/times.0")" -v b="$(cpu_of "$W/times.1")" 'BEGIN {printf "%.3f", b - a}') "
}
stats() { # prints "median min max" of the numbers given
  printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.4f %.4f %.4f", m, v[1], v[NR]}'
}
median() { stats "$@" | cut -d' ' -f1; }
listing() { # DIR: one line per entry below DIR: type, mode, size (not for directories), path, link text
  (cd "$1" && find . \( -type d -printf 'd %m - %p\n' \) -o -printf '%y %m %s %p %l\n' | LC_ALL=C sort)
}
summary=()
verdict() { # VALUE OP TARGET -> PASS/MISS
  awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {ok = op == ">=" ? v >= t : v <= t; print ok ? "PASS" : "MISS"}'
}

# ---- blit: moss install --to vs cp -al vs ostree checkout -H vs C ------------------------
blit() {
  corpus "$root/bench/target/corpus/v$gen_version-s$seed-p$packages-e$entries" \
    --seed "$seed" --packages "$packages" --entries "$entries"
  local dir="$root/bench/target/corpus/v$gen_version-s$seed-p$packages-e$entries"
  local stones=("$dir"/*.stone)
  [ "$have_install" = 1 ] || { say "blit: skipped (no install --to)"; return; }

  say "blit: priming the store of $W/root and building the reference tree ..."
  cat "${stones[@]}" >/dev/null
  mkdir -p "$W/root"
  "$moss" -D "$W/root" install --to "$W/ref" "${stones[@]}" >"$W/prime.log" 2>&1 || {
    cat "$W/prime.log" >&2; say "error: priming install failed"; exit 1; }

  # The C program hardlinks from the reference tree itself: the same inodes moss links.
  (cd "$W/ref" && find usr \( -type d -printf 'd %m %p\n' \) -o \( -type f -printf 'f %p %p\n' \) \
      -o \( -type l -printf 'l %l %p\n' \)) >"$W/manifest"
  local n_entries n_dirs n_files n_links
  n_entries=$(wc -l <"$W/manifest")
  n_dirs=$(grep -c '^d' "$W/manifest" || true)
  n_files=$(grep -c '^f' "$W/manifest" || true)
  n_links=$(grep -c '^l' "$W/manifest" || true)
  say "blit: tree of $n_entries entries ($n_dirs directories, $n_files files, $n_links symlinks)"

  local tools=(moss cp c)
  if [ "$have_ostree" = 1 ]; then
    local mode=bare checkout=(-H)
    [ "$(id -u)" = 0 ] || { mode=bare-user checkout=(-U -H); }
    say "blit: committing the reference tree to an ostree repository (mode $mode) ..."
    ostree --repo="$W/ostree" init --mode=$mode
    ostree --repo="$W/ostree" commit --branch=bench --tree=dir="$W/ref/usr" >/dev/null
    tools=(moss cp ostree c)
  fi

  # Every run writes a new directory, and nothing is deleted until the end: on ext4 without a
  # journal, inode allocation skips inodes freed in the last ~30 s one by one, so deleting a
  # tree just before building the next one makes every tool several times slower.
  local n_out=0 out
  prep() { n_out=$((n_out + 1)); out="$W/out/$1-$n_out"; mkdir -p "$W/out"; case $1 in cp|ostree) mkdir "$out" ;; esac; }
  run() {
    case $1 in
      moss) "$moss" -D "$W/root" install --to "$out" "${stones[@]}" >"$W/moss.out" 2>>"$W/moss.log" ;;
      cp) cp -al "$W/ref/usr" "$out/usr" ;;
      ostree) ostree --repo="$W/ostree" checkout "${checkout[@]}" bench "$out/usr" ;;
      c) "$W/blitref" "$W/manifest" "$W/ref" "$out" 2 ;;
    esac
  }

  say "blit: warm-up (one untimed run of each) and equality check ..."
  for t in "${tools[@]}"; do prep "$t"; run "$t"; listing "$out/usr" >"$W/list-$t"; done
  for t in "${tools[@]}"; do
    [ "$t" = cp ] && continue
    if ! cmp -s "$W/list-cp" "$W/list-$t"; then
      say "error: the $t tree differs from the cp -al tree (first differences below)"
      diff "$W/list-cp" "$W/list-$t" | head -20 >&2
      exit 1
    fi
  done
  say "blit: all trees equal (path, type, mode, size, link text): $(wc -l <"$W/list-cp") entries"

  local r i k t
  for ((r = 0; r < reps; r++)); do
    for ((i = 0; i < ${#tools[@]}; i++)); do
      t=${tools[$(((i + r) % ${#tools[@]}))]}
      prep "$t"
      timed "blit-$t" run "$t"
      # moss's own "N entries blitted in X s" line: the blit alone, without start-up and planning
      [ "$t" = moss ] && times[blit-inner]+="$(sed -n 's/.* entries blitted in \([0-9.]*\) s.*/\1/p' "$W/moss.out") "
    done
    say "blit: round $((r + 1))/$reps: $(for t in "${tools[@]}"; do printf '%s %ss  ' "$t" "$(echo ${times[blit-$t]} | awk '{print $NF}')"; done)"
  done
  rm -rf "$W/out"

  local mm
  mm=$(median ${times[blit-moss]})
  summary+=("" "Blit: a fresh tree of $n_entries entries ($n_dirs dirs, $n_files files, $n_links symlinks), $reps rounds, hot cache"
    "$(printf '  %-34s %9s %9s %9s %9s' tool 'median s' 'min s' 'max s' 'CPU s')")
  local label
  for t in "${tools[@]}"; do
    case $t in
      moss) label='moss install --to (whole process)' ;;
      cp) label='cp -al' ;;
      ostree) label="ostree checkout ${checkout[*]}" ;;
      c) label='C reference, 2 threads' ;;
    esac
    read -r med min max <<<"$(stats ${times[blit-$t]})"
    summary+=("$(printf '  %-34s %9.3f %9.3f %9.3f %9.3f' "$label" "$med" "$min" "$max" "$(median ${times[blit-$t-cpu]})")")
    if [ "$t" = moss ] && [ -n "${times[blit-inner]// /}" ]; then
      read -r med min max <<<"$(stats ${times[blit-inner]})"
      summary+=("$(printf '  %-34s %9.3f %9.3f %9.3f' '  of which the blit (moss says)' "$med" "$min" "$max")")
    fi
  done
  paired() { # per-round ratio time(A)/time(moss), median
    local a=(${times[blit-$1]}) m=(${times[blit-moss]}) out=() j
    for ((j = 0; j < ${#m[@]}; j++)); do out+=("$(awk -v x="${a[$j]}" -v y="${m[$j]}" 'BEGIN {print x / y}')"); done
    median "${out[@]}"
  }
  local ratio pr
  ratio=$(awk -v a="$(median ${times[blit-cp]})" -v m="$mm" 'BEGIN {printf "%.2f", a / m}')
  pr=$(paired cp)
  summary+=("$(printf '  moss vs cp -al:   %.2fx faster (per-round median %.2fx)   target >= 1.30x  %s' "$ratio" "$pr" "$(verdict "$ratio" '>=' 1.3)")")
  if [ "$have_ostree" = 1 ]; then
    ratio=$(awk -v a="$(median ${times[blit-ostree]})" -v m="$mm" 'BEGIN {printf "%.2f", a / m}')
    pr=$(paired ostree)
    summary+=("$(printf '  moss vs ostree:   %.2fx faster (per-round median %.2fx)   target >= 1.60x  %s' "$ratio" "$pr" "$(verdict "$ratio" '>=' 1.6)")")
  fi
  ratio=$(awk -v c="$(median ${times[blit-c]})" -v m="$mm" 'BEGIN {printf "%.2f", m / c}')
  pr=$(paired c)
  summary+=("$(printf '  moss vs C:        %.2fx the C time (per-round median %.2fx)  target <= 1.15x  %s' "$ratio" "$(awk -v x="$pr" 'BEGIN {print 1 / x}')" "$(verdict "$ratio" '<=' 1.15)")")
  summary+=("  (CPU s: median user + system time of the process and its children; steadier than wall time under load)")
  local cpc
  cpc=$(awk -v a="$(median ${times[blit-cp]})" -v c="$(median ${times[blit-c]})" 'BEGIN {printf "%.2f", a / c}')
  summary+=("  (for scale: the C program is ${cpc}x faster than cp -al here)")
}

# ---- import: empty store vs store already holding the content, against zstd -d ------------
import() {
  corpus "$root/bench/target/corpus/v$gen_version-s$seed-p$packages-e$entries" \
    --seed "$seed" --packages "$packages" --entries "$entries"
  local dir="$root/bench/target/corpus/v$gen_version-s$seed-p$packages-e$entries"
  import_figure corpus "$W/root" "Import, the corpus (many small files)" "$dir"/*.stone
}

# The same figure for one package of large files, where decompression rather than creating
# files and directories sets the pace: a 480 MB package of 4-24 MiB files (LargeStone).
import_large() {
  local large_version dir
  large_version=$(sed -n 's/.*int VERSION = \([0-9]*\);.*/\1/p' "$root/bench/src/main/java/dev/moss/bench/corpus/LargeStone.java")
  dir="$root/bench/target/corpus/large-v$large_version"
  if ! ls "$dir"/*.stone >/dev/null 2>&1; then
    say "import-large: generating one package of large files into $dir ..."
    rm -rf "$dir"
    "${java[@]}" -Xmx2g -cp "$jar" dev.moss.bench.corpus.LargeStone "$dir" >/dev/null
  fi
  import_figure large "$W/root-large" "Import, one package of large files (decompression-bound)" "$dir"/*.stone
}

# import_figure LABEL ROOT TITLE STONES...: times `install --to` into an empty store (import and
# blit) and into ROOT, whose store already holds the content (blit only); their difference is
# the import. Against `zstd -d` of the same content payloads (the stored zstd frames) and a C
# program that recreates the same store with bare system calls (no decompression, no hashing).
import_figure() {
  local label=$1 iroot=$2 title=$3; shift 3
  local stones=("$@")
  [ "$have_install" = 1 ] || { say "import-$label: skipped (no install --to)"; return; }
  [ "$have_zstd" = 1 ] || { say "import-$label: skipped (no zstd)"; return; }

  say "import-$label: dumping each stone's content payload (the stored zstd frame) ..."
  local zst="$W/zst-$label"
  "${java[@]}" -cp "$jar" dev.moss.bench.corpus.ContentDump "$zst" "${stones[@]}" >"$zst.txt"
  local plain stored
  read -r _ plain stored < <(grep '^total' "$zst.txt")
  # A stone's content is one frame whose window is its whole size: allow zstd that much memory.
  local zmem=(--memory=2048MB)
  zstd -t -q "${zmem[@]}" "$zst"/*.zst || { say "error: zstd cannot read the dumped payloads"; exit 1; }
  cat "${stones[@]}" "$zst"/*.zst >/dev/null

  [ -d "$iroot/.moss" ] || { mkdir -p "$iroot"; "$moss" -D "$iroot" install --to "$W/imp-hot-$label" "${stones[@]}" >/dev/null 2>&1; }
  # The C reference recreates the store moss made (its assets, not the variants a blit adds):
  # the same directories and files, written from the page cache with bare system calls.
  local store="$iroot/.moss/assets/v2" manifest="$W/import-manifest-$label"
  (cd "$store" && find . -mindepth 1 \( -type d -printf 'd %P\n' \) -o \( -type f -regex '.*/[0-9a-f]*' -printf 'f %m %P\n' \)) \
    >"$manifest"
  local n_dirs n_files
  n_dirs=$(grep -c '^d' "$manifest" || true)
  n_files=$(grep -c '^f' "$manifest" || true)
  say "import-$label: the store holds $n_files assets in $n_dirs directories"

  # A new store and output directory per run, all deleted at the end (see blit() for why).
  local n_out=0 out
  prep() { n_out=$((n_out + 1)); out="$W/imp/$1-$n_out"; mkdir -p "$out"; }
  run() {
    case $1 in
      cold) "$moss" -D "$out" install --to "$out/tree" "${stones[@]}" >/dev/null 2>>"$W/moss.log" ;;
      hot) "$moss" -D "$iroot" install --to "$out/tree" "${stones[@]}" >/dev/null 2>>"$W/moss.log" ;;
      zstd) zstd -d -q "${zmem[@]}" --output-dir-flat "$out" "$zst"/*.zst ;;
      cref) "$W/importref" "$manifest" "$store" "$out/v2" 2 ;;
    esac
  }
  local tools=(cold hot zstd cref) r i t
  for t in "${tools[@]}"; do times[imp-$t]=""; times[imp-$t-cpu]=""; done
  say "import-$label: warm-up ..."
  for t in "${tools[@]}"; do prep "$t"; run "$t"; done
  for ((r = 0; r < reps; r++)); do
    for ((i = 0; i < ${#tools[@]}; i++)); do
      t=${tools[$(((i + r) % ${#tools[@]}))]}
      prep "$t"
      timed "imp-$t" run "$t"
    done
    say "import-$label: round $((r + 1))/$reps: $(for t in "${tools[@]}"; do printf '%s %ss  ' "$t" "$(echo ${times[imp-$t]} | awk '{print $NF}')"; done)"
  done
  rm -rf "$W/imp"

  local cold hot z
  cold=$(median ${times[imp-cold]}); hot=$(median ${times[imp-hot]}); z=$(median ${times[imp-zstd]})
  summary+=("" "$title: ${#stones[@]} stone(s), $(awk -v p="$plain" 'BEGIN {printf "%.1f", p / 1e6}') MB of plain content ($(awk -v s="$stored" 'BEGIN {printf "%.1f", s / 1e6}') MB compressed), $n_files files, $reps rounds"
    "$(printf '  %-44s %9s %9s %9s %9s' '' 'median s' 'min s' 'max s' 'CPU s')")
  read -r med min max <<<"$(stats ${times[imp-cold]})"
  summary+=("$(printf '  %-44s %9.3f %9.3f %9.3f %9.3f' 'moss install --to, empty store (import+blit)' "$med" "$min" "$max" "$(median ${times[imp-cold-cpu]})")")
  read -r med min max <<<"$(stats ${times[imp-hot]})"
  summary+=("$(printf '  %-44s %9.3f %9.3f %9.3f %9.3f' 'moss install --to, content in store (blit)' "$med" "$min" "$max" "$(median ${times[imp-hot-cpu]})")")
  read -r med min max <<<"$(stats ${times[imp-zstd]})"
  summary+=("$(printf '  %-44s %9.3f %9.3f %9.3f %9.3f' 'zstd -d --output-dir-flat (one process)' "$med" "$min" "$max" "$(median ${times[imp-zstd-cpu]})")")
  read -r med min max <<<"$(stats ${times[imp-cref]})"
  summary+=("$(printf '  %-44s %9.3f %9.3f %9.3f %9.3f' "C: same $n_files files + $n_dirs dirs, 2 thr" "$med" "$min" "$max" "$(median ${times[imp-cref-cpu]})")")
  local imp ratio cref
  cref=$(median ${times[imp-cref]})
  imp=$(awk -v c="$cold" -v h="$hot" 'BEGIN {printf "%.4f", c - h}')
  ratio=$(awk -v i="$imp" -v z="$z" 'BEGIN {printf "%.2f", z / i}')
  summary+=("$(awk -v p="$plain" -v i="$imp" -v z="$z" 'BEGIN {
      printf "  import = empty-store minus in-store median: %.3f s = %.0f MB/s; zstd -d: %.0f MB/s", i, p / i / 1e6, p / z / 1e6}')"
    "$(printf '  moss import vs zstd -d: %.2fx the zstd throughput   target >= 0.70x  %s' "$ratio" "$(verdict "$ratio" '>=' 0.7)")"
    "$(awk -v i="$imp" -v c="$cref" 'BEGIN {printf "  moss import vs the C program making the same store (no decompression, no hashing): %.2fx its time", i / c}')"
    "  (zstd -d writes one file per stone; the store needs one file per unique content plus its aa/bb/cc directories)")
}

# ---- million: a 1,000,000-entry tree in a 512 MiB heap -------------------------------------
million() {
  local dir="$root/bench/target/corpus/v$gen_version-s$seed-million-p$million_packages-e$million_entries"
  corpus "$dir" --seed "$seed" --million --packages "$million_packages" --entries "$million_entries"
  local stones=("$dir"/*.stone)
  [ "$have_install" = 1 ] || { say "million: skipped (no install --to)"; return; }
  cat "${stones[@]}" >/dev/null
  local label rc
  summary+=("" "Million: $million_entries layout entries in ${#stones[@]} stones, MOSS_JAVA_OPTS=-Xmx512m")
  for label in "empty store" "content in store"; do
    local out="$W/million-${label// /-}"
    say "million: install --to, $label ..."
    mkdir -p "$W/mroot"
    sync
    rc=0
    MOSS_JAVA_OPTS=-Xmx512m /usr/bin/time -v "$moss" -D "$W/mroot" install --to "$out" "${stones[@]}" \
      >"$W/million.out" 2>"$W/million.err" || rc=$?
    local wall rss n
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/million.err")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/million.err")
    n=$( [ -d "$out/usr" ] && find "$out/usr" | wc -l || echo 0)
    if [ "$rc" = 0 ]; then
      summary+=("$(printf '  %-18s ok, %s wall, peak RSS %d MiB, %d paths in the tree' "$label:" "$wall" "$((rss / 1024))" "$n")")
    else
      summary+=("$(printf '  %-18s FAILED (exit %d) after %s, peak RSS %d MiB; last lines:' "$label:" "$rc" "$wall" "$((rss / 1024))")")
      while IFS= read -r line; do summary+=("    $line"); done < <(grep -v '^\s' "$W/million.err" | tail -5)
    fi
    rm -rf "$out"
  done
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
want blit && blit
want import && import
want import-large && import_large
want million && million

echo
echo "moss install benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -r), $fs"
echo "command: bench/run-install.sh $args (reps $reps); load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${summary[@]}"

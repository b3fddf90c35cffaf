#!/usr/bin/env bash
# The cost of `diff` on large tables: writes two tables of SITES sites (default 1,000,000: one function, 100 sites
# per class, the second table with every line number moved by one, so there is no difference) and runs, under
# /usr/bin/time,
#   java [-Xmx SIZE] -jar cli/target/patchsite.jar diff old.table new.table
# RUNS times (default 3). Prints each run's exit code, wall time, user time and peak RSS (%M). See benchmarks/README.md
# ("diff-large-table.sh"). Builds nothing (run `mvn -B -q package -DskipTests` first). JAVA chooses the JVM;
# DIFF_TABLE_DIR (default /tmp/patchsite-diff-table) holds the tables; LINKER (default cli/target/patchsite.jar)
# is the patchsite jar to run, so that two builds can be compared on the same tables.
#
#   benchmarks/diff-large-table.sh [--sites N] [--xmx SIZE] [--runs N]
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${DIFF_TABLE_DIR:-/tmp/patchsite-diff-table}"

usage() { echo "usage: $0 [--sites N] [--xmx SIZE] [--runs N]" >&2; exit 2; }
sites=1000000
heap=()
runs=3
while (( $# )); do
  case "$1" in
    --sites) int_option sites 1 "$@"; shift 2 ;;
    --xmx) (( $# >= 2 )) || usage; heap=("-Xmx$2"); shift 2 ;;
    --runs) int_option runs 1 "$@"; shift 2 ;;
    *) usage ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "$0: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
linker="${LINKER:-$root/cli/target/patchsite.jar}"
[[ -f "$linker" ]] || { echo "$0: $linker missing; run mvn -B -q package -DskipTests" >&2; exit 1; }
mkdir -p "$work"

# One table: the version line, one function, then the sites, each in a class of its own hundred. Names are
# zero-padded so that the sites come in the table's canonical order, as scan and link write them (UNSORTED=1 writes
# c2 after c19 and m2 after m19 instead, as the first version of this script did: a table edited by hand, say).
table() { # FILE LINE-SHIFT
  awk -v n="$sites" -v shift="$2" -v unsorted="${UNSORTED:-0}" 'BEGIN {
    print "patchsite-table 1"
    print "function a.G.f()V"
    format = unsorted ? "site a.G.f()V a.c%d.C.m%d()V #0 invoke line=%d offset=%d\n" \
                      : "site a.G.f()V a.c%07d.C.m%02d()V #0 invoke line=%d offset=%d\n"
    for (i = 0; i < n; i++) {
      printf format, int(i / 100), i % 100, i % 1000 + shift, i % 50
    }
  }' > "$1"
}
table "$work/old.table" 0
table "$work/new.table" 1
echo "tables: $sites sites, $(du -h "$work/old.table" | cut -f1) each, in $work"
for (( run = 1; run <= runs; run++ )); do
  set +e
  /usr/bin/time -f "run $run: wall %e s, user %U s, peak RSS %M KB" -o "$work/time.txt" \
    "$java" "${heap[@]}" -jar "$linker" diff "$work/old.table" "$work/new.table" > "$work/diff.out" 2> "$work/diff.err"
  code=$?
  set -e
  echo "$(cat "$work/time.txt"), exit $code"
done

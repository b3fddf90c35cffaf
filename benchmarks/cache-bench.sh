#!/usr/bin/env bash
# Times scans of a big jar with the scan cache against a cold scan of the same jar, in the same run.
#
#   benchmarks/cache-bench.sh BIG.jar [--threads N] [--runs R] [--every K]
#
# Builds nothing: run `mvn -B -q package -DskipTests` from the root first (it makes
# benchmarks/target/benchmarks.jar and cli/target/patchsite.jar). Make BIG.jar with
# benchmarks/make-big-jar.sh. Three measurements, each a whole `patchsite scan` process, run in turn in
# each of R rounds (default 5) after one untimed round:
#   cold      scan BIG.jar --no-cache: every class read, as before the cache
#   unchanged scan BIG.jar with a cache the previous scan of the same, unchanged jar left
#   changed   scan a jar with 1 class in K changed (default K = 100, 1%; ChangeClasses), with the cache a scan
#             of BIG.jar left: before each timed scan, the cache is put back as that scan left it and the changed
#             copy is put in place (untimed), so every timed scan finds 1 class in K changed since the last scan
# For each it records the wall time of the process (JVM start-up included), its CPU time (user + sys) and
# patchsite's own time, which `scan -v` prints ("scanned 1 input in N ms": opening the jar, the scan, the
# cache, writing the table; JVM start-up excluded), and prints the medians and the ratios to the cold scan.
# The targets (issue 11): unchanged <= 0.3 s own work and <= 0.6 s whole process; changed <= 0.5 s.
# With BASELINE_LINKER=JAR (another build's patchsite.jar), a fourth measurement, changed-base, scans the changed
# jar with that build, with its own cache put back the same way, right after each changed scan: the two builds head
# to head, in the same rounds, and the ratio of their medians.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
decl="$here/bench.decl"
work="${CACHE_BENCH_DIR:-/tmp/patchsite-cache-bench-run}"

usage() { echo "usage: $0 BIG.jar [--threads N] [--runs R] [--every K]" >&2; exit 2; }

big=""
threads="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
runs=5
every=100
while (( $# )); do
  case "$1" in
    --threads) int_option threads 1 "$@"; shift 2 ;;
    --runs)    int_option runs 1 "$@"; shift 2 ;;
    --every)   int_option every 2 "$@"; shift 2 ;;
    -*) usage ;;
    *) [[ -z "$big" ]] || usage; big="$1"; shift ;;
  esac
done
[[ -n "$big" ]] || usage
[[ -f "$big" ]] || { echo "$0: no such jar: $big" >&2; exit 1; }
rm -rf "$work"
# Copies of the tools, so that a rebuild during the runs cannot mix builds.
copy_jars patchsite.jar benchmarks.jar
copy_baseline
mkdir -p "$work/unchanged" "$work/changed" "$work/changed-base"
cp "$big" "$work/unchanged/app.jar"
cp "$big" "$work/version-a.jar"
"$java" -cp "$work/benchmarks.jar" dev.patchsite.benchmarks.ChangeClasses "$big" "$work/version-b.jar" "$every" >&2
cp "$work/version-a.jar" "$work/changed/app.jar"

scan() {   # scan JAR CACHE-OPTIONS...: one patchsite scan (by $linker, this build's unless set)
  local jar="$1"; shift
  "$java" "${java_opts[@]}" -jar "$work/${linker:-patchsite.jar}" scan "$jar" --threads "$threads" \
    --declarations "$decl" -v "$@"
}
measure_cold() {
  scan "$work/unchanged/app.jar" --no-cache -o "$work/cold.table" >"$work/cold.out" 2>"$work/cold.err"
}
measure_unchanged() {
  scan "$work/unchanged/app.jar" --cache "$work/unchanged/cache" -o "$work/unchanged.table" \
    >"$work/unchanged.out" 2>"$work/unchanged.err"
}
measure_changed() {
  scan "$work/changed/app.jar" --cache "$work/changed/cache" -o "$work/changed.table" \
    >"$work/changed.out" 2>"$work/changed.err"
}
measure_changed-base() {
  linker=patchsite-base.jar scan "$work/changed-base/app.jar" --cache "$work/changed-base/cache" \
    -o "$work/changed-base.table" >"$work/changed-base.out" 2>"$work/changed-base.err"
}
prepare_changed() {   # prepare_changed DIR: puts back in DIR the cache a scan of BIG.jar (by $linker) left, and
                      # the changed jar in place; untimed
  local dir="$1"
  if [[ ! -d "$dir/cache-of-a" ]]; then
    cp "$work/version-a.jar" "$dir/app.jar"
    scan "$dir/app.jar" --cache "$dir/cache" -o "$dir/first.table" >/dev/null 2>&1
    cp -r "$dir/cache" "$dir/cache-of-a"
  fi
  rm -rf "$dir/cache"
  cp -r "$dir/cache-of-a" "$dir/cache"
  cp "$work/version-b.jar" "$dir/app.jar.tmp"
  mv "$dir/app.jar.tmp" "$dir/app.jar"
}
measurements=(cold unchanged changed)
[[ -z "${BASELINE_LINKER:-}" ]] || measurements+=(changed-base)

run_one() {   # run_one NAME: prints "WALL_MS CPU_MS OWN_MS"
  local name="$1" t0 t1
  t0=$(date +%s%N)
  if ! ( "measure_$name"; times >"$work/times.txt" ); then
    echo "$0: $name failed; its output:" >&2
    cat "$work/$name.out" "$work/$name.err" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  # CPU time (user + sys) of the children of the subshell: the one process just run.
  echo "$(( (t1 - t0) / 1000000 )) $(children_cpu_ms "$work/times.txt") $(sed -n 's/^scanned 1 input in \([0-9]*\) ms.*/\1/p' "$work/$name.err")"
}

echo "jar: $big ($(stat -c %s "$big") bytes), threads: $threads, runs: $runs, 1 class in $every changed"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A walls=() cpus=() owns=()
for (( r = 0; r <= runs; r++ )); do   # round 0 is the warm-up (and fills the caches)
  for m in "${measurements[@]}"; do
    [[ $m != changed ]] || prepare_changed "$work/changed"
    [[ $m != changed-base ]] || linker=patchsite-base.jar prepare_changed "$work/changed-base"
    result="$(run_one "$m")" || exit 1
    # A cache the scan could not use (one warning) would time a cold scan under the cache's name.
    if grep -q '^warning: scan cache' "$work/$m.err"; then
      echo "$0: $m: $(grep '^warning: scan cache' "$work/$m.err")" >&2; exit 1
    fi
    read -r wall cpu own <<<"$result"
    (( r > 0 )) || continue
    walls[$m]+=" $wall"; cpus[$m]+=" $cpu"; owns[$m]+=" $own"
    echo "run $r $m: wall $wall ms, cpu $cpu ms, own $own ms" >&2
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

for m in "${measurements[@]}"; do
  echo "$m runs: wall ms:${walls[$m]}; cpu ms:${cpus[$m]}; own ms:${owns[$m]}"
done
for m in "${measurements[@]}"; do
  echo "$m median: wall $(median "${walls[$m]}") ms, cpu $(median "${cpus[$m]}") ms, own $(median "${owns[$m]}") ms"
done
for m in unchanged changed; do
  for k in walls cpus owns; do
    declare -n series="$k"
    awk -v a="$(median "${series[$m]}")" -v c="$(median "${series[cold]}")" -v m="$m" -v k="${k%s}" \
      'BEGIN { printf "%s/cold %s: %.3f\n", m, k, a / c }'
  done
done
if [[ -n "${BASELINE_LINKER:-}" ]]; then
  for k in walls cpus owns; do
    declare -n series="$k"
    awk -v a="$(median "${series[changed]}")" -v b="$(median "${series[changed-base]}")" -v k="${k%s}" \
      'BEGIN { printf "changed/changed-base %s: %.3f\n", k, a / b }'
  done
  cmp -s "$work/cold.table" "$work/changed-base.table" && echo "tables: changed-base = cold" \
    || { echo "$0: the baseline build's table of the changed jar differs from the cold scan's" >&2; exit 1; }
fi
cmp -s "$work/cold.table" "$work/unchanged.table" && echo "tables: unchanged = cold" \
  || { echo "$0: the cached scan's table differs from the cold scan's" >&2; exit 1; }
cmp -s "$work/cold.table" "$work/changed.table" && echo "tables: changed = cold (ChangeClasses keeps every site)" \
  || { echo "$0: the changed jar's table differs from the cold scan's" >&2; exit 1; }
echo "sites: $(grep -c '^site ' "$work/cold.table" || true)"

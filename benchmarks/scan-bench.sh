#!/usr/bin/env bash
# Times the linker's scan of a big jar against the scan floor (inflating every class entry).
#
#   benchmarks/scan-bench.sh BIG.jar [--threads N] [--runs R] [--warmup W] [--only NAME,...]
#
# Builds nothing: run `mvn -B -q package -DskipTests` from the root first (it makes
# benchmarks/target/benchmarks.jar and cli/target/patchsite.jar). Make BIG.jar with
# benchmarks/make-big-jar.sh. For R runs (default 5), after W untimed warm-up rounds
# (default 1, so every measurement reads the jar from the page cache), it times each
# measurement as a whole process (wall clock, ms, JVM start-up included; also its CPU time,
# user + sys, which a busy machine disturbs less), alternating them within a round, then
# prints one figure a line, among them:
#   floor median ms: ...   scan median ms: ...   scan/floor: ...   sites: ...
#   link median ms: ...    link/floor: ...
# The targets are scan/floor <= 1.2 and link/floor <= 1.5. If cli/target/patchsite.jar
# is missing, only the floor is measured; so it is with --only floor (the floor is always
# measured; --only picks among the others). N defaults to the number of available processors.
#
# The third measurement, link, links BIG.jar in boot mode (the default) with the same
# declarations and threads, to $work/linked.jar.
# Measurements are shell functions named measure_<name>, listed in $measurements.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
linker_jar="$root/cli/target/patchsite.jar"
decl="$here/bench.decl"
work="${SCAN_BENCH_DIR:-/tmp/patchsite-scan-bench}"   # tables and outputs of the last run

usage() { echo "usage: $0 BIG.jar [--threads N] [--runs R] [--warmup W] [--only NAME,...]" >&2; exit 2; }

big=""
threads="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
runs=5
warmup=1
only=""
while (( $# )); do
  case "$1" in
    --threads) int_option threads 1 "$@"; shift 2 ;;
    --runs)    int_option runs 1 "$@"; shift 2 ;;
    --warmup)  int_option warmup 0 "$@"; shift 2 ;;
    --only)    option only "$@"; only=",$only,"; shift 2 ;;
    -*) usage ;;
    *) [[ -z "$big" ]] || usage; big="$1"; shift ;;
  esac
done
[[ -n "$big" ]] || usage
[[ -f "$big" ]] || { echo "$0: no such jar: $big" >&2; exit 1; }
copy_jars benchmarks.jar
bench_jar="$work/benchmarks.jar"

# --- measurements: each runs one process, output in $work/<name>.out, errors in $work/<name>.err

measure_floor() {
  "$java" "${java_opts[@]}" -cp "$bench_jar" dev.patchsite.benchmarks.InflateFloor \
    "$big" --threads "$threads" >"$work/floor.out" 2>"$work/floor.err"
}

measure_scan() {
  "$java" "${java_opts[@]}" -jar "$linker_jar" scan "$big" --no-cache --threads "$threads" \
    --declarations "$decl" -o "$work/scan.table" >"$work/scan.out" 2>"$work/scan.err"
}

measure_link() {
  "$java" "${java_opts[@]}" -jar "$linker_jar" link "$big" --no-cache --threads "$threads" \
    --declarations "$decl" -o "$work/linked.jar" >"$work/link.out" 2>"$work/link.err"
}

# The floor is always measured (the others are compared with it); --only picks among the rest.
wanted() { [[ -z "$only" || "$only" == *",$1,"* ]]; }
measurements=(floor)
for m in scan link; do
  wanted "$m" || continue
  if [[ ! -f "$linker_jar" ]]; then
    echo "$0: $linker_jar missing: measuring the floor only" >&2
    break
  fi
  measurements+=("$m")
done
if (( ${#measurements[@]} > 1 )); then
  cp "$linker_jar" "$work/patchsite.jar"
  linker_jar="$work/patchsite.jar"
fi

# --- run

declare -A times=() cpus=()
run_one() {   # run_one NAME: times one measurement (run in a subshell), prints "WALL_MS CPU_MS"
  local name="$1" t0 t1
  t0=$(date +%s%N)
  if ! "measure_$name"; then
    echo "$0: $name failed; its output:" >&2
    cat "$work/$name.out" "$work/$name.err" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  # CPU time (user + sys) of the process just run: this subshell's only child so far.
  times >"$work/times.txt"
  echo "$(( (t1 - t0) / 1000000 )) $(children_cpu_ms "$work/times.txt")"
}

echo "jar: $big ($(stat -c %s "$big") bytes), threads: $threads, runs: $runs, warm-up rounds: $warmup"
for (( w = 1; w <= warmup; w++ )); do
  for m in "${measurements[@]}"; do
    run_one "$m" >/dev/null
  done
done
for (( r = 1; r <= runs; r++ )); do
  for m in "${measurements[@]}"; do
    result="$(run_one "$m")" || exit 1
    read -r ms cpu <<<"$result"
    times[$m]+=" $ms"
    cpus[$m]+=" $cpu"
    echo "run $r $m ms: $ms (cpu ms: $cpu)" >&2
  done
done


declare -A med=()
for m in "${measurements[@]}"; do
  med[$m]="$(median "${times[$m]}")"
  echo "$m runs ms:${times[$m]}"
  echo "$m runs cpu ms:${cpus[$m]}"
done
echo "floor last run: $(cat "$work/floor.out")"
for m in "${measurements[@]}"; do
  echo "$m median ms: ${med[$m]}"
  echo "$m median cpu ms: $(median "${cpus[$m]}")"
done
if [[ -n "${med[scan]:-}" ]]; then
  awk -v s="${med[scan]}" -v f="${med[floor]}" 'BEGIN { printf "scan/floor: %.2f (target <= 1.2)\n", s / f }'
  awk -v s="$(median "${cpus[scan]}")" -v f="$(median "${cpus[floor]}")" 'BEGIN { printf "scan/floor cpu: %.2f\n", s / f }'
  echo "sites: $(grep -c '^site ' "$work/scan.table" || true)"
fi
if [[ -n "${med[link]:-}" ]]; then
  awk -v l="${med[link]}" -v f="${med[floor]}" 'BEGIN { printf "link/floor: %.2f (target <= 1.5)\n", l / f }'
  awk -v l="$(median "${cpus[link]}")" -v f="$(median "${cpus[floor]}")" 'BEGIN { printf "link/floor cpu: %.2f\n", l / f }'
  echo "link: $(cat "$work/link.out")"
  echo "linked jar: $(stat -c %s "$work/linked.jar") bytes"
fi

#!/usr/bin/env bash
# Times linking a Spring Boot fat jar against its inflate floor and against linking the same classes as one jar.
#
#   benchmarks/fat-jar-bench.sh [--runs R] [--threads N] LIB.jar...
#
# Builds nothing: run `mvn -B -q package -DskipTests` from the root first. Makes, with MakeFatJar, fat.jar
# (BOOT-INF/lib/ holding each LIB.jar stored) and plain.jar (their class entries, first of a name wins, copied raw)
# in $work, then, after one untimed warm-up round, times R rounds (default 5) of four whole processes, interleaved
# within each round (wall clock, JVM start-up included; and CPU time, user + sys):
#   fat-floor   InflateFloor fat.jar --nested   (inflate every class of the fat jar, nested jars included)
#   fat-link    patchsite link fat.jar          (with benchmarks/bench.decl, boot mode)
#   plain-link  patchsite link plain.jar
#   plain-floor InflateFloor plain.jar
# and prints the medians and the ratios fat-link/fat-floor, fat-link/plain-link and plain-link/plain-floor.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${FAT_BENCH_DIR:-/tmp/patchsite-fat-bench}"

usage() { echo "usage: $0 [--runs R] [--threads N] LIB.jar..." >&2; exit 2; }

runs=5
threads="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)"
libs=()
while (( $# )); do
  case "$1" in
    --runs) int_option runs 1 "$@"; shift 2 ;;
    --threads) int_option threads 1 "$@"; shift 2 ;;
    -*) usage ;;
    *) libs+=("$1"); shift ;;
  esac
done
(( ${#libs[@]} )) || usage
copy_jars benchmarks.jar patchsite.jar
"$java" -cp "$work/benchmarks.jar" dev.patchsite.benchmarks.MakeFatJar "$work/fat.jar" "$work/plain.jar" "${libs[@]}"

floor() { "$java" -cp "$work/benchmarks.jar" dev.patchsite.benchmarks.InflateFloor "$@" --threads "$threads"; }
link() { "$java" -jar "$work/patchsite.jar" link "$1" -o "$2" --threads "$threads" --declarations "$here/bench.decl"; }
measure_fat_floor() { floor "$work/fat.jar" --nested; }
measure_fat_link() { link "$work/fat.jar" "$work/fat-linked.jar"; }
measure_plain_link() { link "$work/plain.jar" "$work/plain-linked.jar"; }
measure_plain_floor() { floor "$work/plain.jar"; }
measurements=(fat_floor fat_link plain_link plain_floor)

declare -A times=() cpus=()
run_one() {   # times one measurement in a subshell; prints "WALL_MS CPU_MS"
  local t0 t1
  t0=$(date +%s%N)
  "measure_$1" >"$work/$1.out" 2>"$work/$1.err" || { cat "$work/$1.out" "$work/$1.err" >&2; exit 1; }
  t1=$(date +%s%N)
  times >"$work/times.txt"
  echo "$(( (t1 - t0) / 1000000 )) $(children_cpu_ms "$work/times.txt")"
}

for m in "${measurements[@]}"; do run_one "$m" >/dev/null; done
for (( r = 1; r <= runs; r++ )); do
  for m in "${measurements[@]}"; do
    read -r ms cpu <<<"$(run_one "$m")"
    times[$m]+=" $ms"; cpus[$m]+=" $cpu"
    echo "run $r $m ms: $ms (cpu ms: $cpu)" >&2
  done
done
declare -A med=() cmed=()
for m in "${measurements[@]}"; do
  med[$m]="$(median "${times[$m]}")"; cmed[$m]="$(median "${cpus[$m]}")"
  echo "$m median ms: ${med[$m]} (cpu ms: ${cmed[$m]}); runs:${times[$m]}"
done
ratio() { awk -v a="$2" -v b="$3" -v n="$1" 'BEGIN { printf "%s: %.2f\n", n, a / b }'; }
ratio "fat-link/fat-floor" "${med[fat_link]}" "${med[fat_floor]}"
ratio "fat-link/fat-floor cpu" "${cmed[fat_link]}" "${cmed[fat_floor]}"
ratio "fat-link/plain-link" "${med[fat_link]}" "${med[plain_link]}"
ratio "fat-link/plain-link cpu" "${cmed[fat_link]}" "${cmed[plain_link]}"
ratio "plain-link/plain-floor" "${med[plain_link]}" "${med[plain_floor]}"
echo "fat floor: $(cat "$work/fat_floor.out")"
echo "plain floor: $(cat "$work/plain_floor.out")"
echo "fat link: $(cat "$work/fat_link.out")"
echo "plain link: $(cat "$work/plain_link.out")"

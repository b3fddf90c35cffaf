#!/usr/bin/env bash
# The cost of PatchSite.update of a tracepoint with many sites in many loaded classes: with the agent (every loaded
# class holding a site retransformed and patched again), against the same update with the sites on their
# trampolines (-Dpatchsite.patchUpdatable=false: only the trampolines' targets change). See benchmarks/README.md
# ("update-bench.sh").
#
#   benchmarks/update-bench.sh [--classes N] [--sites K] [--rounds R] [--processes P]
#
# Builds nothing: run `mvn -B -q package -DskipTests` from the root first. Writes, with UpdateBench make, a jar of
# N classes (default 100) each calling the updatable, empty updbench.T.hit(int) K times (default 10); links it in
# boot mode; then, P times (default 3) in turn, runs UpdateBench run (R rounds, default 21, each updating the
# tracepoint on and off and checking every site followed) in a fresh JVM:
#   boot-agent       java -javaagent:RUNTIME -cp benchmarks.jar dev.patchsite.benchmarks.UpdateBench run boot.jar
#   boot-trampoline  the same with -Dpatchsite.patchUpdatable=false
# and prints each process's medians of update on and off, in total and per class, in microseconds.
#
# JAVA (default java) and JAVA_OPTS choose the JVM and its options; UPDATE_BENCH_DIR (default
# /tmp/patchsite-update-bench) holds the jars and outputs. Runs under `nice`. Exit code 1 if a run fails or a check
# fails, 2 on a usage error.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${UPDATE_BENCH_DIR:-/tmp/patchsite-update-bench}"

usage() { echo "usage: $0 [--classes N] [--sites K] [--rounds R] [--processes P]" >&2; exit 2; }

classes=100
sites=10
rounds=21
processes=3
while (( $# )); do
  case "$1" in
    --classes)   int_option classes 1 "$@"; shift 2 ;;
    --sites)     int_option sites 1 "$@"; shift 2 ;;
    --rounds)    int_option rounds 1 "$@"; shift 2 ;;
    --processes) int_option processes 1 "$@"; shift 2 ;;
    *) usage ;;
  esac
done

copy_jars benchmarks.jar patchsite.jar runtime.jar
tool=(-cp "$work/benchmarks.jar:$work/runtime.jar" dev.patchsite.benchmarks.UpdateBench)

java "${tool[@]}" make "$work/sites.jar" --classes "$classes" --sites "$sites"
link_jar patchsite.jar sites.jar boot.jar --mode boot

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $("$java" -version 2>&1 | head -2 | tail -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for p in $(seq 1 "$processes"); do
  for run in boot-agent boot-trampoline; do
    extra=()
    [[ "$run" == boot-trampoline ]] && extra=(-Dpatchsite.patchUpdatable=false)
    log="$work/$run-$p.log"
    if ! nice "$java" "${java_opts[@]}" "${extra[@]}" "-javaagent:$work/runtime.jar" "${tool[@]}" run \
        "$work/boot.jar" --rounds "$rounds" >"$log" 2>&1; then
      echo "$0: $run failed:" >&2; tail -20 "$log" >&2; exit 1
    fi
    printf '%-16s %s | %s\n' "$run" "$(grep '^median' "$log")" "$(grep -o 'sites patched: [0-9]*' "$log")"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

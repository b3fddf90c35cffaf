#!/usr/bin/env bash
# The start-up cost of binding sites: the boot agent patching N classes x K sites as they load, against the same
# program unlinked, without the agent (trampolines) and linked in indy mode (one bootstrap per site).
# See benchmarks/README.md ("boot-bench.sh").
#
#   benchmarks/boot-bench.sh [--classes N] [--sites K] [--runs R] [--warmup W]
#
# Builds nothing: run `mvn -B -q package -DskipTests` from the root first. Generates, with MakeSiteJar, a jar of N
# classes (default 2000) each calling the function bootbench.F.f K times (default 5), whose Main calls each class
# once (loading it and running each site once) and prints the time of that in microseconds; links it in boot and in
# indy mode; then, after W untimed rounds (default 2), times R rounds (default 11) of these five processes, in turn:
#   unlinked         java -cp sites.jar bootbench.Main
#   unlinked-agent   java -javaagent:RUNTIME -cp sites.jar bootbench.Main      (the agent, nothing to patch)
#   boot-agent       java -Dsel -javaagent:RUNTIME -cp boot.jar bootbench.Main (every site patched at load)
#   boot-trampoline  java -Dsel -cp boot.jar bootbench.Main                    (no agent: every call via F.f)
#   indy             java -Dsel -cp indy.jar bootbench.Main                    (one bootstrap per site)
# (-Dsel = -Dpatchsite.select.bootbench.F=plus2: the linked runs must reach the variant, which each run's printed
# result proves.) It prints the medians of each process's wall time (JVM start to exit) and of Main's in-process
# time, then the costs per site: (boot-agent - unlinked) / sites and (indy - unlinked) / sites, in microseconds, and
# the agent's own start-up cost, wall(unlinked-agent) - wall(unlinked). Before timing, one boot-agent run with
# -Dpatchsite.verbose=true checks that the agent patched every site.
#
# JAVA (default java) and JAVA_OPTS choose the JVM and its options; BOOT_BENCH_DIR (default
# /tmp/patchsite-boot-bench) holds the jars and the outputs. Exit code 1 if a run fails or reaches the wrong
# implementation, 2 on a usage error.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${BOOT_BENCH_DIR:-/tmp/patchsite-boot-bench}"
sel="-Dpatchsite.select.bootbench.F=plus2"

usage() { echo "usage: $0 [--classes N] [--sites K] [--runs R] [--warmup W]" >&2; exit 2; }

classes=2000
sites=5
runs=11
warmup=2
while (( $# )); do
  case "$1" in
    --classes) int_option classes 1 "$@"; shift 2 ;;
    --sites)   int_option sites 1 "$@"; shift 2 ;;
    --runs)    int_option runs 1 "$@"; shift 2 ;;
    --warmup)  int_option warmup 0 "$@"; shift 2 ;;
    *) usage ;;
  esac
done
total=$(( classes * sites ))

copy_jars benchmarks.jar patchsite.jar runtime.jar
runtime="$work/runtime.jar"

java -cp "$work/benchmarks.jar" dev.patchsite.benchmarks.MakeSiteJar "$work/sites.jar" \
  --classes "$classes" --sites "$sites"
for mode in boot indy; do
  link_jar patchsite.jar sites.jar "$mode.jar" --no-cache --mode "$mode"
  echo "link $mode: $(cat "$work/link-$mode.jar.log")"
done

measure_unlinked()        { "$java" "${java_opts[@]}" -cp "$work/sites.jar" bootbench.Main; }
measure_unlinked-agent()  { "$java" "${java_opts[@]}" -javaagent:"$runtime" -cp "$work/sites.jar" bootbench.Main; }
measure_boot-agent()      { "$java" "${java_opts[@]}" "$sel" -javaagent:"$runtime" -cp "$work/boot.jar" bootbench.Main; }
measure_boot-trampoline() { "$java" "${java_opts[@]}" "$sel" -cp "$work/boot.jar" bootbench.Main; }
measure_indy()            { "$java" "${java_opts[@]}" "$sel" -cp "$work/indy.jar" bootbench.Main; }
measurements=(unlinked unlinked-agent boot-agent boot-trampoline indy)
declare -A expect=( [unlinked]=$(( 1 + total )) [unlinked-agent]=$(( 1 + total )) [boot-agent]=$(( 1 + 2 * total ))
  [boot-trampoline]=$(( 1 + 2 * total )) [indy]=$(( 1 + 2 * total )) )

# The agent must patch every site (the report at exit says how many).
"$java" "${java_opts[@]}" "$sel" -Dpatchsite.verbose=true -javaagent:"$runtime" -cp "$work/boot.jar" bootbench.Main \
  >"$work/verbose.out" 2>&1 || { cat "$work/verbose.out" >&2; exit 1; }
if ! grep -q "bootbench.F -> plus2 .*sites patched: $total," "$work/verbose.out"; then
  echo "$0: the agent did not patch all $total sites:" >&2; cat "$work/verbose.out" >&2; exit 1
fi
grep 'patchsite report' "$work/verbose.out"

run_one() {   # run_one NAME: prints "WALL_MS IN_PROCESS_US"
  local name="$1" t0 t1 out
  t0=$(date +%s%N)
  if ! out="$("measure_$name" 2>&1)"; then
    echo "$0: $name failed:" >&2; echo "$out" >&2; exit 1
  fi
  t1=$(date +%s%N)
  if [[ "$out" != *"result=${expect[$name]} "* ]]; then
    echo "$0: $name reached the wrong implementation (expected result=${expect[$name]}):" >&2; echo "$out" >&2; exit 1
  fi
  echo "$(( (t1 - t0) / 1000000 )) $(sed -n 's/.* micros=\([0-9]*\).*/\1/p' <<<"$out")"
}

echo "jar: $classes classes x $sites sites = $total sites; runs: $runs, warm-up rounds: $warmup"
echo "java: $("$java" -version 2>&1 | head -2 | tail -1) ${JAVA_OPTS:-}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for (( w = 1; w <= warmup; w++ )); do
  for m in "${measurements[@]}"; do run_one "$m" >/dev/null; done
done
declare -A walls=() inprocs=()
for (( r = 1; r <= runs; r++ )); do
  for m in "${measurements[@]}"; do
    result="$(run_one "$m")" || exit 1
    read -r ms us <<<"$result"
    walls[$m]+=" $ms"
    inprocs[$m]+=" $us"
    echo "run $r $m: wall ms $ms, in-process us $us" >&2
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

declare -A wall=() inproc=()
for m in "${measurements[@]}"; do
  wall[$m]="$(median "${walls[$m]}")"
  inproc[$m]="$(median "${inprocs[$m]}")"
  printf '%-16s wall median ms: %5d   in-process median ms: %8.1f   (wall:%s)\n' "$m" "${wall[$m]}" \
    "$(awk -v u="${inproc[$m]}" 'BEGIN { print u / 1000 }')" "${walls[$m]}"
done
per_site() {   # per_site NAME: microseconds per site over unlinked, in-process and wall
  awk -v a="${inproc[$1]}" -v c="${inproc[unlinked]}" -v wa="${wall[$1]}" -v wc="${wall[unlinked]}" -v n="$total" \
    'BEGIN { printf "%.3f us/site in-process, %.3f us/site wall", (a - c) / n, (wa - wc) * 1000 / n }'
}
echo "boot binding (boot-agent - unlinked) / sites: $(per_site boot-agent)"
echo "indy bootstrap (indy - unlinked) / sites: $(per_site indy)"
echo "trampolines (boot-trampoline - unlinked) / sites: $(per_site boot-trampoline)"
echo "agent start-up (unlinked-agent - unlinked), wall: $(( ${wall[unlinked-agent]} - ${wall[unlinked]} )) ms;" \
  "in-process: $(awk -v a="${inproc[unlinked-agent]}" -v c="${inproc[unlinked]}" 'BEGIN { printf "%.1f", (a - c) / 1000 }') ms"
echo "boot-agent - unlinked, wall: $(( ${wall[boot-agent]} - ${wall[unlinked]} )) ms"

#!/usr/bin/env bash
# A tracepoint switched off and on, in each tier: off against the same work without a tracepoint, on against a
# direct call of the enabled variant. JMH (TracepointBench in call-bench.jar). See benchmarks/README.md
# ("tracepoint-bench.sh").
#
#   benchmarks/tracepoint-bench.sh [--no-build] [--quick] [--tiers c2,c1,xint] [--runs unlinked,boot-agent,...]
#                                  [--ratio [--processes P] [--rounds R]]
#
# 1. Builds target/call-bench.jar, the linker and the runtime (mvn -B -q -pl cli,benchmarks -am package
#    -DskipTests; --no-build uses the jars as they are), copies them to $work and links call-bench.jar in boot, indy
#    and static mode (the tracepoint off, and on), checking that the static links patched the tracepoint's call out
#    (off) and call the variant (on).
# 2. Runs JMH's TracepointBench per run and tier (one JMH run each, so every ratio is within a run):
#      unlinked         call-bench.jar: noTracepoint, tracepointOff, enabledDirect (PatchSite.update needs a linked
#                       program, so no tracepointOn)
#      boot-agent       boot.jar, forks with -javaagent:<runtime jar>: the site patched out while off, patched again
#                       to the variant by tracepointOn's PatchSite.update
#      boot-trampoline  boot.jar without the agent: the trampoline (its holder's target)
#      indy             indy.jar: the site's MutableCallSite
#      static           static.jar (--mode static, the tracepoint's default): the site patched out at link time
#                       (bind=out); no tracepointOn (a static program cannot be updated)
#      static-on        static-on.jar (--mode static --select ...Trace=enabled): the site a direct call of the
#                       variant; --ratio only, which measures its on/direct without an update
#    tiers: c2 (the fork's JVM as is), c1 (-XX:TieredStopAtLevel=1), xint (-Xint). Before that, one short fork of
#    tracepointOn with the agent checks the runtime's report: the agent patched the sites, the tracepoint is on.
# 3. Prints each benchmark's score +- error (ns/op, JMH's 99.9% interval), tracepointOff / noTracepoint and
#    tracepointOn / enabledDirect, and the load average before and after each run; writes them to $work/summary.txt.
#
# --ratio measures the same two ratios without JMH, for a loaded machine: TracepointRatio (in call-bench.jar) runs
# each pair of loops in turn in short slices timed by the thread's CPU time, R rounds (default 41), and prints the
# median per-round ratio and its quartiles; P processes (default 3) per run and tier, the runs interleaved. Its runs:
# unlinked (off only), boot-agent, boot-trampoline (the agent with -Dpatchsite.patchUpdatable=false: the updatable
# sites on their trampoline, as before the agent patched them) and indy.
#
# JAVA (default: java) runs JMH and its forks; linking always uses `java`. FORKS (2), WARMUP_ITERATIONS (5),
# ITERATIONS (8), WARMUP_TIME (1s), TIME (1s); --quick is 1 fork, 1+2 iterations of 200 ms (a smoke test).
# TRACEPOINT_BENCH_DIR (default /tmp/patchsite-tracepoint-bench) holds the jars, CSVs and logs. Runs under `nice`.
# Exit code 1 if a step fails, 2 on a usage error.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${TRACEPOINT_BENCH_DIR:-/tmp/patchsite-tracepoint-bench}"
trace=dev.patchsite.benchmarks.calls.Trace
jmh_settings

all_runs="unlinked,boot-agent,boot-trampoline,indy,static,static-on"
usage() { echo "usage: $0 [--no-build] [--quick] [--tiers c2,c1,xint] [--runs $all_runs]" >&2; exit 2; }

build=1
tiers="c2,c1,xint"
runs="unlinked,boot-agent"
ratio=0
processes=3
rounds=41
while (( $# )); do
  case "$1" in
    --no-build) build=0; shift ;;
    --ratio) ratio=1; runs="unlinked,boot-agent,boot-trampoline"; shift ;;
    --processes) int_option processes 1 "$@"; shift 2 ;;
    --rounds) int_option rounds 1 "$@"; shift 2 ;;
    --quick) jmh_settings --quick; shift ;;
    --tiers) option tiers "$@"; shift 2 ;;
    --runs) option runs "$@"; shift 2 ;;
    *) usage ;;
  esac
done
check_list "$tiers" c2,c1,xint
check_list "$runs" "$all_runs"
(( ratio )) || [[ ",$runs," != *",static-on,"* ]] || { echo "$0: static-on needs --ratio" >&2; exit 2; }

if (( build )); then build_jars; fi
copy_jars call-bench.jar patchsite.jar runtime.jar
for mode in boot indy static; do link_jar patchsite.jar call-bench.jar "$mode.jar" --mode "$mode"; done
link_jar patchsite.jar call-bench.jar static-on.jar --mode static --select "$trace=enabled"
# The static links as they must be: TracepointRatio.tracepointOff's call patched out while off, a call of the variant
# while on.
for pair in static:out static-on:direct; do
  unzip -p "$work/${pair%%:*}.jar" META-INF/patchsite/table \
    | grep -q "TracepointRatio\.tracepointOff(J)J #0 invoke .*bind=${pair##*:}\$" \
    || { echo "$0: ${pair%%:*}.jar: TracepointRatio's tracepoint is not bound ${pair##*:}" >&2; exit 1; }
done

declare -A jar=( [unlinked]=call-bench.jar [boot-agent]=boot.jar [boot-trampoline]=boot.jar [indy]=indy.jar
  [static]=static.jar [static-on]=static-on.jar )
declare -A opts=( [boot-agent]="-javaagent:$work/runtime.jar" )
declare -A tier_opt=( [c2]="" [c1]="-XX:TieredStopAtLevel=1" [xint]="-Xint" )

if (( ratio )); then
  declare -A ratio_opts=( [boot-agent]="-javaagent:$work/runtime.jar"
    [boot-trampoline]="-javaagent:$work/runtime.jar -Dpatchsite.patchUpdatable=false" )
  summary="$work/ratio-summary.txt"
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $("$java" -version 2>&1 | head -2 | tail -1); TracepointRatio $rounds rounds" \
    | tee "$summary"
  for t in ${tiers//,/ }; do
    for p in $(seq 1 "$processes"); do
      for r in ${runs//,/ }; do
        on=on
        [[ "$r" == unlinked || "$r" == static ]] && on=
        [[ "$r" == static-on ]] && on=linked-on
        # shellcheck disable=SC2086
        out="$(nice "$java" ${ratio_opts[$r]:-} ${tier_opt[$t]} -cp "$work/${jar[$r]}" \
          dev.patchsite.benchmarks.calls.TracepointRatio "$rounds" $on 2>&1)" \
          || { echo "$0: $r $t failed: $out" >&2; exit 1; }
        case "$r" in   # the report TracepointRatio prints once on: how the sites were bound
          boot-agent) pattern='sites patched: [1-9]' ;;
          boot-trampoline|indy) pattern='sites patched: 0,' ;;
          *) pattern='' ;;
        esac
        [[ -z "$pattern" ]] || grep -q "$pattern" <<<"$out" \
          || { echo "$0: $r $t: the sites are not bound as expected: $out" >&2; exit 1; }
        echo "$out" | grep -v '^patchsite report' | sed "s/^/$(printf '%-16s %-4s %s ' "$r" "$t" "$p")/" | tee -a "$summary"
      done
    done
    echo "   load average: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$summary"
  done
  echo "summary: $summary"
  exit 0
fi
linked_set='TracepointBench\.(noTracepoint|tracepointOff|enabledDirect|tracepointOn)$'
declare -A include=( [unlinked]='TracepointBench\.(noTracepoint|tracepointOff|enabledDirect)$'
  [boot-agent]="$linked_set" [boot-trampoline]="$linked_set" [indy]="$linked_set"
  [static]='TracepointBench\.(noTracepoint|tracepointOff|enabledDirect)$' )

check="$work/check-boot-agent.log"
nice "$java" -jar "$work/boot.jar" 'TracepointBench\.tracepointOn$' -f 1 -wi 0 -i 1 -r 100ms \
  -jvmArgsAppend "-Dcallbench.report=true -javaagent:$work/runtime.jar" >"$check" 2>&1 || true
if ! grep -q "patchsite report: $trace -> enabled (updated; selected default) .*sites patched: [1-9]" "$check"; then
  echo "$0: with the agent, the tracepoint's sites were not patched, or it was not switched on:" >&2
  grep patchsite "$check" >&2 || tail -20 "$check" >&2
  exit 1
fi
echo "check boot-agent: $(grep -o "patchsite report: $trace -> .*" "$check" | head -1)"

summary="$work/summary.txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $("$java" -version 2>&1 | head -2 | tail -1)"
  echo "# JMH: -f $forks -wi $wi -i $it -w $wt -r $mt, avgt ns/op, error = 99.9% interval"
} >"$summary"
cat "$summary"

for t in ${tiers//,/ }; do
  for r in ${runs//,/ }; do
    name="$r-$t"
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    cmd=(nice "$java" -jar "$work/${jar[$r]}" "${include[$r]}" -f "$forks" -wi "$wi" -i "$it" -w "$wt" -r "$mt"
      -jvmArgsAppend "${opts[$r]:-} ${tier_opt[$t]} -Dpatchsite.benchmark=$name" -rf csv -rff "$work/$name.csv")
    echo "== $name: ${cmd[*]}" | tee -a "$summary"
    if ! "${cmd[@]}" >"$work/$name.log" 2>&1; then
      echo "$0: JMH run $name failed:" >&2; tail -40 "$work/$name.log" >&2; exit 1
    fi
    load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
    awk -F, -v run="$name" '
      FNR > 1 {   # "pkg.TracepointBench.name","avgt",threads,samples,score,error,"ns/op"
        n = $1; gsub(/"/, "", n); sub(/.*\./, "", n); score[n] = $5; error[n] = $6
      }
      END {
        split("noTracepoint tracepointOff enabledDirect tracepointOn", names, " ")
        for (k = 1; k in names; k++) {
          n = names[k]
          if (n in score) printf "%-20s %-14s %10.3f +- %7.3f ns/op\n", run, n, score[n], error[n]
        }
        printf "%-20s off/none x%.3f", run, score["tracepointOff"] / score["noTracepoint"]
        if ("tracepointOn" in score) printf "   on/direct x%.3f", score["tracepointOn"] / score["enabledDirect"]
        printf "\n"
      }' "$work/$name.csv" | tee -a "$summary"
    echo "   load average before: $load_before, after: $load_after" | tee -a "$summary"
  done
done
echo "summary: $summary"

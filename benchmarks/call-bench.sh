#!/usr/bin/env bash
# The cost of one call through a patch site, in each link mode, against a direct static call and the idioms users
# write today; and of a switched-off tracepoint. JMH, in C2, C1 and -Xint. See benchmarks/README.md ("call-bench.sh").
#
#   benchmarks/call-bench.sh [--no-build] [--quick] [--interleaved] [--compilers c2,c1,xint] [--runs NAME,...]
#
# 1. Builds target/call-bench.jar, the JMH uber-jar of src/calls (the group Hash, the tracepoint Trace, CallBench),
#    and the linker and runtime: mvn -B -q -pl cli,benchmarks -am package -DskipTests (--no-build: use the jars
#    as they are).
# 2. Copies the jars to $work (so a rebuild elsewhere cannot change them mid-run) and links call-bench.jar three
#    times: --mode boot, --mode indy, --mode static --select dev.patchsite.benchmarks.calls.Hash=stafford.
# 3. Runs JMH on each jar (one JMH run each; every run measures `direct`, so ratios are within a run, and `forwarder`,
#    a hand-written static method that only calls the implementation: the floor of a trampoline):
#      unlinked         call-bench.jar: every benchmark (the idioms, the tracepoint trio, site = the default)
#      boot-agent       boot.jar, the fork with -javaagent:<runtime jar>: sites patched as classes load
#      boot-trampoline  boot.jar without the agent: every call through the function's trampoline
#      indy             indy.jar
#      static           static.jar
#      boot-trampoline-base  with BASELINE_LINKER=JAR only: boot.jar linked by that linker (another build of
#                       patchsite, e.g. main's), without the agent, to compare its trampoline with this build's
#    each with the fork's JVM as is (c2: tiered, C2 for hot code), with -XX:TieredStopAtLevel=1 (c1: C1 only) and
#    with -Xint (xint); every fork gets
#    -Dpatchsite.select.dev.patchsite.benchmarks.calls.Hash=stafford (the idioms read it too).
#    Before that, one short fork per linked run with -Dcallbench.report=true checks how the site is bound (the
#    runtime's report: patched by the agent, a trampoline, an indy site) and that it runs stafford.
#    With --interleaved, instead of JMH: one JVM per run and compiler runs CallRatio (in call-bench.jar), which
#    times every benchmark of CallBench in alternation, ROUNDS (101) rounds of loops of about MILLIS (5) ms of CPU
#    after WARMUP_ROUNDS (30) untimed,
#    and prints the median ns/op of each and the median of its per-round ratio to direct (to noTracepoint for the
#    tracepoint cases): for a machine too busy for JMH's one-benchmark-after-another.
# 4. Prints, per run, each benchmark's score +- error (ns/op, JMH's 99.9% interval) and its ratio to `direct` in the
#    same run; writes it to $work/summary.txt, with the load average before and after each run.
#
# JAVA (default: java) is the JVM that runs JMH and its forks; linking always uses `java`. JMH settings: FORKS (2),
# WARMUP_ITERATIONS (5), ITERATIONS (8), WARMUP_TIME (1s), TIME (1s); --quick is 1 fork, 1+2 iterations of 200 ms
# (a smoke test, not figures). CALL_BENCH_DIR (default /tmp/patchsite-call-bench) holds the jars, JMH's CSV and logs.
# Exit code 1 if a step fails (its output is shown), 2 on a usage error.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${CALL_BENCH_DIR:-/tmp/patchsite-call-bench}"
group=dev.patchsite.benchmarks.calls.Hash
select="-Dpatchsite.select.$group=stafford"
jmh_settings

all_runs="unlinked,boot-agent,boot-trampoline,indy,static"
baseline="${BASELINE_LINKER:-}"
[[ -n "$baseline" ]] && all_runs="$all_runs,boot-trampoline-base"
usage() {
  echo "usage: $0 [--no-build] [--quick] [--interleaved] [--compilers c2,c1,xint] [--runs $all_runs]" >&2; exit 2
}

build=1
interleaved=0
compilers="c2,c1,xint"
runs="$all_runs"
while (( $# )); do
  case "$1" in
    --no-build) build=0; shift ;;
    --quick) jmh_settings --quick; shift ;;
    --interleaved) interleaved=1; shift ;;
    --compilers) option compilers "$@"; shift 2 ;;
    --runs) option runs "$@"; shift 2 ;;
    *) usage ;;
  esac
done
check_list "$compilers" c2,c1,xint
check_list "$runs" "$all_runs"

if (( build )); then build_jars; fi
copy_jars call-bench.jar patchsite.jar runtime.jar
copy_baseline

link() {   # link LINKER MODE OUT [ARGS...]
  local linker="$1" mode="$2" out="$3"; shift 3
  # This build's linker measures cold links; a baseline linker may predate the scan cache and its option.
  if [ "$linker" = patchsite.jar ]; then set -- --no-cache "$@"; fi
  link_jar "$linker" call-bench.jar "$out" --mode "$mode" "$@"
  echo "link $out: $(cat "$work/link-$out.log")"
}
link patchsite.jar boot boot.jar
link patchsite.jar indy indy.jar
link patchsite.jar static static.jar --select "$group=stafford"
[[ -n "$baseline" ]] && link patchsite-base.jar boot boot-base.jar

# What each run measures: the jar, extra fork options, the benchmarks (a JMH regexp).
declare -A jar=( [unlinked]=call-bench.jar [boot-agent]=boot.jar [boot-trampoline]=boot.jar [indy]=indy.jar
  [static]=static.jar [boot-trampoline-base]=boot-base.jar )
declare -A opts=( [boot-agent]="-javaagent:$work/runtime.jar" )
linked_set='CallBench\.(direct|site|forwarder|noTracepoint|tracepointOff)$'
declare -A include=( [unlinked]='CallBench\.' [boot-agent]="$linked_set" [boot-trampoline]="$linked_set"
  [indy]="$linked_set" [static]="$linked_set" [boot-trampoline-base]="$linked_set" )
order="direct site forwarder interfaceField volatileField methodHandle noTracepoint tracepointOff volatileFlag"

# Before measuring, one short fork per linked run with -Dcallbench.report=true shows how the site was bound: the
# runtime's report (PatchSite.report(), printed by CallBench's teardown) must say that Hash runs stafford, and how
# (patched by the agent, a trampoline, an indy site). Static mode needs no runtime: its site calls the variant
# directly (its table says bind=direct).
check() {   # check RUN PATTERN
  local r="$1" pattern="$2" log="$work/check-$1.log"
  # (-Djmh.ignoreLock: this short fork only reports the binding; another JMH run on the machine may hold the lock.)
  "$java" -Djmh.ignoreLock=true -jar "$work/${jar[$r]}" 'CallBench\.site$' -f 1 -wi 0 -i 1 -r 100ms \
    -jvmArgsAppend "$select -Dcallbench.report=true ${opts[$r]:-}" >"$log" 2>&1 || true
  if ! grep -q "$pattern" "$log"; then
    echo "$0: $r: the site is not bound as expected (no '$pattern' in the report):" >&2
    grep 'patchsite' "$log" >&2 || tail -20 "$log" >&2
    exit 1
  fi
  echo "check $r: $(grep -o "patchsite report: $group -> .*" "$log" | head -1)"
}
for r in ${runs//,/ }; do
  case "$r" in
    boot-agent) check "$r" "$group -> stafford .*sites patched: 1," ;;
    boot-trampoline|boot-trampoline-base)
      check "$r" "$group -> stafford .*sites patched: 0, sites bound: 0, trampolines bound: 1" ;;
    indy) check "$r" "$group -> stafford .*sites bound: 1," ;;
  esac
done
unzip -p "$work/static.jar" META-INF/patchsite/table | grep -q "CallBench.site()J #0 .*bind=direct" \
  || { echo "$0: static.jar: the site is not bound directly" >&2; exit 1; }

summary="$work/summary.txt"
{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $("$java" -version 2>&1 | head -2 | tail -1)"
  if (( interleaved )); then
    echo "# CallRatio: ${ROUNDS:-101} interleaved rounds (after ${WARMUP_ROUNDS:-30}) of loops calibrated to" \
      "${MILLIS:-5} ms, medians in ns/op; every JVM: $select"
  else
    echo "# JMH: -f $forks -wi $wi -i $it -w $wt -r $mt, avgt ns/op, error = 99.9% interval; every fork: $select"
  fi
} >"$summary"
cat "$summary"

for c in ${compilers//,/ }; do
  for r in ${runs//,/ }; do
    name="$r-$c"
    fork_opts="$select ${opts[$r]:-}"
    [[ "$c" == c1 ]] && fork_opts="$fork_opts -XX:TieredStopAtLevel=1"
    [[ "$c" == xint ]] && fork_opts="$fork_opts -Xint"
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    if (( interleaved )); then
      # shellcheck disable=SC2086
      line="$("$java" $fork_opts -cp "$work/${jar[$r]}" dev.patchsite.benchmarks.calls.CallRatio \
        "${ROUNDS:-101}" "${MILLIS:-5}" "${WARMUP_ROUNDS:-30}")" \
        || { echo "$0: CallRatio $name failed" >&2; exit 1; }
      printf '%-26s %s   load %s -> %s\n' "$name" "$line" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" \
        | tee -a "$summary"
      continue
    fi
    cmd=("$java" -jar "$work/${jar[$r]}" "${include[$r]}" -f "$forks" -wi "$wi" -i "$it" -w "$wt" -r "$mt"
      -jvmArgsAppend "$fork_opts" -rf csv -rff "$work/$name.csv")
    echo "== $name: ${cmd[*]}" | tee -a "$summary"
    if ! "${cmd[@]}" >"$work/$name.log" 2>&1; then
      echo "$0: JMH run $name failed:" >&2; tail -40 "$work/$name.log" >&2; exit 1
    fi
    if grep -q 'patchsite: left the sites' "$work/$name.log"; then
      echo "$0: warning: the agent left sites on their trampolines in $name (see $work/$name.log)" >&2
    fi
    load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
    awk -F, -v order="$order" -v run="$name" '
      FNR > 1 {   # "pkg.CallBench.name","avgt",threads,samples,score,error,"ns/op"
        n = $1; gsub(/"/, "", n); sub(/.*\./, "", n); score[n] = $5; error[n] = $6
      }
      END {
        d = score["direct"]
        split(order, names, " ")
        for (k = 1; k in names; k++) {
          n = names[k]
          if (!(n in score)) continue
          printf "%-22s %-14s %10.3f +- %7.3f ns/op   x%.2f of direct\n", run, n, score[n], error[n], score[n] / d
        }
      }' "$work/$name.csv" | tee -a "$summary"
    echo "   load average before: $load_before, after: $load_after" | tee -a "$summary"
  done
done
echo "summary: $summary"

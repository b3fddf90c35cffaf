#!/usr/bin/env bash
# Start-up: the time to main and to the first call of each group of a small program, unlinked and linked in every
# mode, with and without the JDK's AOT cache (JDK 25+). See benchmarks/README.md ("startup-bench.sh").
#
#   benchmarks/startup-bench.sh [--work N] [--runs R] [--warmup W] [--no-aot]
#
# Builds nothing: run `mvn -B -q package -DskipTests` from the root first. Then:
# 1. compiles the program of src/startup/java (the group startup.Locks, whose variant fast a probe selects; the
#    updatable tracepoint startup.Trace, off) with N generated classes startup.work.W000... (default 300), each
#    calling both groups, into app.jar (Main-Class startup.Main), and an agent that does nothing into noop.jar;
# 2. links app.jar with the CLI: boot.jar (--mode boot), indy.jar (--mode indy) and static.jar (--mode static
#    --select-by-probes: the probes run now, on this machine);
# 3. times R rounds (default 11, after W untimed ones, default 2) of these commands, interleaved, with
#    dev.patchsite.benchmarks.StartupTimer (time to main, to each group's first call, to the end of the work, to exit,
#    and the processor time of the JVM, from bash's time):
#      unlinked          java -jar app.jar
#      unlinked+noop     java -javaagent:noop.jar -jar app.jar    (what the JDK charges for any agent)
#      boot+agent        java -jar boot.jar                       (Launcher-Agent-Class starts patchsite's agent)
#      boot-no-agent     java -cp boot.jar startup.Main           (every call through its trampoline)
#      indy              java -jar indy.jar
#      static-probed     java -jar static.jar
#    and, on a JDK with the AOT cache (25+, unless --no-aot), each again as NAME+aot with -XX:AOTCache=NAME.aot, made
#    by one training run with -XX:AOTCacheOutput=NAME.aot; for these it also counts, with -Xlog:class+load, how many
#    of the program's classes load from the cache ("shared objects file") and how many from the jar.
#
# BASELINE_LINKER=JAR (another build's patchsite.jar, e.g. main's) adds boot+agent-base, boot-no-agent-base and
# indy-base: the same commands on jars that linker linked (with the runtime it embeds), in the same rounds, to compare
# this build's start-up with that one's.
#
# JAVA (default java) runs the program; linking always uses `java`. STARTUP_BENCH_DIR (default
# /tmp/patchsite-startup-bench) holds the jars and outputs. Exit code 1 if a step fails or a run reaches the wrong
# implementation, 2 on a usage error.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${STARTUP_BENCH_DIR:-/tmp/patchsite-startup-bench}"

usage() { echo "usage: $0 [--work N] [--runs R] [--warmup W] [--no-aot]" >&2; exit 2; }

classes=300
runs=11
warmup=2
aot=1
while (( $# )); do
  case "$1" in
    --work)   int_option classes 1 "$@"; shift 2 ;;
    --runs)   int_option runs 1 "$@"; shift 2 ;;
    --warmup) int_option warmup 0 "$@"; shift 2 ;;
    --no-aot) aot=0; shift ;;
    *) usage ;;
  esac
done
version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
(( ${version%%.*} >= 25 )) || aot=0

rm -rf "$work"
copy_jars benchmarks.jar patchsite.jar runtime.jar
mkdir -p "$work/src/startup/work" "$work/classes" "$work/agent"
copy_baseline
baseline="${BASELINE_LINKER:-}"

# 1. The program: the sources, and N work classes each calling both groups; All.run calls each once, in order.
cp "$here"/src/startup/java/startup/*.java "$work/src/startup/"
{
  echo "package startup.work;"
  echo "/** Calls every work class once. */"
  echo "public final class All {"
  echo "    private All() {"
  echo "    }"
  echo "    /** @param x the input @return the result */"
  echo "    public static int run(int x) {"
  for (( i = 0; i < classes; i++ )); do printf '        x = W%03d.run(x);\n' "$i"; done
  echo "        return x;"
  echo "    }"
  echo "}"
} >"$work/src/startup/work/All.java"
for (( i = 0; i < classes; i++ )); do
  printf 'package startup.work;\nfinal class W%03d {\n    private W%03d() {\n    }\n    static int run(int x) {\n        startup.Trace.hit(x);\n        return startup.Locks.spin(x) - 1;\n    }\n}\n' \
    "$i" "$i" >"$work/src/startup/work/W$(printf %03d "$i").java"
done
javac --release 17 -nowarn -cp "$work/runtime.jar" -d "$work/classes" $(find "$work/src" -name '*.java')
printf 'Main-Class: startup.Main\n' >"$work/manifest"
jar --create --file "$work/app.jar" --manifest "$work/manifest" -C "$work/classes" .
javac --release 17 -d "$work/agent" "$here/src/startup/agent/NoopAgent.java"
printf 'Premain-Class: NoopAgent\n' >"$work/agent-manifest"
jar --create --file "$work/noop.jar" --manifest "$work/agent-manifest" -C "$work/agent" .

# 2. Link in every mode.
link() {   # link OUT ARGS...  (LINKER: the linker's jar in $work, default patchsite.jar)
  link_jar "${LINKER:-patchsite.jar}" app.jar "$@"
  echo "link $1: $(tail -1 "$work/link-$1.log")"
}
link boot.jar --mode boot
link indy.jar --mode indy
link static.jar --mode static --select-by-probes
if [[ -n "$baseline" ]]; then
  LINKER=patchsite-base.jar link boot-base.jar --mode boot
  LINKER=patchsite-base.jar link indy-base.jar --mode indy
fi

# 3. The commands: name, what the output must hold, the command. The default: spin=1, and each work class adds 0
# (result=1); the variant fast: spin=2, and each work class adds 1 (result=1+N).
names=(unlinked unlinked+noop boot+agent boot-no-agent indy static-probed)
default="spin=1 result=1 hits=0"
fast="spin=2 result=$(( 1 + classes )) hits=0"
declare -A expect=( [unlinked]="$default" [unlinked+noop]="$default" [boot+agent]="$fast" [boot-no-agent]="$fast"
  [indy]="$fast" [static-probed]="$fast" )
declare -A args=( [unlinked]="-jar $work/app.jar" [unlinked+noop]="-javaagent:$work/noop.jar -jar $work/app.jar"
  [boot+agent]="-jar $work/boot.jar" [boot-no-agent]="-cp $work/boot.jar startup.Main" [indy]="-jar $work/indy.jar"
  [static-probed]="-jar $work/static.jar" )
if [[ -n "$baseline" ]]; then
  names+=(boot+agent-base boot-no-agent-base indy-base)
  expect+=( [boot+agent-base]="$fast" [boot-no-agent-base]="$fast" [indy-base]="$fast" )
  args+=( [boot+agent-base]="-jar $work/boot-base.jar" [boot-no-agent-base]="-cp $work/boot-base.jar startup.Main"
    [indy-base]="-jar $work/indy-base.jar" )
fi
commands="$work/commands"
: >"$commands"
# Each command runs under bash's time, which prints the JVM's processor time (user+sys, every thread) as cpu=U+S.
wrap=$'bash\t-c\tTIMEFORMAT=cpu=%3U+%3S; time "$@"\t_'
for n in "${names[@]}"; do
  printf '%s\t%s\t%s\t%s\n' "$n" "${expect[$n]}" "$wrap" "$(tr ' ' '\t' <<<"$java ${args[$n]}")" >>"$commands"
done
if (( aot )); then
  for n in "${names[@]}"; do
    # One training run writes the cache (JDK 25's one-step workflow); the timed runs read it.
    # shellcheck disable=SC2086
    "$java" -XX:AOTCacheOutput="$work/$n.aot" ${args[$n]} >"$work/train-$n.log" 2>&1 \
      || { echo "$0: training $n failed:" >&2; cat "$work/train-$n.log" >&2; exit 1; }
    printf '%s\t%s\t%s\t%s\n' "$n+aot" "${expect[$n]}" "$wrap" \
      "$(tr ' ' '\t' <<<"$java -XX:AOTCache=$work/$n.aot ${args[$n]}")" >>"$commands"
  done
fi

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) $("$java" -version 2>&1 | head -2 | tail -1); $classes work classes;" \
  "$runs rounds after $warmup; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$work/benchmarks.jar" dev.patchsite.benchmarks.StartupTimer "$commands" "$runs" "$warmup"
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if (( aot )); then
  echo "# where the program's classes (startup.*) load from, with the AOT cache (-Xlog:class+load):"
  for n in "${names[@]}"; do
    # shellcheck disable=SC2086
    "$java" -XX:AOTCache="$work/$n.aot" -Xlog:class+load ${args[$n]} >"$work/classes-$n.log" 2>&1
    total=$(grep -c '\] startup\.' "$work/classes-$n.log" || true)
    cached=$(grep '\] startup\.' "$work/classes-$n.log" | grep -c 'source: shared objects file' || true)
    printf '%-16s %4d of %4d program classes from the AOT cache, %4d from the jar\n' "$n+aot" "$cached" "$total" \
      "$(( total - cached ))"
    # What the training run said it left out of the cache, and why (e.g. "From ClassFileLoadHook": an agent's change).
    grep -h '\[warning\]\[aot\] Skipping' "$work/train-$n.log" | sed 's/.*Skipping [^:]*: //' | sort | uniq -c \
      | awk '{ n = $1; $1 = ""; printf "    the training run left %d class(es) out:%s\n", n, $0 }' || true
  done
fi

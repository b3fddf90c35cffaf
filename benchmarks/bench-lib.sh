# What the benchmark scripts share; sourced, not run, first thing after `set -euo pipefail`:
#   source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
# It sets here (benchmarks/), root (the checkout), java (JAVA, default java: the JVM measured; linking always uses
# `java`) and java_opts (JAVA_OPTS split on blanks). Its functions that end a script on a usage error call the
# script's own usage().

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
java="${JAVA:-java}"
read -r -a java_opts <<<"${JAVA_OPTS:-}"

# posint OPTION VALUE MIN: exits with a usage error unless VALUE is an integer >= MIN.
posint() { [[ "$2" =~ ^[0-9]+$ ]] && (( $2 >= $3 )) || { echo "$0: $1 needs an integer >= $3" >&2; exit 2; }; }

# option VAR OPTION VALUE...: sets VAR to the option's value (call it with the arguments left, "$@", then shift 2);
# usage() if there is none.
option() { (( $# >= 3 )) || usage; printf -v "$1" '%s' "$3"; }

# int_option VAR MIN OPTION VALUE...: the same for an integer >= MIN.
int_option() { (( $# >= 4 )) || usage; posint "$3" "$4" "$2"; printf -v "$1" '%s' "$4"; }

# check_list LIST ALLOWED: usage() unless every comma-separated name of LIST is one of ALLOWED's.
check_list() { local name; for name in ${1//,/ }; do [[ ",$2," == *",$name,"* ]] || usage; done; }

# jmh_settings [--quick]: JMH's settings, forks, wi, it, wt and mt: FORKS (2), WARMUP_ITERATIONS (5), ITERATIONS (8),
# WARMUP_TIME (1s), TIME (1s); with --quick, 1 fork, 1+2 iterations of 200 ms (a smoke test, not figures).
jmh_settings() {
  if [[ "${1:-}" == --quick ]]; then
    forks=1; wi=1; it=2; wt=200ms; mt=200ms
  else
    forks="${FORKS:-2}"; wi="${WARMUP_ITERATIONS:-5}"; it="${ITERATIONS:-8}"; wt="${WARMUP_TIME:-1s}"; mt="${TIME:-1s}"
  fi
}

# build_jars: builds what the scripts run (the benchmarks' jars, the linker, the runtime) from the root; exit 1 if the
# build fails.
build_jars() {
  (cd "$root" && mvn -B -q -pl cli,benchmarks -am package -DskipTests) || { echo "$0: build failed" >&2; exit 1; }
}

# The jars copy_jars copies, by the name of the copy in $work.
declare -A built_jars=( [benchmarks.jar]=benchmarks/target/benchmarks.jar
  [call-bench.jar]=benchmarks/target/call-bench.jar [patchsite.jar]=cli/target/patchsite.jar
  [runtime.jar]=runtime/target/patchsite-runtime-0.1.0-SNAPSHOT.jar )

# copy_jars NAME...: copies the built jars to $work (created if missing), so that a rebuild elsewhere during the runs
# cannot mix builds; exit 1 naming the first that is missing, before anything is copied.
copy_jars() {
  local name
  for name; do
    [[ -f "$root/${built_jars[$name]}" ]] \
      || { echo "$0: ${built_jars[$name]} missing; run 'mvn -B -q package -DskipTests' from the root first" >&2; exit 1; }
  done
  mkdir -p "$work"
  for name; do cp "$root/${built_jars[$name]}" "$work/$name"; done
}

# copy_baseline: with BASELINE_LINKER=JAR (another build's patchsite.jar, to compare with), copies it to
# $work/patchsite-base.jar; exit 1 if it is missing. Without it, does nothing.
copy_baseline() {
  [[ -n "${BASELINE_LINKER:-}" ]] || return 0
  [[ -f "$BASELINE_LINKER" ]] || { echo "$0: BASELINE_LINKER=$BASELINE_LINKER: no such file" >&2; exit 1; }
  cp "$BASELINE_LINKER" "$work/patchsite-base.jar"
}

# link_jar LINKER IN OUT ARGS...: links $work/IN to $work/OUT with `java -jar $work/LINKER link ... ARGS`, its output
# in $work/link-OUT.log; exit 1 showing that output if the link fails.
link_jar() {
  local linker="$1" in="$2" out="$3"; shift 3
  if ! java -jar "$work/$linker" link "$work/$in" -o "$work/$out" "$@" >"$work/link-$out.log" 2>&1; then
    echo "$0: linking $out failed:" >&2; cat "$work/link-$out.log" >&2; exit 1
  fi
}

# median "N N N...": the median of the numbers, rounded down between the two middle ones.
median() {
  tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END {
    if (NR % 2) print v[(NR + 1) / 2]; else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# children_cpu_ms FILE: the CPU time (user + sys, ms) of the children in the output of bash's `times` in FILE.
children_cpu_ms() {
  awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$1"
}

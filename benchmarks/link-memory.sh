#!/usr/bin/env bash
# The linker's memory check: links a very big jar (about 1 GB, hundreds of thousands of classes) with a small heap.
# See benchmarks/README.md ("link-memory.sh").
#
#   benchmarks/link-memory.sh BIG.jar [--xmx SIZE] [--threads N] [--keep-dump]
#
# Make BIG.jar with `benchmarks/make-big-jar.sh /tmp/patchsite-memory/big-1g.jar 150 --copies 7`. Builds nothing
# (run `mvn -B -q package -DskipTests` first). Runs, under /usr/bin/time,
#   java -Xmx256m -jar cli/target/patchsite.jar link BIG.jar -o $work/out.jar --no-cache --declarations benchmarks/bench.decl
# (SIZE default 256m; --threads N is passed to link, default: the linker's own; -v makes link log the time of each
# step to link.err) with a GC log and -XX:+HeapDumpOnOutOfMemoryError. Prints the exit code, the wall time, the peak
# RSS (/usr/bin/time %M), the largest heap after a GC, the linker's output and, if the heap ran out, the class
# histogram of the heap dump (top 25, by HeapHistogram: jmap cannot attach to a JVM whose heap is full, and
# -XX:OnOutOfMemoryError="jcmd %p GC.class_histogram" deadlocks). The dump (as large as the heap) is deleted unless
# --keep-dump. JAVA chooses the JVM; LINK_MEMORY_DIR (default /tmp/patchsite-link-memory) holds the output jar, the
# logs and the dump. Needs benchmarks/target/benchmarks.jar. Exit code: the linker's (0 ok), 2 on a usage error.
set -euo pipefail

# shellcheck source=bench-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
work="${LINK_MEMORY_DIR:-/tmp/patchsite-link-memory}"

usage() { echo "usage: $0 BIG.jar [--xmx SIZE] [--threads N] [--keep-dump]" >&2; exit 2; }
big=""
xmx=256m
threads=()
keep=0
while (( $# )); do
  case "$1" in
    --xmx) (( $# >= 2 )) || usage; xmx="$2"; shift 2 ;;
    --threads) (( $# >= 2 )) || usage; threads=(--threads "$2"); shift 2 ;;
    --keep-dump) keep=1; shift ;;
    -*) usage ;;
    *) [[ -z "$big" ]] || usage; big="$1"; shift ;;
  esac
done
[[ -n "$big" && -f "$big" ]] || usage
[[ -x /usr/bin/time ]] || { echo "$0: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }
copy_jars patchsite.jar benchmarks.jar
rm -f "$work/histogram.txt" "$work/gc.log" "$work/oom.hprof" "$work/out.jar"

echo "jar: $big ($(stat -c %s "$big") bytes, $(unzip -Z1 "$big" | grep -c '\.class$') class entries)"
echo "java: $("$java" -version 2>&1 | head -2 | tail -1); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cmd=("$java" "-Xmx$xmx" "-Xlog:gc:file=$work/gc.log" -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=$work/oom.hprof"
  -jar "$work/patchsite.jar" link "$big" -o "$work/out.jar" --no-cache --declarations "$here/bench.decl" -v "${threads[@]}")
echo "command: /usr/bin/time -f '%e s %M KB' ${cmd[*]}"
set +e
/usr/bin/time -f '%e %M' -o "$work/time.txt" "${cmd[@]}" >"$work/link.out" 2>"$work/link.err"
rc=$?
set -e
read -r secs rss < <(grep -v '^Command' "$work/time.txt") || true
echo "exit code: $rc"
echo "wall s: $secs"
echo "peak RSS: $rss KB ($(( rss / 1024 )) MiB)"
# G1's lines end "...) 200M->150M(256M) 12.345ms": the largest "after" is the most the heap held live.
echo "largest heap after a GC: $(sed -n 's/.* [0-9]*[KMG]->\([0-9]*\)M([0-9]*[KMG]) .*/\1/p' "$work/gc.log" | sort -n | tail -1) MB" \
  "($(grep -c 'Pause' "$work/gc.log") GC pauses)"
echo "linker: $(cat "$work/link.out")"
if [[ -s "$work/link.err" ]]; then echo "linker stderr (last lines):"; tail -15 "$work/link.err"; fi
if [[ -f "$work/oom.hprof" ]]; then
  echo "heap dump at OutOfMemoryError: $work/oom.hprof ($(stat -c %s "$work/oom.hprof") bytes); class histogram:"
  java -cp "$work/benchmarks.jar" dev.patchsite.benchmarks.HeapHistogram "$work/oom.hprof" --top 25 \
    | tee "$work/histogram.txt"
  (( keep )) || rm -f "$work/oom.hprof"
fi
if [[ -f "$work/out.jar" ]]; then echo "output: $work/out.jar ($(stat -c %s "$work/out.jar") bytes)"; fi
exit "$rc"

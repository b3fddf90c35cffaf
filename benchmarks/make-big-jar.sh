#!/usr/bin/env bash
# Builds a large, realistic jar for the scan/link benchmarks by merging the class entries
# of real jars under ~/.m2/repository (see dev.patchsite.benchmarks.MakeBigJar).
#
#   benchmarks/make-big-jar.sh OUT.jar [TARGET_MB] [--no-fetch] [--copies N]
#
# TARGET_MB (default 150) is the size of the jar to write, in MB (10^6 bytes); 150 MB gives
# about 81,000 class entries. MAVEN_REPO (default ~/.m2/repository) is where the jars are
# read from and fetched to: point it at a directory of its own for a jar that does not
# change when other builds add to ~/.m2. Before merging, the artifacts listed in
# benchmarks/big-jar-artifacts.txt are fetched into ~/.m2 (without their dependencies) if
# missing, so that even a fresh ~/.m2 holds enough classes; --no-fetch skips that (offline).
# Needs benchmarks/target/benchmarks.jar: run `mvn -B -q package -DskipTests` from the root
# first. Writes OUT.jar atomically, and OUT.jar.inputs.txt listing the jars merged.
# Put OUT.jar outside the repository (e.g. /tmp/patchsite-bench/big.jar).
# --copies N (for the linker's memory check) follows the classes chosen with N - 1 renamed
# copies of them (copy1/..., ASM's ClassRemapper), so the jar is about N x TARGET_MB:
# `make-big-jar.sh /tmp/patchsite-memory/big-1g.jar 150 --copies 7` writes about 1 GB.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench_jar="$here/target/benchmarks.jar"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"

usage() { echo "usage: $0 OUT.jar [TARGET_MB] [--no-fetch] [--copies N]" >&2; exit 2; }

out=""
target_mb=150
fetch=1
copies=1
while (( $# )); do
  arg="$1"; shift
  case "$arg" in
    --no-fetch) fetch=0 ;;
    --copies) (( $# >= 1 )) && [[ "$1" =~ ^[0-9]+$ ]] && (( $1 >= 1 )) || usage; copies="$1"; shift ;;
    -h|--help) usage ;;
    -*) usage ;;
    *)
      if [[ -z "$out" ]]; then out="$arg"
      elif [[ "$arg" =~ ^[0-9]+$ ]]; then target_mb="$arg"
      else usage
      fi ;;
  esac
done
[[ -n "$out" ]] || usage
[[ -f "$bench_jar" ]] || { echo "$0: $bench_jar missing; run 'mvn -B -q package -DskipTests' from the root first" >&2; exit 1; }

if (( fetch )); then
  missing=0
  while read -r coords; do
    coords="${coords%%#*}"; coords="${coords//[[:space:]]/}"
    [[ -n "$coords" ]] || continue
    IFS=: read -r g a v <<<"$coords"
    jar="$repo/${g//.//}/$a/$v/$a-$v.jar"
    [[ -f "$jar" ]] && continue
    echo "fetching $coords" >&2
    if ! log="$(mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$repo" \
          org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
          -Dartifact="$coords" -Dtransitive=false 2>&1)"; then
      echo "$log" | tail -5 >&2
      echo "$0: warning: could not fetch $coords; merging without it" >&2
      missing=$((missing + 1))
    fi
  done < "$here/big-jar-artifacts.txt"
  (( missing == 0 )) || echo "$0: warning: $missing listed artifact(s) missing; the jar may fall short of ${target_mb} MB" >&2
fi

# UTC: zip timestamps are local time, and the output must not depend on the machine's zone.
java -Xmx2g -Duser.timezone=UTC -cp "$bench_jar" dev.patchsite.benchmarks.MakeBigJar \
  "$out" --target-mb "$target_mb" --repo "$repo" --copies "$copies"

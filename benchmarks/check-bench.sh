#!/usr/bin/env bash
# Times the Maven plugin's check goal in a second `mvn verify` of an unchanged shaded application of about 150 MB.
#
#   benchmarks/check-bench.sh BIG.jar [--runs R]
#
# Builds nothing of patchsite: run `mvn -B -q package -DskipTests` from the root first (it makes the plugin's, the
# linker's and the runtime's jars). Make BIG.jar with benchmarks/make-big-jar.sh. The script makes, under
# $CHECK_BENCH_DIR (default /tmp/patchsite-check-bench):
#   repo/     a local Maven repository of its own (never ~/.m2's): patchsite's artifacts copied in, BIG.jar as the
#             artifact bench:big:1.0; everything else comes from ~/.m2/repository (MAVEN_REPO overrides) through a
#             settings file that lists it as a repository, or from Maven Central
#   app/      a jar project with one class, depending on bench:big, shaded (maven-shade-plugin, reproducible with
#             project.build.outputTimestamp) into one jar of BIG.jar's classes and its own, checked by
#             patchsite:check (module scope, benchmarks/bench.decl) against a baseline
# and runs Maven on it:
#   baseline  mvn package patchsite:baseline (untimed; it writes the baseline and fills the scan cache)
#   then R rounds (default 3) of, in turn:
#   verify    mvn verify: an unchanged application with the scan cache that the previous build left
#   no-cache  mvn verify -Dpatchsite.scanCache=false: the same, every class read (the check without the cache)
# Each build logs with times (-Dorg.slf4j.simpleLogger.showDateTime); the check goal's time is from its
# "--- patchsite:...:check" line to the next line Maven logs after its own output ("BUILD SUCCESS"'s rule). It prints
# each build's check time, the medians, and the ratio of the cached check to the one without the cache.
# The target (issue 11): the check goal in a second mvn verify of an unchanged shaded 150 MB application <= 1 s.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
work="${CHECK_BENCH_DIR:-/tmp/patchsite-check-bench}"
source_repo="${MAVEN_REPO:-$HOME/.m2/repository}"
version=0.1.0-SNAPSHOT

usage() { echo "usage: $0 BIG.jar [--runs R]" >&2; exit 2; }
# shellcheck source=bench-lib.sh
source "$here/bench-lib.sh"

big=""
runs=3
while (( $# )); do
  case "$1" in
    --runs) (( $# >= 2 )) || usage; posint --runs "$2" 1; runs="$2"; shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) [[ -z "$big" ]] || usage; big="$1"; shift ;;
  esac
done
[[ -n "$big" ]] || usage
[[ -f "$big" ]] || { echo "$0: no such jar: $big" >&2; exit 1; }
plugin_jar="$root/maven-plugin/target/patchsite-maven-plugin-$version.jar"
linker_jar="$root/linker/target/patchsite-linker-$version.jar"
runtime_jar="$root/runtime/target/patchsite-runtime-$version.jar"
for jar in "$plugin_jar" "$linker_jar" "$runtime_jar"; do
  [[ -f "$jar" ]] || { echo "$0: $jar missing; run 'mvn -B -q package -DskipTests' from the root first" >&2; exit 1; }
done

rm -rf "$work"
mkdir -p "$work/repo" "$work/app/src/main/java/bench" "$work/logs"
# An artifact put into the private repository as `mvn install` would lay it out (no metadata is needed for a
# locally installed snapshot).
put() {   # put GROUP-PATH ARTIFACT VERSION POM [JAR]
  local dir="$work/repo/$1/$2/$3"
  mkdir -p "$dir"
  cp "$4" "$dir/$2-$3.pom"
  [[ -z "${5:-}" ]] || cp "$5" "$dir/$2-$3.jar"
}
put dev/patchsite patchsite-parent "$version" "$root/pom.xml"
put dev/patchsite patchsite-runtime "$version" "$root/runtime/pom.xml" "$runtime_jar"
put dev/patchsite patchsite-linker "$version" "$root/linker/pom.xml" "$linker_jar"
put dev/patchsite patchsite-maven-plugin "$version" "$root/maven-plugin/pom.xml" "$plugin_jar"
cat >"$work/big.pom" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>big</artifactId>
  <version>1.0</version>
</project>
EOF
put bench big 1.0 "$work/big.pom" "$big"

cat >"$work/settings.xml" <<EOF
<settings>
  <localRepository>$work/repo</localRepository>
  <profiles>
    <profile>
      <id>source-repo</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories>
        <repository><id>source</id><url>file://$source_repo</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots></repository>
      </repositories>
      <pluginRepositories>
        <pluginRepository><id>source</id><url>file://$source_repo</url>
          <releases><checksumPolicy>ignore</checksumPolicy></releases>
          <snapshots><checksumPolicy>ignore</checksumPolicy></snapshots></pluginRepository>
      </pluginRepositories>
    </profile>
  </profiles>
</settings>
EOF

cp "$here/bench.decl" "$work/app/bench.decl"
cat >"$work/app/src/main/java/bench/Main.java" <<'EOF'
package bench;

public final class Main {
    public static void main(String[] args) {
        System.out.println(java.util.Objects.requireNonNull(args).length);
    }
}
EOF
cat >"$work/app/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>check-bench-app</artifactId>
  <version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
    <maven.compiler.release>17</maven.compiler.release>
    <maven.test.skip>true</maven.test.skip>
  </properties>
  <dependencies>
    <dependency>
      <groupId>bench</groupId>
      <artifactId>big</artifactId>
      <version>1.0</version>
    </dependency>
  </dependencies>
  <build>
    <pluginManagement>
      <plugins>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.6</version></plugin>
        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
      </plugins>
    </pluginManagement>
    <plugins>
      <plugin>
        <artifactId>maven-shade-plugin</artifactId>
        <version>3.6.2</version>
        <executions>
          <execution>
            <phase>package</phase>
            <goals><goal>shade</goal></goals>
            <configuration><createDependencyReducedPom>false</createDependencyReducedPom></configuration>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>dev.patchsite</groupId>
        <artifactId>patchsite-maven-plugin</artifactId>
        <version>$version</version>
        <configuration><declarations>bench.decl</declarations></configuration>
        <executions>
          <execution><goals><goal>check</goal></goals></execution>
        </executions>
      </plugin>
    </plugins>
  </build>
</project>
EOF

build() {   # build NAME MAVEN-ARGS...: one Maven build of the app, its log in logs/NAME.log
  local name="$1"; shift
  if ! (cd "$work/app" && mvn -B -s "$work/settings.xml" -Dorg.slf4j.simpleLogger.showDateTime=true \
      -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS "$@" >"$work/logs/$name.log" 2>&1); then
    echo "$0: mvn $* failed; the end of its log ($work/logs/$name.log):" >&2
    tail -40 "$work/logs/$name.log" >&2
    exit 1
  fi
}
check_ms() {   # check_ms LOG: milliseconds from the check goal's header to the next line of Maven's own
  awk '
    function ms(t) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
    /--- patchsite(-maven-plugin)?:[^:]*:check / { start = ms($1); next }
    start && / \[INFO\] -+$/ { print ms($1) - start; exit }
  ' "$1"
}

echo "jar: $big ($(stat -c %s "$big") bytes), runs: $runs"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
build baseline package patchsite:baseline
shaded="$work/app/target/check-bench-app-1.0.jar"
echo "shaded jar: $(stat -c %s "$shaded") bytes, $(grep -c '^site ' "$work/app/src/patchsite/baseline.table") sites in the baseline"
declare -A times=()
for (( r = 1; r <= runs; r++ )); do
  for m in verify no-cache; do
    before="$(sha256sum "$shaded" | cut -c1-16)"
    if [[ $m == verify ]]; then build "$m-$r" verify; else build "$m-$r" verify -Dpatchsite.scanCache=false; fi
    [[ "$(sha256sum "$shaded" | cut -c1-16)" == "$before" ]] \
      || echo "$0: warning: the shaded jar's bytes changed in build $m-$r (not reproducible?)" >&2
    t="$(check_ms "$work/logs/$m-$r.log")"
    times[$m]+=" $t"
    echo "run $r $m: check goal $t ms" >&2
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for m in verify no-cache; do
  echo "$m check ms:${times[$m]}; median $(median "${times[$m]}")"
done
awk -v a="$(median "${times[verify]}")" -v c="$(median "${times[no-cache]}")" \
  'BEGIN { printf "verify/no-cache: %.3f\n", a / c }'

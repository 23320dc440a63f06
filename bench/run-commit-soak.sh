#!/usr/bin/env bash
# Builds the project and runs the commit soak (single-row auto-commit INSERTs through java.sql,
# printing resident memory and commit latency as the graph's history grows):
#   bench/run-commit-soak.sh [commits]        default 10000
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (extra JVM flags, e.g. -Dbench.every=100),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR_NAME:-target-bench}"
cpfile="$PWD/tests/$build/bench.classpath"

mvn -q -B -o -Dbuild.dir.name="$build" -pl tests -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="$PWD/tests/$build/test-classes:$(cat "$cpfile")"

export LANCE_CPU_THREADS="${LANCE_CPU_THREADS:-2}"
echo "uptime: $(uptime)"
java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx"${BENCH_HEAP:-2g}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_JAVA_OPTS:-} \
  -cp "$cp" io.omnigraph.tests.bench.CommitSoak "$@"
echo "uptime: $(uptime)"

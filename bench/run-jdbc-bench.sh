#!/usr/bin/env bash
# Builds the project and runs the JDBC benchmark (OmniGraph against DuckDB through java.sql):
#   bench/run-jdbc-bench.sh [persons [edges]]        defaults: 1000000 5000000
# Environment: BENCH_HEAP (default 12g), BENCH_JAVA_OPTS (extra JVM flags, e.g. -Dbench.keep=true),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
# The Markdown table goes to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${BUILD_DIR_NAME:-target-bench}"
cpfile="$PWD/tests/$build/bench.classpath"

# Compiling in the same reactor run makes the classpath point at this checkout's classes, not at
# whatever another build last installed into the local repository.
mvn -q -B -o -Dbuild.dir.name="$build" -pl tests -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="$PWD/tests/$build/test-classes:$(cat "$cpfile")"

# Lance 7.0.0 sizes its CPU pool at one thread on hosts with 3 or fewer cores, and its text-index
# build then deadlocks (a producer holds the only thread while the writer waits for one):
# ENSURE INDICES hangs at 0% CPU on a 2-core machine once a String @key column has ~300k rows.
export LANCE_CPU_THREADS="${LANCE_CPU_THREADS:-2}"

exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx"${BENCH_HEAP:-12g}" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn ${BENCH_JAVA_OPTS:-} \
  -cp "$cp" io.omnigraph.tests.bench.JdbcVersusDuckDb "$@"

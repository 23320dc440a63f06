#!/usr/bin/env bash
# Builds the project and runs the JDBC benchmark (OmniGraph against DuckDB through java.sql):
#   bench/run-jdbc-bench.sh [persons [edges]]        defaults: 1000000 5000000
# Environment: BENCH_HEAP (default 12g), BENCH_JAVA_OPTS (extra JVM flags, e.g. -Dbench.keep=true),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
# The Markdown table goes to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh

exec java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx"${BENCH_HEAP:-12g}" \
  ${BENCH_JAVA_OPTS:-} \
  -cp "$cp" io.omnigraph.tests.bench.JdbcVersusDuckDb "$@"

#!/usr/bin/env bash
# Builds the project and runs the batch-load benchmark alone (a JDBC batch into OmniGraph against
# DuckDB's Appender, persons then edges, on empty databases):
#   bench/run-batch-load-bench.sh [rows]        default 100000
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (extra JVM flags, e.g. -Dbench.rounds=3),
# BUILD_DIR_NAME (Maven build directory, default target-bench).
# The Markdown table goes to stdout, progress and the load average to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh

bench_java io.omnigraph.tests.bench.BatchLoadBench "$@"

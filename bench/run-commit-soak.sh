#!/usr/bin/env bash
# Builds the project and runs the commit soak (single-row auto-commit INSERTs through java.sql,
# printing resident memory and commit latency as the graph's history grows):
#   bench/run-commit-soak.sh [commits]        default 10000
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (extra JVM flags, e.g. -Dbench.every=100),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.CommitSoak "$@"

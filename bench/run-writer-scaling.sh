#!/usr/bin/env bash
# Builds the project and runs the writer-scaling benchmark (single-row auto-commit inserts from
# several threads at once through java.sql, OmniGraph beside DuckDB; commits per second and latency):
#   bench/run-writer-scaling.sh [seconds [threads...]]   defaults: 20 1 4 16
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (extra JVM flags),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.WriterScaling "$@"

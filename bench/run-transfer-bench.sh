#!/usr/bin/env bash
# Builds the project and runs the transfer benchmark (concurrent two-row transactions through
# java.sql; commits per second and the share of attempts that committed, the rest lost with 40001):
#   bench/run-transfer-bench.sh [accounts [seconds [connections...]]]   defaults: 1000 30 1 4 16
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (extra JVM flags),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.TransferBench "$@"

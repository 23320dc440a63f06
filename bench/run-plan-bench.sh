#!/usr/bin/env bash
# Plans shared by a graph's connections (docs/benchmarks.md): preparing a five-way join on a first
# and on new connections, 5,000 lookups through one PreparedStatement, 200 rounds of connect,
# prepare, lookup, close.
#   bench/run-plan-bench.sh
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS, BUILD_DIR_NAME (Maven build directory,
# default target-bench so a normal build is not disturbed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.PlanSharingBench "$@"

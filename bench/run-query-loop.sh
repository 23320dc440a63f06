#!/usr/bin/env bash
# Runs one statement many times on an existing database and prints its latency percentiles, a
# steady load to profile (add -XX:StartFlightRecording=... to BENCH_JAVA_OPTS):
#   bench/run-query-loop.sh <jdbc-url> <sql> [runs [param]]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.QueryLoop "$@"

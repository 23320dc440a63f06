#!/usr/bin/env bash
# Remote against embedded (docs/benchmarks.md): a full scan, 1,000 lookups and 200 single-row
# inserts through an embedded connection and through omnigraph serve on loopback.
#   bench/run-remote-bench.sh
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS (e.g. -Dbench.persons=100000),
# BUILD_DIR_NAME (Maven build directory, default target-bench so a normal build is not disturbed).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.RemoteVersusEmbedded "$@"

#!/usr/bin/env bash
# Builds the project and runs the graph pattern benchmark (GRAPH_TABLE against DuckDB through java.sql):
#   bench/run-pattern-bench.sh [persons [edges]]        defaults: 200000 800000
# Environment: BENCH_HEAP (default 2g), BENCH_JAVA_OPTS, BUILD_DIR_NAME (see classpath.sh).
# The Markdown table goes to stdout, progress to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/classpath.sh
bench_java io.omnigraph.tests.bench.GraphPatternBench "$@"

# Sourced by the bench scripts: compiles this checkout's test classes into a separate build
# directory and sets $cp to their classpath. Compiling in the same reactor run makes the classpath
# point at this checkout's classes, not at whatever another build last installed into the local
# repository. BUILD_DIR_NAME overrides the build directory (default target-bench, so a normal
# build is not disturbed).
build="${BUILD_DIR_NAME:-target-bench}"
cpfile="$PWD/tests/$build/bench.classpath"
mvn -q -B -o -Dbuild.dir.name="$build" -pl tests -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="$PWD/tests/$build/test-classes:$(cat "$cpfile")"

# Lance 7.0.0 sizes its CPU pool at one thread on hosts with 3 or fewer cores, and its text-index
# build then deadlocks (a producer holds the only thread while the writer waits for one):
# ENSURE INDICES hangs at 0% CPU on a 2-core machine once a String @key column has ~300k rows.
export LANCE_CPU_THREADS="${LANCE_CPU_THREADS:-2}"

# Runs one bench class with the flags every bench needs, printing the load before and after.
bench_java() {
  local main="$1"
  shift
  echo "uptime: $(uptime)"
  java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx"${BENCH_HEAP:-2g}" \
    ${BENCH_JAVA_OPTS:-} -cp "$cp" "$main" "$@"
  echo "uptime: $(uptime)"
}

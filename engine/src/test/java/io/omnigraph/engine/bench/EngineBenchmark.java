package io.omnigraph.engine.bench;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Engine throughput and latency on a generated Person graph. Not a test: docs/benchmarks.md gives the
 * command (the JVM needs --add-opens=java.base/java.nio=ALL-UNNAMED) and records the figures. Prints
 * one block per size given as arguments (default 100000 and 1000000).
 */
public final class EngineBenchmark {
  private static final String SCHEMA = "node Person { name: String @key  age: I32?  city: String? }";

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length == 0 ? new int[] {100_000, 1_000_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    int commits = Integer.getInteger("bench.commits", 1000);
    for (int n : sizes) run(n, commits);
  }

  private static void run(int n, int priorCommits) throws IOException {
    Path dir = Files.createTempDirectory("omnigraph-bench");
    System.out.printf("%n== %,d Person nodes ==%n", n);
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      long t0 = System.nanoTime();
      g.load("main", new GeneratedJsonl(n), LoadMode.APPEND, "bench");
      double loadSec = (System.nanoTime() - t0) / 1e9;
      System.out.printf("jsonl load (append)      %,12.0f rows/s  (%.1f s)%n", n / loadSec, loadSec);

      Snapshot s = g.snapshot("main");
      t0 = System.nanoTime();
      long rows = 0;
      try (RowCursor c = s.scan("Person", ScanRequest.all())) {
        while (c.next()) {
          c.row();
          rows++;
        }
      }
      double scanSec = (System.nanoTime() - t0) / 1e9;
      System.out.printf("full scan (all columns)  %,12.0f rows/s  (%,d rows)%n", rows / scanSec, rows);

      Random r = new Random(1);
      double[] lookups = new double[50];
      for (int i = 0; i < lookups.length; i++) {
        String id = "person-" + r.nextInt(n);
        long l0 = System.nanoTime();
        if (s.get("Person", id).isEmpty()) throw new IllegalStateException("missing " + id);
        lookups[i] = (System.nanoTime() - l0) / 1e6;
      }
      System.out.printf("lookup by id             p50 %8.2f ms  p99 %8.2f ms%n", pct(lookups, 50), pct(lookups, 99));

      double[] first = commitLatencies(g, 100, "a");
      System.out.printf("single-row commit        p50 %8.2f ms  p99 %8.2f ms  (first 100)%n", pct(first, 50), pct(first, 99));
      commitLatencies(g, Math.max(0, priorCommits - 100), "b");
      double[] later = commitLatencies(g, 100, "c");
      System.out.printf("single-row commit        p50 %8.2f ms  p99 %8.2f ms  (after %d prior commits)%n",
          pct(later, 50), pct(later, 99), priorCommits);
    } finally {
      deleteTree(dir);
    }
  }

  private static double[] commitLatencies(Graph g, int count, String tag) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      try (GraphTransaction tx = g.begin("main", "bench")) {
        tx.insert("Person", List.of(Map.of("name", "commit-" + tag + "-" + i, "age", i)));
        tx.commit();
      }
      out[i] = (System.nanoTime() - t0) / 1e6;
    }
    return out;
  }

  private static double pct(double[] values, int p) {
    if (values.length == 0) return Double.NaN;
    double[] v = values.clone();
    Arrays.sort(v);
    return v[Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1)];
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.toList());
      all.sort((a, b) -> b.getNameCount() - a.getNameCount());
      for (Path p : all) Files.deleteIfExists(p);
    }
  }
}

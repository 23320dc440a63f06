package io.omnigraph.engine.bench;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.merge.ChangeSet;
import io.omnigraph.engine.merge.MergeResult;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Branch costs against table size: creating a branch, merging 100 changed rows back, and diffing
 * 100 changes, on graphs of different sizes. Not a test; run like {@link EngineBenchmark}, with the
 * sizes as arguments (default 10000 and 1000000).
 */
public final class BranchBenchmark {
  private static final String SCHEMA = "node Person { name: String @key  age: I32?  city: String? }";
  private static final int CHANGED = 100;

  public static void main(String[] args) throws IOException {
    int[] sizes = args.length == 0 ? new int[] {10_000, 1_000_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf("%12s %8s %18s %22s %18s%n", "rows", "indexed", "branch create ms", "merge 100 changed ms",
        "diff 100 ms");
    for (int n : sizes) {
      run(n, false);
      run(n, true);
    }
  }

  private static void run(int n, boolean indexed) throws IOException {
    Path dir = Files.createTempDirectory("omnigraph-branch-bench");
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      g.load("main", new GeneratedJsonl(n), LoadMode.APPEND, "bench");
      if (indexed) g.ensureIndices("main");
      String fork = g.snapshot("main").headCommitId();
      double[] creates = new double[5];
      for (int i = 0; i < creates.length; i++) {
        long t0 = System.nanoTime();
        g.createBranch("b" + i, "main");
        creates[i] = (System.nanoTime() - t0) / 1e6;
      }
      try (GraphTransaction tx = g.begin("b0", "bench")) {
        for (int i = 0; i < CHANGED; i++) {
          tx.update("Person", Predicate.eq("name", "person-" + (i * (n / CHANGED))), Map.of("age", 99));
        }
        tx.commit();
      }
      try (GraphTransaction tx = g.begin("main", "bench")) {
        tx.insert("Person", List.of(Map.of("name", "only-on-main")));
        tx.commit();
      }
      long t0 = System.nanoTime();
      ChangeSet diff = g.diff(g.snapshotAtCommit(fork), g.snapshot("b0"));
      double diffMs = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      MergeResult merged = g.merge("b0", "main", "bench");
      double mergeMs = (System.nanoTime() - t0) / 1e6;
      if (merged.commitId() == null || diff.changes().size() != CHANGED) {
        throw new IllegalStateException("unexpected merge " + merged + " or diff of " + diff.changes().size());
      }
      System.out.printf("%,12d %8s %18.1f %22.1f %18.1f   (%s)%n", n, indexed ? "yes" : "no", median(creates), mergeMs,
          diffMs, merged.outcome());
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}

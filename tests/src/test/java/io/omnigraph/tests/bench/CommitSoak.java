package io.omnigraph.tests.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Keeps one graph handle committing: N single-row auto-commit INSERTs through java.sql on a fresh
 * one-type graph, printing resident memory and commit latency every {@code bench.every} commits.
 * Not a test; run {@code bench/run-commit-soak.sh [commits]} (default 10,000). docs/benchmarks.md
 * records a run. Growth of RSS with a flat Java heap is native memory the engine keeps per commit.
 *
 * <p>Every commit writes one more small fragment, and the duplicate-key check scans each of them,
 * so commit latency grows with the commits since the last compaction; {@code bench.optimizeEvery}
 * runs {@code OPTIMIZE} on that schedule, as docs/operations.md advises for write-heavy graphs.
 *
 * <p>System properties: {@code bench.dir} (work directory, default a new temp directory, deleted
 * afterwards unless {@code bench.keep=true}), {@code bench.every} (report interval, default 200),
 * {@code bench.optimizeEvery} (default 0: never), {@code bench.slowMs} (print each commit slower than
 * this, with when it ended, to find it in a profile; default 0: none).
 */
public final class CommitSoak {
  static final String SCHEMA = "node Item { name: String @key  n: I32 }\n";

  private CommitSoak() {}

  public static void main(String[] args) throws Exception {
    int commits = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int every = Integer.getInteger("bench.every", 200);
    int optimizeEvery = Integer.getInteger("bench.optimizeEvery", 0);
    String dirProperty = System.getProperty("bench.dir");
    Path dir = dirProperty == null
        ? Files.createTempDirectory("omnigraph-soak")
        : Files.createDirectories(Path.of(dirProperty));
    String schedule = optimizeEvery > 0 ? String.format(", OPTIMIZE every %,d", optimizeEvery) : "";
    System.out.printf("%,d commits%s; max heap %,d MB; %d processors; load average %.2f%n", commits, schedule,
        Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), loadAverage());
    System.out.println("| commits | RSS MB | heap used MB | heap committed MB | p50 ms | p99 ms | load avg |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    try {
      Path schema = dir.resolve("soak.pg");
      Files.writeString(schema, SCHEMA);
      String url = "jdbc:omnigraph:" + dir.resolve("graph") + "?create=true&schema=" + schema + "&actor=soak";
      try (Connection c = DriverManager.getConnection(url)) {
        run(c, commits, every, optimizeEvery);
      }
    } finally {
      if (!Boolean.getBoolean("bench.keep")) deleteTree(dir);
    }
  }

  private static void run(Connection c, int commits, int every, int optimizeEvery) throws SQLException {
    long[] window = new long[every];
    long slowMs = Long.getLong("bench.slowMs", 0);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO Item (name, n) VALUES (?, ?)");
        Statement control = c.createStatement()) {
      for (int i = 1; i <= commits; i++) {
        if (optimizeEvery > 0 && i % optimizeEvery == 0) optimize(control);
        insert.setString(1, "item-" + i);
        insert.setInt(2, i);
        long t0 = System.nanoTime();
        insert.executeUpdate();
        long took = System.nanoTime() - t0;
        window[(i - 1) % every] = took;
        if (slowMs > 0 && took >= slowMs * 1_000_000L) {
          System.out.printf("slow commit %,d: %.1f ms, ended at %d ms since the epoch%n", i, took / 1e6,
              System.currentTimeMillis());
        }
        if (i % every == 0) {
          long[] sorted = window.clone();
          Arrays.sort(sorted);
          Runtime rt = Runtime.getRuntime();
          System.out.printf("| %,d | %,d | %,d | %,d | %.1f | %.1f | %.2f |%n", i, residentBytes() >> 20,
              (rt.totalMemory() - rt.freeMemory()) >> 20, rt.totalMemory() >> 20, percentile(sorted, 0.50) / 1e6,
              percentile(sorted, 0.99) / 1e6, loadAverage());
        }
      }
    }
  }

  private static void optimize(Statement control) throws SQLException {
    try (ResultSet rs = control.executeQuery("OPTIMIZE")) {
      while (rs.next()) {
        // per-table statistics; only the compaction matters here
      }
    }
  }

  /** Nearest-rank percentile of an ascending array. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** VmRSS of this process from /proc (Linux only). */
  public static long residentBytes() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      String line = lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no VmRSS in /proc/self/status"));
      return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/self/status", e);
    }
  }

  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}

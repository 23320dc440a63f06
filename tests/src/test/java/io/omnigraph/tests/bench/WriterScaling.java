package io.omnigraph.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Single-row auto-commit INSERTs from several threads at once, each with its own connection, for a
 * fixed time per thread count on a fresh graph, and the same against one DuckDB database in the
 * same JVM. Prints commits per second, p50/p99 commit latency and the ratio of throughputs, and
 * checks that every acknowledged insert is stored. Not a test; run
 * {@code bench/run-writer-scaling.sh [seconds [threads...]]} (defaults 20 s; 1, 4 and 16 threads).
 */
public final class WriterScaling {
  private WriterScaling() {}

  /** What one run measured. */
  private record Run(long commits, double seconds, long p50Nanos, long p99Nanos, long stored) {
    double perSecond() {
      return commits / seconds;
    }
  }

  /** Opens one connection per writer on a store both sides prepare the same way. */
  private interface Store {
    Connection connect() throws SQLException;
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Integer> counts = new ArrayList<>();
    for (int i = 1; i < args.length; i++) counts.add(Integer.parseInt(args[i]));
    if (counts.isEmpty()) counts = List.of(1, 4, 16);
    System.out.printf("%d s per run; %d processors; load average %.2f%n", seconds,
        Runtime.getRuntime().availableProcessors(), CommitSoak.loadAverage());
    System.out.println("| threads | OmniGraph commits/s | p50 / p99 ms | DuckDB commits/s | p50 / p99 ms "
        + "| OmniGraph throughput ÷ DuckDB's | all stored | load avg |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---|---:|");
    for (int threads : counts) {
      Path dir = Files.createTempDirectory("omnigraph-writers");
      try {
        Files.writeString(dir.resolve("items.pg"), CommitSoak.SCHEMA);
        String url = "jdbc:omnigraph:" + dir.resolve("graph") + "?create=true&schema=" + dir.resolve("items.pg")
            + "&actor=bench";
        Run omni;
        // One connection creates the graph before the writers open theirs.
        try (Connection creator = DriverManager.getConnection(url)) {
          omni = run(() -> DriverManager.getConnection(url), threads, seconds);
        }
        Run duck;
        try (Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("duck.db"))) {
          try (Statement s = d.createStatement()) {
            s.execute("CREATE TABLE Item (name VARCHAR PRIMARY KEY, n INTEGER)");
          }
          duck = run(() -> ((org.duckdb.DuckDBConnection) d).duplicate(), threads, seconds);
        }
        System.out.printf("| %d | %.1f | %.1f / %.1f | %.1f | %.2f / %.2f | %.2f | %s | %.2f |%n", threads,
            omni.perSecond(), omni.p50Nanos() / 1e6, omni.p99Nanos() / 1e6, duck.perSecond(), duck.p50Nanos() / 1e6,
            duck.p99Nanos() / 1e6, omni.perSecond() / duck.perSecond(),
            omni.stored() == omni.commits() && duck.stored() == duck.commits() ? "yes"
                : "NO: " + omni.stored() + "/" + omni.commits() + ", " + duck.stored() + "/" + duck.commits(),
            CommitSoak.loadAverage());
      } finally {
        CommitSoak.deleteTree(dir);
      }
    }
  }

  private static Run run(Store store, int threads, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> done = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (int t = 0; t < threads; t++) {
        int writer = t;
        done.add(pool.submit(() -> {
          long[] latencies = new long[1 << 16];
          int n = 0;
          try (Connection c = store.connect();
              PreparedStatement insert = c.prepareStatement("INSERT INTO Item (name, n) VALUES (?, ?)")) {
            while (System.nanoTime() < deadline) {
              insert.setString(1, "w" + writer + "-" + n);
              insert.setInt(2, n);
              long t0 = System.nanoTime();
              insert.executeUpdate();
              if (n == latencies.length) latencies = Arrays.copyOf(latencies, n * 2);
              latencies[n++] = System.nanoTime() - t0;
            }
          }
          return Arrays.copyOf(latencies, n);
        }));
      }
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> f : done) all.add(f.get(seconds + 600L, TimeUnit.SECONDS));
      double elapsed = (System.nanoTime() - start) / 1e9;
      long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      long stored;
      try (Connection c = store.connect(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM Item")) {
        rs.next();
        stored = rs.getLong(1);
      }
      return new Run(merged.length, elapsed, CommitSoak.percentile(merged, 0.50), CommitSoak.percentile(merged, 0.99),
          stored);
    } finally {
      pool.shutdownNow();
    }
  }
}

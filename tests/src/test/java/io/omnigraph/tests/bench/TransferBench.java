package io.omnigraph.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transfers between accounts from several connections at once, each a transaction of two
 * {@code UPDATE ... WHERE name = ?} statements ({@link Bank#transfer}); one that loses with 40001 is
 * counted and the connection goes on with a new pair, for a fixed time per connection
 * count, on a fresh graph each time. Prints commits per second, the share of attempts that
 * committed, and checks that the total balance never changed. Not a test; run
 * {@code bench/run-transfer-bench.sh [accounts [seconds [connections...]]]}.
 */
public final class TransferBench {
  private static final long START_BALANCE = 1_000;

  private TransferBench() {}

  public static void main(String[] args) throws Exception {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    List<Integer> counts = new ArrayList<>();
    for (int i = 2; i < args.length; i++) counts.add(Integer.parseInt(args[i]));
    if (counts.isEmpty()) counts = List.of(1, 4, 16);
    System.out.printf("%,d accounts, %d s per run; %d processors; load average %.2f%n", accounts, seconds,
        Runtime.getRuntime().availableProcessors(), CommitSoak.loadAverage());
    System.out.println("| connections | commits | commits/s | attempts committed | total balance kept | load avg |");
    System.out.println("|---:|---:|---:|---:|---|---:|");
    for (int connections : counts) {
      Path dir = Files.createTempDirectory("omnigraph-transfers");
      try {
        run(dir, accounts, seconds, connections);
      } finally {
        CommitSoak.deleteTree(dir);
      }
    }
  }

  private static void run(Path dir, int accounts, int seconds, int connections) throws Exception {
    String url = Bank.create(dir, accounts, START_BALANCE);
    AtomicLong commits = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < connections; t++) {
        Random random = new Random(t);
        done.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url); PreparedStatement move = Bank.mover(c)) {
            while (System.nanoTime() < deadline) {
              (Bank.transfer(c, move, Bank.pair(random, accounts)) ? commits : conflicts).incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get(seconds + 600L, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    long total = Bank.total(url);
    long attempts = commits.get() + conflicts.get();
    System.out.printf("| %d | %,d | %.1f | %.0f %% | %s | %.2f |%n", connections, commits.get(),
        commits.get() / (double) seconds, attempts == 0 ? 0 : 100.0 * commits.get() / attempts,
        total == accounts * START_BALANCE ? "yes" : "NO: " + total, CommitSoak.loadAverage());
  }
}

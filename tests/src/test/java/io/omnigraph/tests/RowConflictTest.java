package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.tests.bench.Bank;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write conflicts are per row for UPDATE and DELETE by key: transactions that change different
 * rows of one table all commit; the second of two that change the same row fails with 40001, and
 * no update is lost.
 */
class RowConflictTest {
  @TempDir Path dir;

  @Test
  void transactionsOnDifferentRowsOfOneTableBothCommit() throws SQLException {
    try (Connection a = Fixture.createLoaded(dir); Connection b = Fixture.connect(dir, "");
        Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      sa.executeUpdate("UPDATE Person SET age = 70 WHERE name = 'Alice'");
      sb.executeUpdate("UPDATE Person SET age = 71 WHERE name = 'Bob'");
      b.commit();
      a.commit();
      assertEquals(70, Fixture.scalar(a, "SELECT age FROM Person WHERE name = 'Alice'"));
      assertEquals(71, Fixture.scalar(a, "SELECT age FROM Person WHERE name = 'Bob'"));

      sa.executeUpdate("UPDATE Person SET age = age + 1 WHERE name = 'Alice'");
      sb.executeUpdate("UPDATE Person SET age = age + 10 WHERE name = 'Alice'");
      b.commit();
      SQLException lost = assertThrows(SQLException.class, a::commit);
      assertEquals("40001", lost.getSQLState());
      assertEquals(80, Fixture.scalar(b, "SELECT age FROM Person WHERE name = 'Alice'"), "first committer wins");
    }
  }

  @Test
  void concurrentTransfersKeepTheTotalAndMostlyCommit() throws Exception {
    int accounts = 100;
    String url = Bank.create(dir, accounts, 1000);
    int threads = 4;
    int transfers = 12;
    AtomicInteger conflicts = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Random random = new Random(t);
        done.add(pool.submit(() -> {
          try (Connection c = DriverManager.getConnection(url); PreparedStatement move = Bank.mover(c)) {
            for (int i = 0; i < transfers; i++) {
              int[] pair = Bank.pair(random, accounts);
              while (!Bank.transfer(c, move, pair)) conflicts.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) f.get(180, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(accounts * 1000L, Bank.total(url), "no transfer lost or doubled");
    int committed = threads * transfers;
    System.out.printf("transfers: %d committed, %d conflicts%n", committed, conflicts.get());
    // With conflicts per table every concurrent commit on Account failed the others: here only
    // two transfers touching one account can.
    assertTrue(conflicts.get() < committed, committed + " committed, " + conflicts.get() + " conflicts");
  }
}

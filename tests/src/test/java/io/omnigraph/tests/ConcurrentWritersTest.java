package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight connections writing at once, each retrying on 40001 as a client should: no write is lost,
 * and no failure other than 40001 ever reaches a writer.
 */
class ConcurrentWritersTest {
  private static final int WRITERS = 8;

  @TempDir Path dir;

  /** Runs {@code sql} as one auto-commit statement, retrying while another writer wins the commit race. */
  private static int withRetry(Statement s, String sql, AtomicInteger conflicts) throws SQLException {
    for (int attempt = 0; ; attempt++) {
      try {
        return s.executeUpdate(sql);
      } catch (SQLException e) {
        if (!"40001".equals(e.getSQLState()) || attempt > 200) throw e;
        conflicts.incrementAndGet();
      }
    }
  }

  private static void runAll(List<Callable<Void>> writers) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers.size());
    try {
      List<Future<Void>> results = new ArrayList<>();
      for (Callable<Void> w : writers) results.add(pool.submit(w));
      for (Future<Void> f : results) f.get(90, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eightWritersInsertingIntoOneTableLoseNothing() throws Exception {
    int perWriter = 4;
    AtomicInteger conflicts = new AtomicInteger();
    try (Connection setup = Fixture.createEmpty(dir)) {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(() -> {
          try (Connection c = Fixture.connect(dir, "actor=writer" + writer); Statement s = c.createStatement()) {
            for (int i = 0; i < perWriter; i++) {
              withRetry(s, "INSERT INTO Person (name, age) VALUES ('p" + writer + "_" + i + "', " + i + ")", conflicts);
            }
          }
          return null;
        });
      }
      runAll(writers);
      assertEquals(WRITERS * perWriter, Fixture.count(setup, "Person"));
      assertEquals(WRITERS * perWriter + 1L, Fixture.count(setup, "_graph_commits"), "one commit per insert plus genesis");
    }
  }

  @Test
  void eightWritersOnDifferentTablesAndOneContendedRowLoseNothing() throws Exception {
    int increments = 3;
    AtomicInteger conflicts = new AtomicInteger();
    ConcurrentHashMap<String, Integer> inserted = new ConcurrentHashMap<>();
    try (Connection setup = Fixture.createEmpty(dir); Statement s0 = setup.createStatement()) {
      s0.executeUpdate("INSERT INTO Person (name, age) VALUES ('Counter', 0)");
      List<Callable<Void>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(() -> {
          try (Connection c = Fixture.connect(dir, ""); Statement s = c.createStatement()) {
            for (int i = 0; i < increments; i++) {
              // Each writer also writes its own table: companies, notes or people, by turn.
              String table = List.of("Company", "Note", "Person").get(writer % 3);
              String insert = switch (table) {
                case "Company" -> "INSERT INTO Company (name, country) VALUES ('c" + writer + "_" + i + "', 'NL')";
                case "Note" -> "INSERT INTO Note (body) VALUES ('n" + writer + "_" + i + "')";
                default -> "INSERT INTO Person (name) VALUES ('q" + writer + "_" + i + "')";
              };
              withRetry(s, insert, conflicts);
              inserted.merge(table, 1, Integer::sum);
              assertEquals(1, withRetry(s, "UPDATE Person SET age = age + 1 WHERE name = 'Counter'", conflicts));
            }
          }
          return null;
        });
      }
      runAll(writers);
      assertEquals(WRITERS * increments, Fixture.scalar(setup, "SELECT age FROM Person WHERE name = 'Counter'"),
          "every increment landed exactly once");
      assertEquals(inserted.get("Company").longValue(), Fixture.count(setup, "Company"));
      assertEquals(inserted.get("Note").longValue(), Fixture.count(setup, "Note"));
      assertEquals(inserted.get("Person") + 1L, Fixture.count(setup, "Person"));
    }
  }
}

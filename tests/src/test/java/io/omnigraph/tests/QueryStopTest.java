package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A timeout, a cancel and a connection closing each stop queries that read their input once and
 * then compute for minutes (an aggregate over a three-way cross join, a sort over a cross join)
 * within about a second, with 57014, and leave nothing open: the last connection closes cleanly,
 * which it does not while a scan still holds Arrow memory.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class QueryStopTest {
  private static final String CROSS_COUNT = "SELECT COUNT(*) FROM Item a, Item b, Item c WHERE a.n + b.n + c.n = -1";
  private static final String CROSS_SORT = "SELECT a.n, b.n FROM Item a, Item b ORDER BY a.n * 7 + b.n DESC";
  /** How long a stop may take to land; the queries themselves run for minutes. */
  private static final long STOP_MILLIS = 2_000;

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void load() throws Exception {
    Path schema = Path.of(QueryStopTest.class.getResource("/stop/items.pg").toURI());
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      jsonl.append("{\"type\": \"Item\", \"data\": {\"name\": \"i").append(i).append("\", \"n\": ").append(i).append("}}\n");
    }
    Path data = Files.writeString(dir.resolve("items.jsonl"), jsonl);
    url = "jdbc:omnigraph:" + dir.resolve("g");
    try (Connection c = DriverManager.getConnection(url + "?create=true&schema=" + schema);
        Statement s = c.createStatement()) {
      s.executeUpdate("LOAD DATA FROM '" + data + "' MODE OVERWRITE");
    }
  }

  @Test
  void aQueryTimeoutStopsACrossJoinAggregate() throws Exception {
    assertTimeoutStops(CROSS_COUNT);
  }

  @Test
  void aQueryTimeoutStopsASortOverACrossJoin() throws Exception {
    assertTimeoutStops(CROSS_SORT);
  }

  @Test
  void cancelFromAnotherThreadStopsACrossJoinAggregate() throws Exception {
    Connection c = DriverManager.getConnection(url);
    // Planned up front: the stop times measured below are execution's, whatever planning costs.
    try (PreparedStatement s = c.prepareStatement(CROSS_COUNT)) {
      CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> failureOf(s));
      Thread.sleep(1_000);
      long cancelled = System.nanoTime();
      s.cancel();
      SQLException e = failure.get(STOP_MILLIS * 5, TimeUnit.MILLISECONDS);
      assertTrue(millisSince(cancelled) < STOP_MILLIS, "stopped " + millisSince(cancelled) + " ms after the cancel");
      assertEquals("57014", e.getSQLState(), e.toString());
      assertEquals(3_000, Fixture.count(c, "Item"), "the statement and the connection still work");
    }
    assertClosesCleanly(c);
  }

  @Test
  void closingTheConnectionFromAnotherThreadStopsASortAndReturnsPromptly() throws Exception {
    Connection c = DriverManager.getConnection(url);
    PreparedStatement s = c.prepareStatement(CROSS_SORT);
    CompletableFuture<SQLException> failure = CompletableFuture.supplyAsync(() -> failureOf(s));
    Thread.sleep(1_000);
    long closing = System.nanoTime();
    c.close();
    assertTrue(millisSince(closing) < STOP_MILLIS, "close returned after " + millisSince(closing) + " ms");
    SQLException e = failure.get(STOP_MILLIS * 5, TimeUnit.MILLISECONDS);
    assertTrue(e.getSQLState().equals("57014") || e.getSQLState().startsWith("08")
        || e.getSQLState().equals("55000"), e.toString());
    assertClosesCleanly(DriverManager.getConnection(url));
  }

  private void assertTimeoutStops(String sql) throws Exception {
    Connection c = DriverManager.getConnection(url);
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setQueryTimeout(1);
      long started = System.nanoTime();
      SQLException e = failureOf(s);
      assertInstanceOf(SQLTimeoutException.class, e, e.toString());
      assertEquals("57014", e.getSQLState());
      assertTrue(millisSince(started) < 1_000 + STOP_MILLIS, "stopped after " + millisSince(started) + " ms");
      s.setQueryTimeout(0);
      assertEquals(3_000, Fixture.count(c, "Item"));
    }
    assertClosesCleanly(c);
  }

  /** Runs the statement to its end, expecting it to fail; returns the failure. */
  private static SQLException failureOf(PreparedStatement s) {
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) rs.getObject(1);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the query ran to its end");
  }

  /** Closing the last connection closes the graph handle, which fails while Arrow memory is held. */
  private void assertClosesCleanly(Connection c) throws SQLException {
    c.close();
    try (Connection again = DriverManager.getConnection(url)) {
      assertEquals(3_000, Fixture.count(again, "Item"));
    }
  }

  private static long millisSince(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
  }
}

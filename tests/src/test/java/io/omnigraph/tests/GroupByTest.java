package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GROUP BY over one table is computed by the engine (EXPLAIN shows EnumerableGraphAggregate) and
 * answers exactly what Calcite's own operators answer for the same rows: nulls, filters,
 * parameters, an empty input, a transaction's uncommitted rows; sums of the largest integers are exact.
 */
class GroupByTest {
  private static final String AGGREGATES = "COUNT(*) AS c, COUNT(n) AS cn, SUM(n) AS sn, MIN(k) AS mk, MAX(k) AS xk, "
      + "SUM(f) AS sf, MAX(\"day\") AS xd, AVG(CAST(k AS DOUBLE)) AS ak";

  @TempDir Path dir;

  @Test
  void groupedAggregatesAreComputedByTheEngineAndMatchCalcite() throws SQLException {
    try (Connection c = create()) {
      insert(c, 0, 500);
      String grouped = "SELECT site, " + AGGREGATES + " FROM %s WHERE k > ? GROUP BY site";
      String plan = Fixture.strings(c, "EXPLAIN PLAN FOR " + String.format(grouped, "Reading").replace("?", "10"))
          .get(0);
      assertTrue(plan.contains("EnumerableGraphAggregate(table=[[graph, Reading]], group=[[site]]"), plan);
      assertTrue(plan.contains("filter=[k > 10]"), plan);
      assertFalse(plan.contains("EnumerableAggregate"), plan);

      assertSameAnswers(c, grouped, 10);
      assertSameAnswers(c, "SELECT " + AGGREGATES + " FROM %s WHERE k > ?", 10);
      assertSameAnswers(c, "SELECT " + AGGREGATES + " FROM %s WHERE k > ?", 1000);
      assertSameAnswers(c, "SELECT site, " + AGGREGATES + " FROM %s WHERE k > ? GROUP BY site", 1000);
      assertSameAnswers(c, "SELECT \"day\", site, COUNT(*), SUM(k) FROM %s WHERE k > ? GROUP BY \"day\", site", -1);

      c.setAutoCommit(false);
      insert(c, 500, 520);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM Reading WHERE site = 's1'");
      }
      assertSameAnswers(c, grouped, 10);
      c.rollback();
      assertSameAnswers(c, grouped, 10);
    }
  }

  /**
   * The engine holds a table's columns once it has been aggregated; every committed change after
   * that (new rows, rows deleted, rows rewritten) must show in the next answer.
   */
  @Test
  void groupedAggregatesFollowCommittedInsertsDeletesAndUpdates() throws SQLException {
    try (Connection c = create()) {
      insert(c, 0, 400);
      String grouped = "SELECT site, " + AGGREGATES + " FROM %s WHERE k > ? GROUP BY site";
      String byDay = "SELECT \"day\", COUNT(*), SUM(n), MIN(f), MAX(k) FROM %s WHERE k > ? GROUP BY \"day\"";
      List<String> changes = List.of(
          "DELETE FROM Reading WHERE site = 's2'",
          "UPDATE Reading SET n = 7, site = 's9' WHERE k < 5",
          "DELETE FROM Reading WHERE name = 'r401'",
          "UPDATE Reading SET f = NULL, \"day\" = DATE '1999-12-31' WHERE name IN ('r402', 'r13')");
      for (int round = 0; round < 2; round++) {
        assertSameAnswers(c, grouped, 10);
        assertSameAnswers(c, byDay, -1);
      }
      insert(c, 400, 450);
      assertSameAnswers(c, grouped, 10);
      assertSameAnswers(c, byDay, -1);
      for (String change : changes) {
        try (Statement s = c.createStatement()) {
          assertTrue(s.executeUpdate(change) > 0, change);
        }
        assertSameAnswers(c, grouped, 10);
        assertSameAnswers(c, byDay, -1);
      }
      assertEquals(0L, Fixture.scalar(c, "SELECT COUNT(*) FROM Reading WHERE site = 's2'"));
    }
  }

  @Test
  void sumsOfTheLargestIntegersAreExact() throws SQLException {
    try (Connection c = create(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO Reading (name, k, n) VALUES (?, ?, ?)")) {
      for (int i = 0; i < 2; i++) {
        ps.setString(1, "max" + i);
        ps.setInt(2, Integer.MAX_VALUE);
        ps.setLong(3, Long.MAX_VALUE);
        ps.executeUpdate();
      }
      String sql = "SELECT SUM(n), SUM(k), AVG(k) FROM Reading";
      assertTrue(plan(c, sql).contains("EnumerableGraphAggregate"), plan(c, sql));
      List<Object> sums = Fixture.rows(c, sql).get(0);
      assertEquals(new BigDecimal(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1)), sums.get(0));
      assertEquals(2L * Integer.MAX_VALUE, sums.get(1));
      assertEquals(Integer.MAX_VALUE, ((Number) sums.get(2)).intValue());
    }
  }

  /** The engine's answer, and Calcite's for the same rows (a pushed limit keeps the aggregate in Calcite). */
  private static void assertSameAnswers(Connection c, String template, int param) throws SQLException {
    String pushed = String.format(template, "Reading");
    String calcite = String.format(template, "(SELECT * FROM Reading LIMIT 100000000)");
    assertTrue(plan(c, pushed).contains("EnumerableGraphAggregate"), plan(c, pushed));
    assertFalse(plan(c, calcite).contains("EnumerableGraphAggregate"), plan(c, calcite));
    assertEquals(sorted(c, calcite, param), sorted(c, pushed, param), pushed);
  }

  private static String plan(Connection c, String sql) throws SQLException {
    return Fixture.strings(c, "EXPLAIN PLAN FOR " + sql.replace("?", "0")).get(0);
  }

  private static List<String> sorted(Connection c, String sql, int param) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, param);
      try (var rs = ps.executeQuery()) {
        return Fixture.rows(rs).stream().map(String::valueOf).sorted().toList();
      }
    }
  }

  private Connection create() throws SQLException {
    return DriverManager.getConnection(Fixture.url(dir) + "?create=true&schema=" + Fixture.resource("readings.pg"));
  }

  private static void insert(Connection c, int from, int to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO Reading (name, site, n, k, f, \"day\") VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = from; i < to; i++) {
        ps.setString(1, "r" + i);
        if (i % 5 == 0) ps.setNull(2, Types.VARCHAR);
        else ps.setString(2, "s" + (i % 4));
        if (i % 7 == 0) ps.setNull(3, Types.BIGINT);
        else ps.setLong(3, i * 1_000_003L - 5_000_000L);
        ps.setInt(4, i % 97);
        if (i % 11 == 0) ps.setNull(5, Types.DOUBLE);
        else ps.setDouble(5, i / 8.0 - 3);
        if (i % 13 == 0) ps.setNull(6, Types.DATE);
        else ps.setDate(6, Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(i % 40)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}

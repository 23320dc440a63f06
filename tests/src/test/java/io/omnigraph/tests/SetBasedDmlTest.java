package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UPDATE and MERGE write the rows their query read, current values and new ones together, and
 * DELETE removes the rows its query found: the values a statement does not assign come back
 * exactly as they were, whatever their type; statements of an open transaction rewrite its pending
 * rows; and two transactions that rewrite the same rows still conflict (40001).
 */
class SetBasedDmlTest {
  @TempDir Path dir;

  private static final String EVERY_COLUMN = "INSERT INTO Note (id, body, pinned, level, total, amount, big, weight,"
      + " score, born, stamped, payload, tags, embedding) VALUES (?, 'b', TRUE, 2147483646, -9223372036854775808,"
      + " 4294967295, 18446744073709551615, ?, ?, DATE '0001-01-01', TIMESTAMP '9999-12-31 23:59:59.999', ?,"
      + " ARRAY['x', 'it''s'], ARRAY[0.5, 1.5, -2.0])";

  private static void insertEveryColumn(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(EVERY_COLUMN)) {
      ps.setString(1, id);
      ps.setObject(2, Float.MIN_VALUE);
      ps.setObject(3, -Double.MIN_VALUE);
      ps.setBytes(4, new byte[] {0, -1, 127, -128});
      ps.executeUpdate();
    }
  }

  /** Every column of a Note as comparable values: arrays as lists, bytes as hex, dates as java.time. */
  private static Map<String, Object> note(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM Note WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new AssertionError("no Note " + id);
        ResultSetMetaData md = rs.getMetaData();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object v = switch (md.getColumnType(i)) {
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            default -> rs.getObject(i);
          };
          if (v instanceof java.sql.Array a) v = items(a.getArray());
          if (v instanceof byte[] b) v = HexFormat.of().formatHex(b);
          out.put(md.getColumnName(i), v);
        }
        return out;
      }
    }
  }

  private static List<Object> items(Object array) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < Array.getLength(array); i++) out.add(Array.get(array, i));
    return out;
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      return ps.executeUpdate();
    }
  }

  @Test
  void explainShowsAnUpdateOrDeleteAsATableModifyOverItsScan() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      String update = String.join("\n",
          Fixture.strings(c, "EXPLAIN PLAN FOR UPDATE Person SET age = age + 1 WHERE name = 'Alice'"));
      assertTrue(update.startsWith("GraphTableModify(table=[[graph, Person]], operation=[UPDATE]"), update);
      assertTrue(update.contains("GraphTableScan(table=[[graph, Person]]"), update);
      String delete = String.join("\n", Fixture.strings(c, "EXPLAIN PLAN FOR DELETE FROM Person WHERE age > 30"));
      assertTrue(delete.startsWith("GraphTableModify(table=[[graph, Person]], operation=[DELETE]"), delete);
      assertEquals(4, Fixture.count(c, "Person"), "explaining changed nothing");
    }
  }

  @Test
  void valuesAnUpdateOrMergeDoesNotAssignAreKeptExactly() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      insertEveryColumn(c, "all");
      Map<String, Object> before = note(c, "all");
      assertEquals(1, update(c, "UPDATE Note SET level = level + 1 WHERE body = 'b' AND id = ?", "all"));
      Map<String, Object> after = note(c, "all");
      assertEquals(2147483647, after.get("level"));
      after.put("level", before.get("level"));
      assertEquals(before, after, "every other column as it was");

      assertEquals(1, update(c, "MERGE INTO Note t USING (VALUES ('all')) AS s (id) ON t.id = s.id"
          + " WHEN MATCHED THEN UPDATE SET total = t.total + 1"));
      Map<String, Object> merged = note(c, "all");
      assertEquals(-9223372036854775807L, merged.get("total"));
      merged.put("total", before.get("total"));
      merged.put("level", before.get("level"));
      assertEquals(before, merged, "every other column as it was");
    }
  }

  @Test
  void anUpdateCanAssignEveryColumnButTheId() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      insertEveryColumn(c, "all");
      assertEquals(1, update(c, "UPDATE Note n SET body = n.body || '!', pinned = NOT n.pinned, level = ?,"
          + " total = n.total + 1, amount = 0, big = n.big - 1, weight = 2.5, score = ?, born = DATE '2024-02-29',"
          + " stamped = NULL, payload = X'0102', tags = ARRAY['y'], embedding = ARRAY[1.0, 2.0, 3.0]"
          + " WHERE n.id = 'all'", -7, 0.25));
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("id", "all");
      expected.put("body", "b!");
      expected.put("pinned", false);
      expected.put("level", -7);
      expected.put("total", -9223372036854775807L);
      expected.put("amount", 0L);
      expected.put("big", new java.math.BigDecimal("18446744073709551614"));
      expected.put("weight", 2.5f);
      expected.put("score", 0.25);
      expected.put("born", LocalDate.of(2024, 2, 29));
      expected.put("stamped", null);
      expected.put("payload", "0102");
      expected.put("tags", List.of("y"));
      expected.put("embedding", List.of(1.0f, 2.0f, 3.0f));
      assertEquals(expected, note(c, "all"));
    }
  }

  @Test
  void statementsOfAnOpenTransactionRewriteItsPendingRows() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      long notes = Fixture.count(c, "Note");
      c.setAutoCommit(false);
      update(c, "INSERT INTO Note (id, body, level) VALUES ('p1', 'pending', 1), ('p2', 'pending', 10)");
      assertEquals(2, update(c, "UPDATE Note SET level = level + 1 WHERE body = 'pending'"));
      assertEquals(2, update(c, "UPDATE Note SET level = level * 2, tags = ARRAY[body] WHERE body = 'pending'"));
      assertEquals(1, update(c, "DELETE FROM Note WHERE body = 'pending' AND level > 10"));
      assertEquals(List.of(List.of("p1", 4)), Fixture.rows(c, "SELECT id, level FROM Note WHERE body = 'pending'"));
      c.commit();
      assertEquals(notes + 1, Fixture.count(c, "Note"));
      Map<String, Object> p1 = note(c, "p1");
      assertEquals(4, p1.get("level"));
      assertEquals(List.of("pending"), p1.get("tags"));
    }
  }

  @Test
  void setBasedWritesOfTheSameRowsStillConflict() throws SQLException {
    try (Connection a = Fixture.createLoaded(dir); Connection b = Fixture.connect(dir, "")) {
      update(a, "INSERT INTO Note (id, body, level) VALUES ('c1', 'shared', 1), ('c2', 'shared', 2)");
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      assertEquals(2, update(a, "UPDATE Note SET level = level + 1 WHERE body = 'shared'"));
      assertEquals(2, update(b, "UPDATE Note SET level = level + 10 WHERE body = 'shared'"));
      b.commit();
      assertEquals("40001", assertThrows(SQLException.class, a::commit).getSQLState());
      assertEquals(List.of(11L, 12L), levels(b));

      assertEquals(2, update(a, "DELETE FROM Note WHERE body = 'shared'"));
      assertEquals(1, update(b, "UPDATE Note SET level = 0 WHERE id = 'c2'"));
      b.commit();
      assertEquals("40001", assertThrows(SQLException.class, a::commit).getSQLState());
      assertEquals(List.of(0L, 11L), levels(b), "the delete did not land");
    }
  }

  @Test
  void aRefusedUpdateLeavesTheGraphUnchanged() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      insertEveryColumn(c, "all");
      GraphState before = GraphState.of(c);
      Map<String, Object> row = note(c, "all");
      try (Statement s = c.createStatement()) {
        SQLException e = assertThrows(SQLException.class,
            () -> s.executeUpdate("UPDATE Note SET embedding = ARRAY[1.0] WHERE id = 'all'"));
        assertNotEquals("40001", e.getSQLState());
        assertEquals("23", e.getSQLState().substring(0, 2), e.getMessage());
      }
      assertEquals(before, GraphState.of(c));
      assertEquals(row, note(c, "all"));
    }
  }

  private static List<Long> levels(Connection c) throws SQLException {
    List<Long> out = new ArrayList<>();
    for (List<Object> r : Fixture.rows(c, "SELECT level FROM Note WHERE body = 'shared' ORDER BY level")) {
      out.add(((Number) r.get(0)).longValue());
    }
    return out;
  }
}

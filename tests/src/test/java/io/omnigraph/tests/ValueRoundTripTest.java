package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value type at its limits, through java.sql: a value given as a parameter (and, where SQL
 * has one, as a literal) reads back equal, is found by a filter on it, or is refused with a named
 * SQLState and the graph unchanged. Arithmetic and aggregates that leave their type fail with 22003.
 */
class ValueRoundTripTest {
  @TempDir static Path dir;
  static Connection c;
  static final AtomicInteger ids = new AtomicInteger();

  @BeforeAll
  static void createGraph() throws SQLException {
    c = Fixture.createLoaded(dir);
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  static Stream<Arguments> storedValues() {
    return Stream.of(
        Arguments.of("body", "", "''"),
        Arguments.of("body", "it's \"quoted\" \\ / ../..", "'it''s \"quoted\" \\ / ../..'"),
        Arguments.of("body", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 nul\u0000", null),
        Arguments.of("pinned", true, "TRUE"),
        Arguments.of("level", Integer.MIN_VALUE, "-2147483648"),
        Arguments.of("level", Integer.MAX_VALUE, "2147483647"),
        Arguments.of("total", Long.MIN_VALUE, "-9223372036854775808"),
        Arguments.of("total", Long.MAX_VALUE, "9223372036854775807"),
        Arguments.of("amount", 0L, "0"),
        Arguments.of("amount", 4294967295L, "4294967295"),
        Arguments.of("big", BigDecimal.ZERO, "0"),
        Arguments.of("big", new BigDecimal("18446744073709551615"), "18446744073709551615"),
        Arguments.of("weight", Float.MAX_VALUE, null),
        Arguments.of("weight", Float.MIN_VALUE, null),
        Arguments.of("weight", Float.NEGATIVE_INFINITY, null),
        Arguments.of("score", Double.MAX_VALUE, null),
        Arguments.of("score", -Double.MIN_VALUE, null),
        Arguments.of("score", Double.POSITIVE_INFINITY, null),
        Arguments.of("born", LocalDate.of(1, 1, 1), "DATE '0001-01-01'"),
        Arguments.of("born", LocalDate.of(1000, 2, 28), "DATE '1000-02-28'"),
        Arguments.of("born", LocalDate.of(9999, 12, 31), "DATE '9999-12-31'"),
        Arguments.of("stamped", LocalDateTime.of(1, 1, 1, 0, 0), "TIMESTAMP '0001-01-01 00:00:00'"),
        Arguments.of("stamped", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_000_000),
            "TIMESTAMP '9999-12-31 23:59:59.999'"),
        Arguments.of("payload", new byte[0], "X''"),
        Arguments.of("payload", bytes(5 << 20), null));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("storedValues")
  void aValueReadsBackEqualAndIsFoundByAFilter(String column, Object value, String literal) throws SQLException {
    String id = "v" + ids.incrementAndGet();
    String columns = column.equals("body") ? "id, body" : "id, body, " + column;
    String marks = column.equals("body") ? "?, ?" : "?, 'b', ?";
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO Note (" + columns + ") VALUES (" + marks + ")")) {
      ins.setString(1, id);
      ins.setObject(2, value);
      ins.executeUpdate();
    }
    assertReadsBack(value, readBack(column, "id = ?", id, value.getClass()), "parameter");
    if (!(value instanceof byte[])) {
      assertEquals(List.of(id), ids(column + " = ? AND id = ?", value, id), "found by a filter on the value");
    }
    if (literal != null) {
      String lid = id + "l";
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Note (id, body" + (column.equals("body") ? "" : ", " + column) + ") VALUES ('"
            + lid + "', " + (column.equals("body") ? literal : "'b', " + literal) + ")");
      }
      assertReadsBack(value, readBack(column, "id = ?", lid, value.getClass()), "literal " + literal);
      assertEquals(List.of(lid), ids(column + " = " + literal + " AND id = ?", null, lid), "literal filter");
    }
  }

  static Stream<Arguments> refusedValues() {
    return Stream.of(
        Arguments.of("level", 2147483648L, "22003"),
        Arguments.of("total", new BigDecimal("9223372036854775808"), "22003"),
        Arguments.of("amount", -1L, "22003"),
        Arguments.of("amount", 4294967296L, "22003"),
        Arguments.of("big", new BigDecimal("18446744073709551616"), "22003"),
        Arguments.of("big", new BigDecimal("-1"), "22003"),
        Arguments.of("born", LocalDate.of(-5000, 1, 1), "22008"),
        Arguments.of("born", LocalDate.of(100000, 1, 1), "22008"),
        Arguments.of("stamped", Timestamp.valueOf("9999-12-31 23:59:59.999999"), "22008"),
        Arguments.of("stamped", Timestamp.valueOf("2024-01-01 00:00:00.123456789"), "22008"),
        Arguments.of("stamped", LocalDateTime.of(10000, 1, 1, 0, 0), "22008"));
  }

  @ParameterizedTest(name = "{0} = {1} is {2}")
  @MethodSource("refusedValues")
  void aValueTheTypeCannotHoldIsRefusedAndNothingChanges(String column, Object value, String state) throws SQLException {
    GraphState before = GraphState.of(c);
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO Note (body, " + column + ") VALUES ('b', ?)")) {
      ins.setObject(1, value);
      assertEquals(state, assertThrows(SQLException.class, ins::executeUpdate).getSQLState());
    }
    assertEquals(before, GraphState.of(c));
  }

  @Test
  void literalsTheTypeCannotHoldAreRefused() throws SQLException {
    GraphState before = GraphState.of(c);
    assertState("22008", "INSERT INTO Note (body, stamped) VALUES ('b', TIMESTAMP '2024-01-01 00:00:00.123456')");
    assertState("22008", "SELECT id FROM Note WHERE stamped = TIMESTAMP '2024-01-01 00:00:00.000001'");
    assertState("22003", "INSERT INTO Note (body, amount) VALUES ('b', 4294967296)");
    assertState("22003", "INSERT INTO Note (body, level) VALUES ('b', 2147483648)");
    assertEquals(before, GraphState.of(c));
  }

  @Test
  void arithmeticThatLeavesItsTypeIs22003AndChangesNothing() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO Note (id, body, level, total) VALUES ('max', 'max', 2147483647, 9223372036854775807),"
          + " ('max2', 'max', 2147483647, 9223372036854775807), ('min', 'min', -2147483648, -9223372036854775808)");
    }
    GraphState before = GraphState.of(c);
    assertState("22003", "UPDATE Note SET total = total + 1 WHERE id = 'max'");
    assertState("22003", "UPDATE Note SET level = level * 2 WHERE id = 'max'");
    assertState("22003", "SELECT total + 1 FROM Note WHERE id = 'max'");
    assertState("22003", "SELECT -total FROM Note WHERE id = 'min'");
    assertState("22003", "SELECT total - 1 FROM Note WHERE id = 'min'");
    assertState("22003", "SELECT level + 1 FROM Note WHERE id = 'max'");
    assertState("22003", "SELECT 9223372036854775807 + 1");
    assertEquals(before, GraphState.of(c));
    assertEquals(List.of(List.of(new BigDecimal("18446744073709551614"), 4294967294L)),
        Fixture.rows(c, "SELECT SUM(total), SUM(level) FROM Note WHERE body = 'max'"));
    assertEquals(List.of(List.of(new BigDecimal("18446744073709551614")), List.of(new BigDecimal("18446744073709551614"))),
        Fixture.rows(c, "SELECT SUM(total) OVER () FROM Note WHERE body = 'max'"));
    assertEquals(List.of(List.of(2147483647, 2147483647L)),
        Fixture.rows(c, "SELECT AVG(level), MAX(total) - 9223372034707292160 FROM Note WHERE body = 'max'"));
  }

  @Test
  void nanAndInfinityParametersFilterByIeeeRules() throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO Note (id, body, score) VALUES (?, 'ieee', ?)")) {
      for (Object[] row : new Object[][] {{"nan", Double.NaN}, {"inf", Double.POSITIVE_INFINITY}, {"one", 1.0}}) {
        ins.setString(1, (String) row[0]);
        ins.setDouble(2, (Double) row[1]);
        ins.executeUpdate();
      }
    }
    assertEquals(List.of(), ids("score = ? AND body = 'ieee'", Double.NaN, null), "NaN equals nothing");
    assertEquals(List.of("inf", "nan", "one"), ids("score <> ? AND body = 'ieee'", Double.NaN, null));
    assertEquals(List.of("inf"), ids("score = ? AND body = 'ieee'", Double.POSITIVE_INFINITY, null));
    assertEquals(List.of("one"), ids("score < ? AND body = 'ieee'", Double.POSITIVE_INFINITY, null));
    assertEquals(Double.NaN, readBack("score", "id = ?", "nan", Double.class));
  }

  @Test
  void aHundredThousandLiteralsInAnInListAreOnePredicate() throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM Person WHERE name IN ('Alice'");
    for (int i = 0; i < 100_000; i++) sql.append(", 'p").append(i).append('\'');
    assertEquals(1, Fixture.scalar(c, sql.append(')').toString()));
  }

  @Test
  void tooDeeplyNestedExpressionsAre54001() throws SQLException {
    String deep = "(".repeat(5000) + "1" + " + 1)".repeat(5000);
    SQLException e = assertThrows(SQLException.class, () -> Fixture.rows(c, "SELECT " + deep + " FROM Person"));
    assertEquals("54001", e.getSQLState());
    assertEquals(true, e.getMessage().startsWith("statement too complex"), e.getMessage());
  }

  @Test
  void datesJavaSqlCannotHoldReadAsLocalDateAndAre22008AsJavaSqlDate() throws SQLException {
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO Note (id, body, born) VALUES ('gap', 'b', ?)")) {
      ins.setObject(1, LocalDate.of(1582, 10, 10));
      ins.executeUpdate();
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT born FROM Note WHERE id = 'gap'")) {
      rs.next();
      assertEquals(LocalDate.of(1582, 10, 10), rs.getObject(1, LocalDate.class));
      assertEquals("22008", assertThrows(SQLException.class, () -> rs.getDate(1)).getSQLState());
      assertEquals("1582-10-10", rs.getString(1));
    }
  }

  private static Object readBack(String column, String where, String id, Class<?> type) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT " + column + " FROM Note WHERE " + where)) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getObject(1, type);
      }
    }
  }

  private static List<String> ids(String where, Object value, String id) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT id FROM Note WHERE " + where + " ORDER BY id")) {
      int i = 1;
      if (value != null) q.setObject(i++, value);
      if (id != null) q.setString(i, id);
      return Fixture.rows(q.executeQuery()).stream().map(r -> (String) r.get(0)).toList();
    }
  }

  private static void assertState(String state, String sql) {
    SQLException e = assertThrows(SQLException.class, () -> {
      try (Statement s = c.createStatement()) {
        if (s.execute(sql)) Fixture.rows(s.getResultSet());
      }
    }, sql);
    assertEquals(state, e.getSQLState(), sql + ": " + e.getMessage());
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) b[i] = (byte) (i * 31);
    return b;
  }

  private static void assertReadsBack(Object expected, Object actual, String how) {
    if (expected instanceof byte[] b) assertArrayEquals(b, (byte[]) actual, how);
    else assertEquals(expected, actual, how);
  }
}

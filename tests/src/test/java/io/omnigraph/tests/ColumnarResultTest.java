package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.calcite.QueryPlan;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain scan's result is read in place from the scan's Arrow batches; every getter of every
 * column type gives there exactly what it gives on the row-by-row path of any other query: the
 * same values of the same classes, the same nulls and {@code wasNull}, the same conversion errors
 * with the same SQLStates.
 */
class ColumnarResultTest {
  private static final String COLUMNS = "name, label, mood, flag, small, total, amount, big, weight, score, born,"
      + " stamped, payload, words, counts, totals, ratios, days, stamps, flags, embedding";
  private static final String SCAN = "SELECT " + COLUMNS + " FROM Cell";

  @TempDir static Path dir;
  static Connection c;

  @BeforeAll
  static void load() throws Exception {
    c = DriverManager.getConnection("jdbc:omnigraph:" + dir.resolve("g") + "?create=true&schema=" + resource("cells.pg"));
    try (Statement s = c.createStatement()) {
      assertEquals(5, s.executeUpdate("LOAD DATA FROM '" + resource("cells.jsonl") + "'"));
    }
  }

  @AfterAll
  static void close() throws SQLException {
    c.close();
  }

  @Test
  void aPlainScanReadsInPlace() throws SQLException {
    assertEquals(1, columnarReadsOf(SCAN));
    assertEquals(1, columnarReadsOf("SELECT * FROM Cell"));
    assertEquals(1, columnarReadsOf("SELECT score AS s, name FROM Cell WHERE small > 0 LIMIT 2"), "picked, renamed, filtered, limited");
    assertEquals(1, columnarReadsOf("SELECT * FROM Cell WHERE label = ?"), "a parameter in the pushed filter");
    assertEquals(1, columnarReadsOf("SELECT * FROM Cell LIMIT 2"));
  }

  @Test
  void aQueryThatComputesReadsRowByRow() throws SQLException {
    assertEquals(0, columnarReadsOf(SCAN + " ORDER BY name"));
    assertEquals(0, columnarReadsOf("SELECT name || '!' FROM Cell"));
    assertEquals(0, columnarReadsOf("SELECT CAST(small AS BIGINT) FROM Cell"));
    assertEquals(0, columnarReadsOf(SCAN + " LIMIT 2 OFFSET 1"), "the plan skips the offset");
    assertEquals(0, columnarReadsOf("SELECT * FROM (SELECT * FROM Cell LIMIT 3) LIMIT 2"), "a limit over a limit");
  }

  @Test
  void aScanOverPendingRowsReadsRowByRow() throws SQLException {
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Cell (name, small) VALUES ('z-pending', 5)");
      }
      assertEquals(0, columnarReadsOf(SCAN));
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @Test
  void everyGetterReadsInPlaceWhatItReadsRowByRow() throws SQLException {
    Map<String, List<String>> inPlace = readings(SCAN);
    assertEquals(5, inPlace.size());
    assertSameReadings(readings(SCAN + " ORDER BY name"), inPlace);
  }

  @Test
  void everyGetterReadsInPlaceWhatItReadsOverPendingRows() throws SQLException {
    Map<String, List<String>> inPlace = readings(SCAN);
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Cell (name, small) VALUES ('z-pending', 5)");
      }
      Map<String, List<String>> overlaid = readings(SCAN);
      assertTrue(overlaid.containsKey("z-pending"));
      overlaid.remove("z-pending");
      assertSameReadings(overlaid, inPlace);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  @Test
  void pickedAndRenamedColumnsReadAsTheirSources() throws SQLException {
    String picked = "SELECT name, score AS s, born AS b, words AS w, label FROM Cell";
    assertEquals(1, columnarReadsOf(picked));
    assertSameReadings(readings(picked + " ORDER BY name"), readings(picked));
  }

  @Test
  void theMetadataIsTheRowPathsMetadata() throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet plain = s.executeQuery(SCAN);
        Statement s2 = c.createStatement();
        ResultSet sorted = s2.executeQuery(SCAN + " ORDER BY name")) {
      assertEquals(describe(sorted.getMetaData()), describe(plain.getMetaData()));
    }
  }

  @Test
  void maxRowsStopsAnInPlaceRead() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setMaxRows(2);
      try (ResultSet rs = s.executeQuery(SCAN)) {
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next());
      }
    }
  }

  private static long columnarReadsOf(String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      QueryPlan plan = ps.unwrap(QueryPlan.class);
      long before = plan.columnarReads();
      if (plan.parameterCount() > 0) ps.setString(1, "42");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) rs.getObject(1);
      }
      return plan.columnarReads() - before;
    }
  }

  private static void assertSameReadings(Map<String, List<String>> expected, Map<String, List<String>> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String row : expected.keySet()) {
      List<String> want = expected.get(row);
      List<String> got = actual.get(row);
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) assertEquals(want.get(i), got.get(i), row);
    }
  }

  private static List<String> describe(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(String.join("|", md.getColumnName(i), md.getColumnLabel(i), md.getColumnTypeName(i),
          String.valueOf(md.getColumnType(i)), md.getColumnClassName(i), String.valueOf(md.getPrecision(i)),
          String.valueOf(md.getScale(i)), String.valueOf(md.isNullable(i)), md.getTableName(i),
          String.valueOf(md.getColumnDisplaySize(i)), String.valueOf(md.isSigned(i))));
    }
    return out;
  }

  /** Every getter's outcome on every column, per row, keyed by the row's name. */
  private static Map<String, List<String>> readings(String sql) throws SQLException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      int nameColumn = rs.findColumn("name");
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int col = 1; col <= width; col++) {
          for (Map.Entry<String, Getter> g : GETTERS.entrySet()) {
            row.add(col + " " + g.getKey() + ": " + outcome(rs, col, g.getValue()));
          }
        }
        out.put(rs.getString(nameColumn), row);
      }
    }
    return out;
  }

  private static String outcome(ResultSet rs, int column, Getter getter) {
    try {
      Object value = getter.get(rs, column);
      return shown(value) + " wasNull=" + rs.wasNull();
    } catch (SQLException e) {
      return "error " + e.getClass().getSimpleName() + " " + e.getSQLState() + " " + withoutIdentity(e.getMessage());
    } catch (RuntimeException e) {
      return "error " + e.getClass().getName() + " " + withoutIdentity(e.getMessage());
    }
  }

  /** Avatica's messages name the accessor object, whose identity differs from one result set to the next. */
  private static String withoutIdentity(String message) {
    return message == null ? null : message.replaceAll("@[0-9a-f]+", "");
  }

  private static String shown(Object v) throws SQLException {
    if (v == null) return "null";
    Object content = v;
    if (v instanceof Array a) content = shown(a.getArray()) + " base " + a.getBaseTypeName();
    else if (v instanceof byte[] b) content = Arrays.toString(b);
    else if (v.getClass().isArray() && v.getClass().getComponentType().isPrimitive()) {
      List<String> each = new ArrayList<>();
      for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) each.add(shown(java.lang.reflect.Array.get(v, i)));
      content = each;
    } else if (v instanceof Object[] items) {
      List<String> each = new ArrayList<>();
      for (Object item : items) each.add(shown(item));
      content = each;
    } else if (v instanceof Reader r) {
      content = readAll(r);
    }
    return v.getClass().getName() + "=" + content;
  }

  private static String readAll(Reader r) {
    StringBuilder b = new StringBuilder();
    try (r) {
      for (int ch = r.read(); ch >= 0; ch = r.read()) b.append((char) ch);
    } catch (java.io.IOException e) {
      return "unreadable " + e;
    }
    return b.toString();
  }

  @FunctionalInterface
  private interface Getter {
    Object get(ResultSet rs, int column) throws SQLException;
  }

  private static final Map<String, Getter> GETTERS = new LinkedHashMap<>();

  static {
    GETTERS.put("getString", ResultSet::getString);
    GETTERS.put("getNString", ResultSet::getNString);
    GETTERS.put("getBoolean", ResultSet::getBoolean);
    GETTERS.put("getByte", ResultSet::getByte);
    GETTERS.put("getShort", ResultSet::getShort);
    GETTERS.put("getInt", ResultSet::getInt);
    GETTERS.put("getLong", ResultSet::getLong);
    GETTERS.put("getFloat", ResultSet::getFloat);
    GETTERS.put("getDouble", ResultSet::getDouble);
    GETTERS.put("getBigDecimal", ResultSet::getBigDecimal);
    GETTERS.put("getBytes", ResultSet::getBytes);
    GETTERS.put("getDate", ResultSet::getDate);
    GETTERS.put("getTime", ResultSet::getTime);
    GETTERS.put("getTimestamp", ResultSet::getTimestamp);
    GETTERS.put("getObject", ResultSet::getObject);
    GETTERS.put("getArray", ResultSet::getArray);
    GETTERS.put("getCharacterStream", ResultSet::getCharacterStream);
    for (Class<?> type : List.of(String.class, Integer.class, Long.class, Double.class, Float.class, Boolean.class,
        BigDecimal.class, byte[].class, Array.class, LocalDate.class, LocalDateTime.class, Instant.class,
        OffsetDateTime.class, java.sql.Date.class, java.sql.Timestamp.class, Object.class)) {
      GETTERS.put("getObject(" + type.getSimpleName() + ")", (rs, col) -> rs.getObject(col, type));
    }
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ColumnarResultTest.class.getResource("/columnar/" + name).toURI());
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepared statements with every mapped parameter type, batches, generated keys and metadata. */
class PreparedStatementTest {
  private static final String INSERT_NOTE = "INSERT INTO Note (body, pinned, level, total, amount, big, weight, score,"
      + " born, stamped, payload, tags, embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  @TempDir Path dir;

  @Test
  void everyMappedTypeRoundTripsThroughParameters() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir);
        PreparedStatement insert = c.prepareStatement(INSERT_NOTE, Statement.RETURN_GENERATED_KEYS)) {
      Array tags = c.createArrayOf("VARCHAR", new Object[] {"a", "b"});
      Array embedding = c.createArrayOf("REAL", new Object[] {1.0f, 2.0f, 3.0f});
      insert.setString(1, "first");
      insert.setBoolean(2, true);
      insert.setInt(3, 7);
      insert.setLong(4, 9_000_000_000L);
      insert.setLong(5, 4_000_000_000L);
      insert.setBigDecimal(6, new BigDecimal("18446744073709551615"));
      insert.setFloat(7, 1.5f);
      insert.setDouble(8, 2.25);
      insert.setDate(9, Date.valueOf("2024-02-29"));
      insert.setTimestamp(10, Timestamp.valueOf("2024-02-29 12:34:56.789"));
      insert.setBytes(11, new byte[] {1, 2, 3});
      insert.setArray(12, tags);
      insert.setArray(13, embedding);
      assertEquals(1, insert.executeUpdate());
      String id;
      try (ResultSet keys = insert.getGeneratedKeys()) {
        assertTrue(keys.next());
        id = keys.getString("id");
        assertEquals(26, id.length(), "unkeyed nodes get a ULID");
        assertFalse(keys.next());
      }
      try (PreparedStatement q = c.prepareStatement("SELECT * FROM Note WHERE id = ?")) {
        q.setString(1, id);
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("first", rs.getString("body"));
          assertTrue(rs.getBoolean("pinned"));
          assertEquals(7, rs.getInt("level"));
          assertEquals(9_000_000_000L, rs.getLong("total"));
          assertEquals(4_000_000_000L, rs.getLong("amount"));
          assertEquals(new BigDecimal("18446744073709551615"), rs.getBigDecimal("big"));
          assertEquals(1.5f, rs.getFloat("weight"));
          assertEquals(2.25, rs.getDouble("score"));
          assertEquals(Date.valueOf("2024-02-29"), rs.getDate("born"));
          assertEquals(Timestamp.valueOf("2024-02-29 12:34:56.789"), rs.getTimestamp("stamped"));
          assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes("payload"));
          assertArrayEquals(new Object[] {"a", "b"}, (Object[]) rs.getArray("tags").getArray());
          // REAL arrays may come back as float[] rather than Float[]; read them either way.
          Object vector = rs.getArray("embedding").getArray();
          assertEquals(3, java.lang.reflect.Array.getLength(vector));
          assertEquals(2.0f, ((Number) java.lang.reflect.Array.get(vector, 1)).floatValue());
        }
      }
    }
  }

  @Test
  void nullsAndSetObjectAreAccepted() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir); PreparedStatement insert = c.prepareStatement(INSERT_NOTE)) {
      insert.setObject(1, "second");
      for (int i = 2; i <= 13; i++) insert.setNull(i, Types.NULL);
      insert.setObject(3, 5);
      insert.setObject(8, 1.25, Types.DOUBLE);
      assertEquals(1, insert.executeUpdate());
      List<List<Object>> rows = Fixture.rows(c, "SELECT body, pinned, level, score, tags FROM Note");
      assertEquals(1, rows.size());
      assertEquals("second", rows.get(0).get(0));
      assertNull(rows.get(0).get(1));
      assertEquals(5, ((Number) rows.get(0).get(2)).intValue());
      assertEquals(1.25, ((Number) rows.get(0).get(3)).doubleValue());
      assertNull(rows.get(0).get(4));
    }
  }

  @Test
  void aPreparedQueryRunsManyTimesWithNewParameters() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir);
        PreparedStatement q = c.prepareStatement("SELECT name FROM Person WHERE age > ? ORDER BY name")) {
      ParameterMetaData pmd = q.getParameterMetaData();
      assertEquals(1, pmd.getParameterCount());
      assertEquals(Types.INTEGER, pmd.getParameterType(1));
      ResultSetMetaData md = q.getMetaData();
      assertEquals("name", md.getColumnLabel(1));
      assertEquals(Types.VARCHAR, md.getColumnType(1));
      q.setInt(1, 29);
      assertEquals(List.of(List.of("Alice"), List.of("Charlie")), Fixture.rows(q.executeQuery()));
      q.setInt(1, 0);
      assertEquals(4, Fixture.rows(q.executeQuery()).size());
      q.clearParameters();
      assertEquals("07001", assertThrows(SQLException.class, q::executeQuery).getSQLState());
    }
  }

  @Test
  void resultSetMetadataReportsTheMappedSqlTypes() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM Note")) {
      ResultSetMetaData md = rs.getMetaData();
      List<Integer> types = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) types.add(md.getColumnType(i));
      assertEquals(List.of(Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.INTEGER, Types.BIGINT, Types.BIGINT,
          Types.DECIMAL, Types.REAL, Types.DOUBLE, Types.DATE, Types.TIMESTAMP, Types.VARBINARY, Types.ARRAY,
          Types.ARRAY), types);
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      assertEquals(ResultSetMetaData.columnNullable, md.isNullable(3));
      assertEquals(20, md.getPrecision(7), "U64 is DECIMAL(20, 0)");
    }
  }

  @Test
  void aBatchOfParameterSetsIsOneCommitAndReturnsEveryKey() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement insert = c.prepareStatement(
        "INSERT INTO Person (name, age) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      long commits = Fixture.count(c, "_graph_commits");
      for (String name : new String[] {"Eve", "Frank", "Gina"}) {
        insert.setString(1, name);
        insert.setInt(2, 40);
        insert.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1}, insert.executeBatch());
      assertEquals(commits + 1, Fixture.count(c, "_graph_commits"));
      assertEquals(List.of(List.of("Eve"), List.of("Frank"), List.of("Gina")), Fixture.rows(insert.getGeneratedKeys()));
      assertEquals(7, Fixture.count(c, "Person"));
    }
  }

  @Test
  void aFailingBatchCommitsNothing() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir);
        PreparedStatement insert = c.prepareStatement("INSERT INTO Person (name, age) VALUES (?, ?)")) {
      GraphState before = GraphState.of(c);
      insert.setString(1, "Eve");
      insert.setInt(2, 40);
      insert.addBatch();
      insert.setString(1, "Alice");
      insert.setInt(2, 41);
      insert.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, insert::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertTrue(e.getMessage().contains("nothing from the batch was committed"), e.getMessage());
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void executeQueryRefusesDmlWithoutRunningIt() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM Person"));
      assertEquals("07005", e.getSQLState());
      assertEquals(4, Fixture.count(c, "Person"));
      assertEquals("07003", assertThrows(SQLException.class, () -> s.executeUpdate("SELECT 1")).getSQLState());
      assertEquals("07001", assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT * FROM Person WHERE age = ?")).getSQLState());
    }
  }

  @Test
  void maxRowsLimitsWhatIsRead() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.setMaxRows(2);
      s.setFetchSize(1);
      try (ResultSet rs = s.executeQuery("SELECT name FROM Person ORDER BY name")) {
        assertEquals(List.of(List.of("Alice"), List.of("Bob")), Fixture.rows(rs));
      }
    }
  }

  @Test
  void cancelStopsAQueryAtTheNextRow() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM Person")) {
      assertTrue(rs.next());
      s.cancel();
      SQLException e = assertThrows(SQLException.class, rs::next);
      assertEquals("57014", e.getSQLState());
      rs.close();
      assertEquals(4, Fixture.rows(s.executeQuery("SELECT name FROM Person")).size(),
          "the next execution of the same text is not cancelled");
      assertEquals(4, Fixture.rows(c, "SELECT name FROM Person").size());
    }
  }

  @Test
  void queryTimeoutCancelsAQueryStillBeingRead() throws Exception {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      assertEquals(1, s.getQueryTimeout());
      try (ResultSet rs = s.executeQuery("SELECT name FROM Person")) {
        assertTrue(rs.next());
        Thread.sleep(1500);
        SQLException e = assertThrows(SQLException.class, rs::next);
        assertInstanceOf(java.sql.SQLTimeoutException.class, e);
        assertEquals("57014", e.getSQLState());
      }
    }
  }
}

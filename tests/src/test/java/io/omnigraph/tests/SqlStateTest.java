package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every SQLState of SPEC B.4 (and the statement refusals around it), provoked through JDBC; after
 * each failure the graph is exactly as before. The statements run against one shared graph because
 * none of them may change it.
 */
class SqlStateTest extends OnFixtureGraph {

  static Stream<Arguments> refusedStatements() {
    return Stream.of(
        Arguments.of("duplicate id", "INSERT INTO Person (name) VALUES ('Alice')", "23505",
            SQLIntegrityConstraintViolationException.class, "Alice"),
        Arguments.of("supplied id differs from the key", "INSERT INTO Person (id, name) VALUES ('x', 'Zed')", "23514",
            SQLIntegrityConstraintViolationException.class, "canonical @key id"),
        Arguments.of("@unique duplicate", "INSERT INTO Person (name, email) VALUES ('Zed', 'alice@example.com')", "23505",
            SQLIntegrityConstraintViolationException.class, "@unique"),
        Arguments.of("missing required property", "INSERT INTO Company (name) VALUES ('Initech')", "23502",
            SQLIntegrityConstraintViolationException.class, "country"),
        Arguments.of("edge endpoint not found", "INSERT INTO Knows (src, dst) VALUES ('Alice', 'Nobody')", "23503",
            SQLIntegrityConstraintViolationException.class, "Nobody"),
        Arguments.of("enum", "INSERT INTO Person (name, status) VALUES ('Zed', 'weird')", "23514",
            SQLIntegrityConstraintViolationException.class, "enum"),
        Arguments.of("@range", "UPDATE Person SET age = 200 WHERE name = 'Bob'", "23514",
            SQLIntegrityConstraintViolationException.class, "@range"),
        Arguments.of("@check", "INSERT INTO Person (name, email) VALUES ('Zed', 'not-an-email')", "23514",
            SQLIntegrityConstraintViolationException.class, "@check"),
        Arguments.of("@card", "INSERT INTO WorksAt (src, dst) VALUES ('Alice', 'Globex')", "23514",
            SQLIntegrityConstraintViolationException.class, "@card"),
        Arguments.of("vector length", "INSERT INTO Note (body, embedding) VALUES ('n', ARRAY[1.0, 2.0])", "23514",
            SQLIntegrityConstraintViolationException.class, "embedding"),
        Arguments.of("wrong type", "INSERT INTO Person (name, age) VALUES ('Zed', 'abc')", "22018",
            SQLDataException.class, "Int32"),
        Arguments.of("out of range for the type", "INSERT INTO Note (body, amount) VALUES ('n', -1)", "22003",
            SQLDataException.class, "UInt32"),
        Arguments.of("key property update", "UPDATE Person SET name = 'Alicia' WHERE name = 'Alice'", "42000",
            SQLSyntaxErrorException.class, "delete and re-insert"),
        Arguments.of("system table write", "DELETE FROM _graph_commits", "42000",
            SQLSyntaxErrorException.class, "read-only"),
        Arguments.of("unknown table", "SELECT * FROM Persons", "42S02", SQLSyntaxErrorException.class, "persons"),
        Arguments.of("unknown column", "SELECT nickname FROM Person", "42S22", SQLSyntaxErrorException.class, "nickname"),
        Arguments.of("syntax error", "SELECT name FROM Person WHERE", "42601", SQLSyntaxErrorException.class,
            "line 1, column"),
        Arguments.of("malformed control statement", "CREATE BRANCH feature/x", "42601", SQLSyntaxErrorException.class,
            "quote"),
        Arguments.of("unknown branch", "USE BRANCH nowhere", "42704", SQLSyntaxErrorException.class, "nowhere"),
        Arguments.of("branch named main", "CREATE BRANCH main", "42000", SQLSyntaxErrorException.class, "main"),
        Arguments.of("invalid branch name", "CREATE BRANCH 'bad name'", "42000", SQLSyntaxErrorException.class, "bad name"),
        Arguments.of("cannot drop main", "DROP BRANCH main", "42000", SQLSyntaxErrorException.class, "main"),
        Arguments.of("missing load file", "LOAD DATA FROM '/nonexistent/x.jsonl'", "58030", SQLException.class,
            "x.jsonl"),
        Arguments.of("missing schema file", "APPLY SCHEMA FROM '/nonexistent/next.pg'", "58030", SQLException.class,
            "next.pg"),
        Arguments.of("merge into itself", "MERGE BRANCH main", "42000", SQLSyntaxErrorException.class, "distinct"),
        Arguments.of("merge of an unknown branch", "MERGE BRANCH nowhere", "42704", SQLSyntaxErrorException.class,
            "nowhere"),
        Arguments.of("cleanup without a version count", "CLEANUP", "42601", SQLSyntaxErrorException.class, "KEEP"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedStatements")
  void refusedStatementLeavesTheGraphUnchanged(String what, String sql, String state, Class<? extends SQLException> type,
      String mentioned) throws SQLException {
    GraphState before = GraphState.of(connection);
    try (Statement s = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
      assertEquals(state, e.getSQLState(), e.getMessage());
      assertInstanceOf(type, e);
      assertTrue(e.getMessage().toLowerCase().contains(mentioned.toLowerCase()), "message names the cause: " + e.getMessage());
    }
    assertEquals(before, GraphState.of(connection));
  }

  @Test
  void aLoadThatRepeatsAnExistingIdIsADuplicateAndLoadsNothing() throws Exception {
    Path file = dir.resolve("dup.jsonl");
    java.nio.file.Files.writeString(file, "{\"type\": \"Person\", \"data\": {\"name\": \"Eve\"}}\n"
        + "{\"type\": \"Person\", \"data\": {\"name\": \"Alice\", \"age\": 99}}\n");
    GraphState before = GraphState.of(connection);
    try (Statement s = connection.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.execute("LOAD DATA FROM '" + file + "' MODE APPEND"));
      assertEquals("23505", e.getSQLState());
    }
    assertEquals(before, GraphState.of(connection));
  }

  @Test
  void readOnlyConnectionsRefuseEveryWriteWith25006() throws SQLException {
    GraphState before = GraphState.of(connection);
    String head = Fixture.strings(connection,
        "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1").get(0);
    try (Connection readOnly = Fixture.connect(dir, "readOnly=true");
        Connection pinned = Fixture.connect(dir, "snapshot=" + head);
        Connection hinted = Fixture.connect(dir, "")) {
      hinted.setReadOnly(true);
      for (Connection c : new Connection[] {readOnly, pinned, hinted}) {
        assertTrue(c.isReadOnly());
        assertEquals(4, Fixture.count(c, "Person"), "reads still work");
        for (String sql : new String[] {"INSERT INTO Person (name) VALUES ('Eve')", "DELETE FROM Person",
            "LOAD DATA FROM '" + Fixture.resource("graph.jsonl") + "'", "CREATE BRANCH side", "MERGE BRANCH main",
            "APPLY SCHEMA FROM '" + Fixture.resource("graph.pg") + "'", "OPTIMIZE", "CLEANUP KEEP 1 VERSIONS",
            "ENSURE INDICES"}) {
          try (Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
            assertEquals("25006", e.getSQLState(), sql + ": " + e.getMessage());
          }
        }
      }
    }
    assertEquals(before, GraphState.of(connection));
  }

  @Test
  void setReadOnlyFalseOnAReadOnlyOrSnapshotConnectionWarnsAndKeepsItReadOnly() throws SQLException {
    GraphState before = GraphState.of(connection);
    String head = Fixture.strings(connection,
        "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1").get(0);
    try (Connection readOnly = Fixture.connect(dir, "readOnly=true");
        Connection pinned = Fixture.connect(dir, "snapshot=" + head)) {
      for (Connection c : new Connection[] {readOnly, pinned}) {
        c.setReadOnly(false);
        assertTrue(c.isReadOnly());
        SQLWarning w = c.getWarnings();
        assertNotNull(w, "setReadOnly(false) leaves a warning");
        assertTrue(w.getMessage().contains("setReadOnly(false) was ignored"), w.getMessage());
        try (Statement s = c.createStatement()) {
          SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO Person (name) VALUES ('Eve')"));
          assertEquals("25006", e.getSQLState());
        }
      }
      assertTrue(pinned.getWarnings().getMessage().contains("pinned to snapshot " + head));
    }
    assertEquals(before, GraphState.of(connection));
  }

  @Test
  void concurrentUpdatesOfOneRowFailTheLaterCommitWith40001() throws SQLException {
    try (Connection a = Fixture.connect(dir, ""); Connection b = Fixture.connect(dir, "");
        Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
      a.setAutoCommit(false);
      b.setAutoCommit(false);
      sa.executeUpdate("UPDATE Person SET age = 31 WHERE name = 'Alice'");
      sb.executeUpdate("UPDATE Person SET age = 32 WHERE name = 'Alice'");
      a.commit();
      GraphState afterFirst = GraphState.of(connection);
      SQLException e = assertThrows(SQLException.class, b::commit);
      assertEquals("40001", e.getSQLState());
      assertInstanceOf(SQLTransactionRollbackException.class, e);
      assertTrue(e.getMessage().contains("retry"), e.getMessage());
      assertEquals(afterFirst, GraphState.of(connection), "the losing commit published nothing");
      assertEquals("31", Fixture.strings(connection, "SELECT age FROM Person WHERE id = 'Alice'").get(0));
      sa.executeUpdate("UPDATE Person SET age = 30 WHERE name = 'Alice'");
      a.commit();
    }
  }
}

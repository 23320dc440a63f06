package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Graph control statements (SPEC B.5) through Statement and PreparedStatement. */
class ControlStatementTest {
  @TempDir Path dir;

  @Test
  void branchesAreCreatedUsedAndDroppedThroughSql() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection onMain = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      assertEquals(0, s.executeUpdate("CREATE BRANCH feature"));
      assertEquals(0, s.executeUpdate("use branch feature"));
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      assertEquals(5, Fixture.count(c, "Person"));
      assertEquals(4, Fixture.count(onMain, "Person"), "main is untouched");
      try (Connection onFeature = Fixture.connect(dir, "branch=feature")) {
        assertEquals(5, Fixture.count(onFeature, "Person"));
        assertTrue(Fixture.strings(onMain, "SELECT name FROM _graph_branches").contains("feature"));
        assertEquals("55000", assertThrows(SQLException.class, () -> s.execute("DROP BRANCH feature")).getSQLState(),
            "the connection's own branch cannot be dropped");
        s.executeUpdate("USE BRANCH main");
        assertEquals(0, s.executeUpdate("DROP BRANCH feature"));
        SQLException stranded = assertThrows(SQLException.class, () -> Fixture.count(onFeature, "Person"));
        assertTrue(stranded.getSQLState().startsWith("42"), "a deleted branch fails clearly: " + stranded.getSQLState());
        assertTrue(stranded.getMessage().contains("feature"), stranded.getMessage());
      }
      assertFalse(Fixture.strings(onMain, "SELECT name FROM _graph_branches").contains("feature"));
    }
  }

  @Test
  void branchCreateRulesAnswerWithClass42Or55() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir); Statement s = c.createStatement()) {
      s.execute("CREATE BRANCH 'review/one'");
      assertEquals("55000", assertThrows(SQLException.class, () -> s.execute("CREATE BRANCH 'review/one'")).getSQLState());
      s.execute("CREATE BRANCH \"second\" FROM 'review/one'");
      assertEquals(List.of("main", "review/one", "second"), Fixture.strings(c, "SELECT name FROM _graph_branches ORDER BY name"));
      assertEquals("42704", assertThrows(SQLException.class, () -> s.execute("DROP BRANCH nowhere")).getSQLState());
    }
  }

  @Test
  void useBranchIsRefusedWithPendingChangesAndEndRequestRestoresTheBranch() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.execute("CREATE BRANCH feature");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      SQLException e = assertThrows(SQLException.class, () -> s.execute("USE BRANCH feature"));
      assertEquals("25001", e.getSQLState());
      c.rollback();
      s.execute("USE BRANCH feature");
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      c.commit();
      assertEquals(5, Fixture.count(c, "Person"));
      c.endRequest();
      assertEquals(4, Fixture.count(c, "Person"), "back on main, the branch the connection was opened with");
    }
  }

  @Test
  void loadDataUsesTheModeAndCountsEntities() throws Exception {
    Path more = dir.resolve("more.jsonl");
    Files.writeString(more, "{\"type\": \"Person\", \"data\": {\"name\": \"Alice\", \"age\": 31}}\n"
        + "{\"type\": \"Person\", \"data\": {\"name\": \"Eve\", \"age\": 22}}\n");
    try (Connection c = Fixture.createEmpty(dir); Statement s = c.createStatement()) {
      assertEquals(11, s.executeUpdate("LOAD DATA FROM '" + Fixture.resource("graph.jsonl") + "'"));
      assertEquals(2, s.executeUpdate("LOAD DATA FROM '" + more + "' MODE MERGE"));
      assertEquals(List.of("31", "22"), Fixture.strings(c, "SELECT age FROM Person WHERE id IN ('Alice', 'Eve') ORDER BY id"));
      long commits = Fixture.count(c, "_graph_commits");
      try (PreparedStatement p = c.prepareStatement("LOAD DATA FROM '" + more + "' MODE MERGE")) {
        assertEquals(2, p.executeUpdate());
        assertEquals(0, p.getParameterMetaData().getParameterCount());
      }
      assertEquals(commits + 1, Fixture.count(c, "_graph_commits"), "one load, one commit");
    }
  }

  @Test
  void statementsWithoutAnEngineOperationYetAreNotSupported() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir); Statement s = c.createStatement()) {
      for (String sql : List.of("APPLY SCHEMA FROM 'x.pg'", "ENSURE INDICES", "OPTIMIZE", "CLEANUP KEEP 2 VERSIONS")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql));
        assertEquals("0A000", e.getSQLState(), sql);
        assertTrue(e.getMessage().contains("not yet supported"), e.getMessage());
      }
    }
  }
}

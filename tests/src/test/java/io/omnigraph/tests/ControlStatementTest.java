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
import java.sql.SQLTransactionRollbackException;
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
  void mergeBranchFastForwardsWithOneMergeCommit() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.execute("CREATE BRANCH feature");
      s.execute("USE BRANCH feature");
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      s.execute("USE BRANCH main");
      List<List<Object>> merged = Fixture.rows(s.executeQuery("MERGE BRANCH feature"));
      assertEquals("FAST_FORWARD", merged.get(0).get(0));
      String commit = (String) merged.get(0).get(1);
      assertEquals(5, Fixture.count(c, "Person"));
      assertEquals(1, Fixture.count(c, "_graph_commits WHERE graph_commit_id = '" + commit
          + "' AND merged_parent_commit_id IS NOT NULL"), "the merge commit records the source head");
      List<List<Object>> again = Fixture.rows(s.executeQuery("merge branch 'feature' into main"));
      assertEquals("ALREADY_UP_TO_DATE", again.get(0).get(0));
      assertEquals(null, again.get(0).get(1));
    }
  }

  @Test
  void conflictingMergesAre40002AndTheDryRunListsTheConflicts() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.execute("CREATE BRANCH feature");
      s.execute("USE BRANCH feature");
      s.executeUpdate("UPDATE Person SET age = 40 WHERE name = 'Alice'");
      s.execute("USE BRANCH main");
      s.executeUpdate("UPDATE Person SET age = 50 WHERE name = 'Alice'");
      GraphState before = GraphState.of(c);
      List<List<Object>> conflicts = Fixture.rows(s.executeQuery("MERGE BRANCH feature INTO main DRY RUN"));
      assertEquals(1, conflicts.size());
      assertEquals(List.of("DIVERGENT_UPDATE", "Person", "Alice"), conflicts.get(0).subList(0, 3));
      SQLException e = assertThrows(SQLException.class, () -> s.execute("MERGE BRANCH feature"));
      assertEquals("40002", e.getSQLState());
      assertTrue(e instanceof SQLTransactionRollbackException);
      assertTrue(e.getMessage().contains("DIVERGENT_UPDATE Person Alice"), e.getMessage());
      assertEquals(before, GraphState.of(c), "nothing was published");
      assertEquals(List.of("50"), Fixture.strings(c, "SELECT age FROM Person WHERE id = 'Alice'"));
    }
  }

  @Test
  void applySchemaPlansWithDryRunThenAppliesAsOneCommit() throws Exception {
    String next = Files.readString(Fixture.resource("graph.pg"))
        .replace("  status: enum(active, inactive)?", "  status: enum(active, inactive)?\n  nickname: String?");
    Path file = dir.resolve("next.pg");
    Files.writeString(file, next);
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      long commits = Fixture.count(c, "_graph_commits");
      List<List<Object>> plan = Fixture.rows(s.executeQuery("APPLY SCHEMA FROM '" + file + "' DRY RUN"));
      assertEquals(List.of(List.of("add_property", "Person", "nickname", "String?")), plan);
      assertEquals(commits, Fixture.count(c, "_graph_commits"), "a dry run writes nothing");
      assertEquals(plan, Fixture.rows(s.executeQuery("APPLY SCHEMA FROM '" + file + "'")));
      assertEquals(commits + 1, Fixture.count(c, "_graph_commits"));
      s.executeUpdate("UPDATE Person SET nickname = 'Al' WHERE name = 'Alice'");
      assertEquals(List.of("Al"), Fixture.strings(c, "SELECT nickname FROM Person WHERE id = 'Alice'"));
      try (var columns = c.getMetaData().getColumns(null, null, "Person", "nickname")) {
        assertTrue(columns.next(), "metadata shows the new column");
      }
      s.execute("CREATE BRANCH side");
      SQLException e = assertThrows(SQLException.class, () -> s.execute("APPLY SCHEMA FROM '" + Fixture.resource("graph.pg") + "'"));
      assertEquals("55000", e.getSQLState(), e.getMessage());
    }
  }

  @Test
  void maintenanceStatementsAnswerWithPerTableStatistics() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      List<String> indexed = Fixture.strings(c, "ENSURE INDICES");
      assertTrue(indexed.contains("node:Person"), indexed.toString());
      List<String> optimized = Fixture.strings(c, "OPTIMIZE");
      assertTrue(optimized.contains("edge:Knows"), optimized.toString());
      List<String> cleaned = Fixture.strings(c, "CLEANUP KEEP 1 VERSIONS");
      assertTrue(cleaned.contains("node:Company"), cleaned.toString());
      assertEquals(4, Fixture.count(c, "Person"), "maintenance never changes a row");
      assertEquals("42601", assertThrows(SQLException.class, () -> s.execute("CLEANUP")).getSQLState());
    }
  }
}

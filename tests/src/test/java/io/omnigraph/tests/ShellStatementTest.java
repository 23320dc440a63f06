package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statements users type in every SQL shell: SHOW TABLES, DESCRIBE, SHOW BRANCHES, SHOW BRANCH. */
class ShellStatementTest {
  @TempDir
  static Path dir;
  static Connection connection;

  @BeforeAll
  static void createGraph() throws SQLException {
    connection = Fixture.createLoaded(dir);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE BRANCH feature");
    }
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
  }

  @Test
  void showTablesListsNodeAndEdgeTablesThenSystemTables() throws SQLException {
    List<List<Object>> rows = Fixture.rows(connection, "SHOW TABLES");
    List<Object> names = rows.stream().map(r -> r.get(0)).toList();
    assertEquals(List.of("Company", "Knows", "Note", "Person", "WorksAt"), names.subList(0, 5));
    assertEquals(List.of("Person", "TABLE", "Someone in the network"), rows.get(3));
    assertTrue(names.contains("_graph_branches"), names.toString());
    assertEquals("SYSTEM TABLE", rows.get(names.indexOf("_graph_branches")).get(1));
  }

  @Test
  void describeListsColumnsWithTypesAndNullability() throws SQLException {
    List<List<Object>> expected = List.of(
        Arrays.asList("id", "VARCHAR", "NO"), Arrays.asList("src", "VARCHAR", "NO"),
        Arrays.asList("dst", "VARCHAR", "NO"), Arrays.asList("since", "DATE", "YES"));
    for (String sql : new String[] {"DESCRIBE Knows", "describe knows;", "DESC TABLE Knows", "SHOW COLUMNS FROM knows"}) {
      List<List<Object>> rows = Fixture.rows(connection, sql);
      assertEquals(expected, rows.stream().map(r -> r.subList(0, 3)).toList(), sql);
    }
  }

  @Test
  void describeOfAnUnknownOrWronglyQuotedTableIs42S02() {
    for (String sql : new String[] {"DESCRIBE Nobody", "DESCRIBE \"person\""}) {
      SQLException e = assertThrows(SQLException.class, () -> Fixture.rows(connection, sql));
      assertEquals("42S02", e.getSQLState(), sql + ": " + e.getMessage());
    }
  }

  @Test
  void unknownShowStatementIs42601PointingToWhatExists() {
    SQLException e = assertThrows(SQLException.class, () -> Fixture.rows(connection, "SHOW DATABASES"));
    assertEquals("42601", e.getSQLState());
    assertTrue(e.getMessage().contains("TABLES") && e.getMessage().contains("!tables"), e.getMessage());
  }

  @Test
  void selectCurrentBranchIs42S22PointingToShowBranch() {
    SQLException e = assertThrows(SQLException.class, () -> Fixture.rows(connection, "SELECT CURRENT_BRANCH"));
    assertEquals("42S22", e.getSQLState());
    assertTrue(e.getMessage().contains("SHOW BRANCH answers which branch"), e.getMessage());
  }

  @Test
  void showBranchesListsEveryBranch() throws SQLException {
    assertEquals(List.of("feature", "main"), Fixture.strings(connection, "SHOW BRANCHES"));
  }

  @Test
  void showBranchAnswersTheConnectionsBranchAndSnapshot() throws SQLException {
    try (Connection c = Fixture.connect(dir, ""); Statement s = c.createStatement()) {
      assertEquals(List.of(Arrays.asList("main", null, false)), Fixture.rows(c, "SHOW BRANCH"));
      s.execute("USE BRANCH feature");
      assertEquals(List.of(Arrays.asList("feature", null, false)), Fixture.rows(c, "SHOW BRANCH"));
    }
    String head = Fixture.strings(connection,
        "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1").get(0);
    try (Connection pinned = Fixture.connect(dir, "snapshot=" + head)) {
      assertEquals(List.of(Arrays.asList("main", head, true)), Fixture.rows(pinned, "SHOW BRANCH"));
    }
  }
}

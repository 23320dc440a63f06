package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code _graph_changes}: what a branch changed, read with SQL the way a script or BI tool would. */
class GraphChangesTest {
  private static final String CHANGES = "SELECT kind, type_name, entity_id, op, src, dst"
      + " FROM TABLE(_graph_changes('main', 'feature'))";

  @TempDir Path dir;

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** Inserts Eve, updates Bob and deletes Diana (with her Knows edge from Bob) on a new branch. */
  private static void changeOnFeature(Statement s) throws SQLException {
    s.executeUpdate("CREATE BRANCH feature");
    s.executeUpdate("USE BRANCH feature");
    s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Eve', 22)");
    s.executeUpdate("UPDATE Person SET age = 26 WHERE name = 'Bob'");
    s.executeUpdate("DELETE FROM Person WHERE name = 'Diana'");
  }

  @Test
  void branchChangesAreExactlyTheInsertUpdateAndDeleteMadeOnIt() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      String bobKnowsDiana = Fixture.strings(c, "SELECT id FROM Knows WHERE src = 'Bob' AND dst = 'Diana'").get(0);
      changeOnFeature(s);
      assertEquals(List.of(
          row("node", "Person", "Bob", "UPDATE", null, null),
          row("node", "Person", "Diana", "DELETE", null, null),
          row("node", "Person", "Eve", "INSERT", null, null),
          row("edge", "Knows", bobKnowsDiana, "DELETE", "Bob", "Diana")),
          Fixture.rows(c, CHANGES));
      try (Connection onMain = Fixture.connect(dir, "")) {
        assertEquals(4, Fixture.rows(onMain, CHANGES).size(), "the same from any branch");
      }
    }
  }

  @Test
  void theForkCommitLeavesOutWorkDoneOnMainSinceTheFork() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement();
        Connection onMain = Fixture.connect(dir, "")) {
      changeOnFeature(s);
      onMain.createStatement().executeUpdate("INSERT INTO Company (name, country) VALUES ('Initech', 'US')");
      String fork = Fixture.strings(c,
          "SELECT graph_commit_id FROM _graph_commits WHERE branch = 'main'"
          + " ORDER BY graph_manifest_version DESC LIMIT 1").get(0);
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT entity_id, op FROM TABLE(_graph_changes(?, 'feature')) WHERE kind = 'node'")) {
        ps.setString(1, fork);
        assertEquals(List.of(row("Bob", "UPDATE"), row("Diana", "DELETE"), row("Eve", "INSERT")),
            Fixture.rows(ps.executeQuery()));
      }
      assertEquals(List.of("DELETE"), Fixture.strings(c,
          "SELECT op FROM TABLE(_graph_changes('main', 'feature')) WHERE entity_id = 'Initech'"),
          "between the heads, main's newer insert is a difference too");
    }
  }

  @Test
  void anUnknownBranchOrCommitIsAnUndefinedObject() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class,
          () -> s.executeQuery("SELECT * FROM TABLE(_graph_changes('main', 'nowhere'))"));
      assertEquals("42704", e.getSQLState());
      assertEquals("'nowhere' is neither a branch nor a commit of this graph", e.getMessage());
    }
  }

  @Test
  void writingToTheChangesIsRefused() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeUpdate("DELETE FROM _graph_changes"));
      assertEquals("42000", e.getSQLState());
    }
  }
}

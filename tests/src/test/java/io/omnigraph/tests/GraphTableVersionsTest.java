package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GRAPH_TABLE reads the connection's graph state: its branch, its snapshot, or its open
 * transaction with the edges it has not committed yet. Each answer is checked against the oracle
 * built from the same connection's edge rows.
 */
class GraphTableVersionsTest {
  private static final String REACH = "SELECT b FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'Alice')"
      + "-[:Knows]->{1,4}(b:Person) COLUMNS (b.id AS b))";

  @TempDir Path dir;

  private static List<String> reach(Connection c) throws SQLException {
    List<String> out = new ArrayList<>(Fixture.strings(c, REACH));
    Collections.sort(out);
    return out;
  }

  private static List<String> expected(Connection c) throws SQLException {
    List<String> out = new WalkOracle(c, "Knows").walkEnds("Alice", "Knows", "out", 1, 4, WalkOracle.Mode.WALK);
    Collections.sort(out);
    return out;
  }

  @Test
  void aBranchAndMainEachSeeTheirOwnEdges() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      List<String> onMain = reach(c);
      s.executeUpdate("CREATE BRANCH feature");
      s.executeUpdate("USE BRANCH feature");
      s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('Diana', 'Alice'), ('Charlie', 'Diana')");
      List<String> onFeature = reach(c);
      assertEquals(expected(c), onFeature);
      assertNotEquals(onMain, onFeature);
      try (Connection main = Fixture.connect(dir, "")) {
        assertEquals(onMain, reach(main));
        assertEquals(expected(main), reach(main));
      }
    }
  }

  @Test
  void aSnapshotSeesExactlyItsCommit() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      List<String> before = reach(c);
      String commit = Fixture.strings(c,
          "SELECT graph_commit_id FROM _graph_commits ORDER BY graph_manifest_version DESC LIMIT 1").get(0);
      s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('Diana', 'Charlie')");
      s.executeUpdate("DELETE FROM Knows WHERE src = 'Alice' AND dst = 'Bob'");
      assertEquals(expected(c), reach(c));
      try (Connection old = Fixture.connect(dir, "snapshot=" + commit)) {
        assertEquals(before, reach(old));
        assertEquals(expected(old), reach(old));
      }
    }
  }

  @Test
  void aTransactionSeesItsPendingEdgesAndOthersDoNot() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement();
        Connection other = Fixture.connect(dir, "")) {
      List<String> committed = reach(c);
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('Diana', 'Alice')");
      s.executeUpdate("DELETE FROM Knows WHERE src = 'Alice' AND dst = 'Charlie'");
      s.executeUpdate("UPDATE Knows SET dst = 'Charlie' WHERE src = 'Bob'");
      List<String> pending = reach(c);
      assertEquals(expected(c), pending);
      assertNotEquals(committed, pending);
      assertEquals(committed, reach(other));
      c.rollback();
      assertEquals(committed, reach(c));
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From an empty directory to a graph queried and changed through plain JDBC. */
class WriteAndQueryTest {
  @TempDir Path dir;

  @Test
  void createsAGraphFromAnEmptyDirectoryAndInsertsNodesAndEdges() throws SQLException {
    try (Connection c = DriverManager.getConnection(Fixture.createUrl(dir)); Statement s = c.createStatement()) {
      assertEquals(0, Fixture.count(c, "Person"));
      assertEquals(2, s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Alice', 30), ('Bob', 25)"));
      assertEquals(1, s.executeUpdate("INSERT INTO Company (name, country) VALUES ('Acme', 'US')"));
      assertEquals(1, s.executeUpdate("INSERT INTO Knows (src, dst, since) VALUES ('Alice', 'Bob', DATE '2021-03-04')"));
      assertEquals(1, s.executeUpdate("INSERT INTO WorksAt (src, dst) VALUES ('Bob', 'Acme')"));
      assertEquals(List.of("Alice", "Bob"), Fixture.strings(c, "SELECT id FROM Person ORDER BY id"));
      assertEquals(List.of(List.of("Alice", "Bob")), Fixture.rows(c, "SELECT src, dst FROM Knows"));
    }
  }

  @Test
  void unquotedNamesMatchCaseInsensitively() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      assertEquals(4, Fixture.count(c, "person"));
      assertEquals(List.of("Alice"), Fixture.strings(c, "select NAME from PERSON where AGE = 30"));
    }
  }

  @Test
  void twoHopJoinOverEdgeTablesFindsFriendsOfFriends() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      List<String> fof = Fixture.strings(c, "SELECT DISTINCT c.name FROM Person a"
          + " JOIN Knows k1 ON k1.src = a.id JOIN Knows k2 ON k2.src = k1.dst"
          + " JOIN Person c ON c.id = k2.dst WHERE a.name = 'Alice' ORDER BY c.name");
      assertEquals(List.of("Diana"), fof);
    }
  }

  @Test
  void updateChangesPropertiesAndZeroRowUpdatesMakeNoCommit() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      long commits = Fixture.count(c, "_graph_commits");
      assertEquals(2, s.executeUpdate("UPDATE Person SET age = age + 1 WHERE age < 30"));
      assertEquals(List.of("26", "29"), Fixture.strings(c, "SELECT age FROM Person WHERE name IN ('Bob', 'Diana') ORDER BY age"));
      assertEquals(commits + 1, Fixture.count(c, "_graph_commits"));
      assertEquals(0, s.executeUpdate("UPDATE Person SET age = 99 WHERE name = 'Nobody'"));
      assertEquals(commits + 1, Fixture.count(c, "_graph_commits"), "a zero-row update makes no commit");
    }
  }

  @Test
  void deletingANodeCascadesToItsEdges() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("DELETE FROM Person WHERE name = 'Alice'"));
      assertEquals(3, Fixture.count(c, "Person"));
      assertEquals(List.of(List.of("Bob", "Diana")), Fixture.rows(c, "SELECT src, dst FROM Knows"));
      assertEquals(List.of("Bob"), Fixture.strings(c, "SELECT src FROM WorksAt"));
    }
  }

  @Test
  void upsertInsertsNewAndReplacesExistingRows() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      assertEquals(2, s.executeUpdate("UPSERT INTO Person (name, age) VALUES ('Alice', 31), ('Eve', 22)"));
      assertEquals(5, Fixture.count(c, "Person"));
      assertEquals(List.of("31"), Fixture.strings(c, "SELECT age FROM Person WHERE id = 'Alice'"));
      assertEquals(List.of("22"), Fixture.strings(c, "SELECT age FROM Person WHERE id = 'Eve'"));
    }
  }

  @Test
  void mergeIntoUpsertsById() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      // Names of different lengths: a VALUES column must not pad 'Bob' to the width of 'Frank'.
      s.executeUpdate("MERGE INTO Person t USING (VALUES ('Bob', 26), ('Frank', 40)) AS v(name, age)"
          + " ON t.id = v.name WHEN MATCHED THEN UPDATE SET age = v.age"
          + " WHEN NOT MATCHED THEN INSERT (name, age) VALUES (v.name, v.age)");
      assertEquals(List.of("26", "40"), Fixture.strings(c, "SELECT age FROM Person WHERE id IN ('Bob', 'Frank') ORDER BY age"));
      assertEquals(5, Fixture.count(c, "Person"));
    }
  }

  @Test
  void queriesStreamThroughStatementsAndTheirResultSets() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      assertTrue(s.execute("SELECT name FROM Person ORDER BY name"));
      try (ResultSet rs = s.getResultSet()) {
        assertEquals(s, rs.getStatement());
        assertTrue(rs.next());
        assertEquals("Alice", rs.getString("name"));
      }
      assertEquals(-1, s.getUpdateCount());
      assertTrue(!s.getMoreResults() && s.getUpdateCount() == -1);
      assertTrue(!s.execute("UPDATE Person SET age = 1 WHERE name = 'Nobody'"));
      assertEquals(0, s.getUpdateCount());
    }
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsLastResult() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.closeOnCompletion();
      ResultSet first = s.executeQuery("SELECT name FROM Person");
      ResultSet second = s.executeQuery("SELECT name FROM Company");
      assertTrue(first.isClosed(), "running the next query closes the previous result");
      assertTrue(!s.isClosed(), "but that is not the statement's completion");
      second.close();
      assertTrue(s.isClosed());
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code commitLog=true}: auto-commit INSERTs on main are acknowledged once in the commit log, and
 * every statement that reads sees them, on the same connection or another, each listed as its own
 * commit; a duplicate is refused with 23505 and changes nothing.
 */
class CommitLogSqlTest {
  @TempDir Path dir;

  @Test
  void autoCommitInsertsGoThroughTheLogAndEveryReadSeesThem() throws Exception {
    try (Connection loader = Fixture.createLoaded(dir)) {
      long commitsBefore = Fixture.count(loader, "\"_graph_commits\"");
      try (Connection c = DriverManager.getConnection(Fixture.createUrl(dir) + "&commitLog=true&actor=logger")) {
        // The graph handle was opened by the loader's connection, which did not ask for the log.
        assertTrue(c.getWarnings() != null, "a setting given after the handle opened is reported");
      }
    }
    // A fresh handle, opened with the log on.
    try (Connection c = Fixture.connect(dir, "commitLog=true&actor=logger");
        Connection other = Fixture.connect(dir, "")) {
      long persons = Fixture.count(c, "Person");
      long commits = Fixture.count(c, "\"_graph_commits\"");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO Person (name, age) VALUES (?, ?)")) {
        for (int i = 0; i < 50; i++) {
          insert.setString(1, "log-" + i);
          insert.setInt(2, i);
          assertEquals(1, insert.executeUpdate());
        }
      }
      assertTrue(Files.size(dir.resolve("graph").resolve("__commit_log/main.log")) > 0, "the inserts were logged");
      assertEquals(persons + 50, Fixture.count(c, "Person"));
      assertEquals(persons + 50, Fixture.count(other, "Person"));
      assertEquals(commits + 50, Fixture.count(other, "\"_graph_commits\""));
      assertEquals(50, Fixture.scalar(other, "SELECT COUNT(*) FROM \"_graph_commits\" WHERE actor_id = 'logger'"));
      assertEquals(List.of(List.of("log-7", 7)), Fixture.rows(other, "SELECT name, age FROM Person WHERE name = 'log-7'"));

      SQLException dup = assertThrows(SQLException.class,
          () -> c.createStatement().executeUpdate("INSERT INTO Person (name, age) VALUES ('log-3', 1)"));
      assertEquals("23505", dup.getSQLState(), dup.getMessage());
      assertEquals(persons + 50, Fixture.count(other, "Person"));

      // An edge between two persons only the log held when it was written.
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Person (name, age) VALUES ('log-a', 1)");
        s.executeUpdate("INSERT INTO Person (name, age) VALUES ('log-b', 2)");
        s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('log-a', 'log-b')");
      }
      assertEquals(1, Fixture.scalar(other, "SELECT COUNT(*) FROM Knows WHERE src = 'log-a'"));
    }
  }

  @Test
  void aTransactionReadsItsOwnLoggedInsertsAndSeesEarlierOnes() throws Exception {
    try (Connection loader = Fixture.createLoaded(dir)) {
      // Closed below: the next connection opens the handle with the log on.
    }
    try (Connection c = Fixture.connect(dir, "commitLog=true")) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Person (name, age) VALUES ('first', 1)");
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Person (name, age) VALUES ('second', 2)");
        assertEquals(2, Fixture.scalar(c, "SELECT COUNT(*) FROM Person WHERE name IN ('first', 'second')"));
      }
      c.commit();
      c.setAutoCommit(true);
      assertEquals(2, Fixture.scalar(c, "SELECT COUNT(*) FROM Person WHERE name IN ('first', 'second')"));
    }
  }
}

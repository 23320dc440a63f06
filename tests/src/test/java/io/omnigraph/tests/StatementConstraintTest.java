package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside a transaction, keys, {@code @unique}, endpoints and {@code @card} are checked when each
 * statement ends, as SQL checks non-deferred constraints: the statement fails with the state a
 * commit would give, none of its rows are applied, and the transaction goes on.
 */
class StatementConstraintTest {
  @TempDir Path dir;

  private static String failure(Statement s, String sql) {
    return assertThrows(SQLException.class, () -> s.executeUpdate(sql)).getSQLState();
  }

  @Test
  void aDuplicateKeyFailsTheStatementAndTheTransactionStillCommits() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      long before = Fixture.count(c, "_graph_commits");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      assertEquals("23505", failure(s, "INSERT INTO Person (name, age) VALUES ('Alice', 99)"));
      assertEquals(List.of("30"), Fixture.strings(c, "SELECT age FROM Person WHERE id = 'Alice'"),
          "the transaction still reads the committed row, not the duplicate");
      assertEquals("23505", failure(s, "INSERT INTO Person (name) VALUES ('Eve')"), "a key written earlier in the transaction");
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Frank')");
      c.commit();
      assertEquals(List.of("Alice", "Bob", "Charlie", "Diana", "Eve", "Frank"),
          Fixture.strings(other, "SELECT id FROM Person ORDER BY id"));
      assertEquals(List.of("30"), Fixture.strings(other, "SELECT age FROM Person WHERE id = 'Alice'"));
      assertEquals(before + 1, Fixture.count(other, "_graph_commits"));
    }
  }

  @Test
  void anEdgeToAMissingNodeFailsTheStatementAndTheTransactionGoesOn() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      assertEquals("23503", failure(s, "INSERT INTO Knows (src, dst) VALUES ('Eve', 'Nobody')"));
      assertEquals(3, Fixture.count(c, "Knows"));
      s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('Eve', 'Alice')");
      c.commit();
      assertEquals(4, Fixture.count(other, "Knows"));
      assertEquals(List.of("Alice"), Fixture.strings(other, "SELECT dst FROM Knows WHERE src = 'Eve'"));
    }
  }

  @Test
  void aUniqueValueTakenByAnotherRowFailsInsertAndUpdateAlike() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals("23505", failure(s, "INSERT INTO Person (name, email) VALUES ('Eve', 'alice@example.com')"));
      assertEquals("23505", failure(s, "UPDATE Person SET email = 'alice@example.com' WHERE id = 'Bob'"));
      assertEquals(0, Fixture.count(c, "Person WHERE email IS NOT NULL AND id <> 'Alice'"));
      s.executeUpdate("INSERT INTO Person (name, email) VALUES ('Eve', 'eve@example.com')");
      assertEquals("23505", failure(s, "UPDATE Person SET email = 'eve@example.com' WHERE id = 'Bob'"),
          "a value written earlier in the transaction");
      c.commit();
      assertEquals(List.of("Alice alice@example.com", "Eve eve@example.com"), Fixture.strings(other,
          "SELECT id || ' ' || email FROM Person WHERE email IS NOT NULL ORDER BY id"));
    }
  }

  @Test
  void aMultiRowInsertWithOneBadRowAppliesNoneOfItsRows() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      long before = Fixture.count(c, "_graph_commits");
      c.setAutoCommit(false);
      assertEquals("23505", failure(s, "INSERT INTO Person (name) VALUES ('Eve'), ('Frank'), ('Alice')"));
      assertEquals(4, Fixture.count(c, "Person"));
      assertEquals("23503", failure(s, "INSERT INTO Knows (src, dst) VALUES ('Alice', 'Diana'), ('Bob', 'Nobody')"));
      assertEquals(3, Fixture.count(c, "Knows"));
      c.commit();
      assertEquals(4, Fixture.count(other, "Person"));
      assertEquals(3, Fixture.count(other, "Knows"));
      assertEquals(before, Fixture.count(other, "_graph_commits"), "nothing was left to commit");
    }
  }

  @Test
  void aBatchIsCheckedAsOneStatementAndUndoneWhole() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.addBatch("INSERT INTO Knows (src, dst) VALUES ('Eve', 'Alice')");
      s.addBatch("INSERT INTO Person (name) VALUES ('Eve')");
      s.addBatch("INSERT INTO Person (name) VALUES ('Bob')");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertEquals(4, Fixture.count(c, "Person"));
      assertEquals(3, Fixture.count(c, "Knows"));
      s.addBatch("INSERT INTO Knows (src, dst) VALUES ('Eve', 'Alice')");
      s.addBatch("INSERT INTO Person (name) VALUES ('Eve')");
      s.executeBatch();
      c.commit();
      assertEquals(5, Fixture.count(other, "Person"));
      assertEquals(4, Fixture.count(other, "Knows"), "an edge may precede its node within one statement");
    }
  }

  @Test
  void cardinalityIsCheckedAtTheStatement() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      assertEquals("23514", failure(s, "INSERT INTO WorksAt (src, dst) VALUES ('Alice', 'Globex')"));
      s.executeUpdate("INSERT INTO WorksAt (src, dst) VALUES ('Charlie', 'Globex')");
      c.commit();
      assertEquals(List.of("Alice Acme", "Bob Globex", "Charlie Globex"),
          Fixture.strings(other, "SELECT src || ' ' || dst FROM WorksAt ORDER BY src"));
    }
  }

  @Test
  void commitStillFailsWhenAnotherCommitTookTheKeyMeanwhile() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement(); Statement o = other.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Eve', 1)");
      o.executeUpdate("INSERT INTO Person (name, age) VALUES ('Eve', 2)");
      assertEquals("23505", assertThrows(SQLException.class, c::commit).getSQLState());
      assertEquals(List.of("2"), Fixture.strings(other, "SELECT age FROM Person WHERE id = 'Eve'"));
    }
  }
}

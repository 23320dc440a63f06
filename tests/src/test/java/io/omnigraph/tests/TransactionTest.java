package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-commit, explicit transactions, snapshot isolation and the commit log, seen through JDBC. */
class TransactionTest {
  @TempDir Path dir;

  @Test
  void autoCommitIsOnAndEachStatementIsOneCommitRecordingTheActor() throws SQLException {
    try (Connection setup = Fixture.createLoaded(dir); Connection c = Fixture.connect(dir, "actor=etl");
        Statement s = c.createStatement()) {
      assertTrue(c.getAutoCommit());
      long before = Fixture.count(c, "_graph_commits");
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Eve', 22)");
      s.executeUpdate("UPDATE Person SET age = 23 WHERE name = 'Eve'");
      s.addBatch("INSERT INTO Person (name) VALUES ('Frank')");
      s.addBatch("INSERT INTO Knows (src, dst) VALUES ('Frank', 'Eve')");
      assertEquals(2, s.executeBatch().length);
      assertEquals(before + 3, Fixture.count(c, "_graph_commits"), "two statements and one batch: three commits");
      List<String> actors = Fixture.strings(c, "SELECT actor_id FROM _graph_commits ORDER BY created_at DESC LIMIT 3");
      assertEquals(List.of("etl", "etl", "etl"), actors);
    }
  }

  @Test
  void withAutoCommitOffStatementsLandAsOneCommitAtCommit() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      long before = Fixture.count(c, "_graph_commits");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Eve', 22)");
      s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('Eve', 'Alice')");
      s.executeUpdate("UPDATE Person SET age = 26 WHERE name = 'Bob'");
      assertEquals(5, Fixture.count(c, "Person"), "queries in the transaction read its own writes");
      assertEquals(1, Fixture.count(c, "Knows WHERE src = 'Eve'"));
      assertEquals(4, Fixture.count(other, "Person"), "nothing is visible elsewhere before commit");
      c.commit();
      assertEquals(5, Fixture.count(other, "Person"));
      assertEquals(List.of("26"), Fixture.strings(other, "SELECT age FROM Person WHERE id = 'Bob'"));
      assertEquals(before + 1, Fixture.count(other, "_graph_commits"), "three statements, one commit");
    }
  }

  @Test
  void rollbackDiscardsEveryPendingChange() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      long before = Fixture.count(c, "_graph_commits");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      s.executeUpdate("DELETE FROM Person WHERE name = 'Alice'");
      assertEquals(4, Fixture.count(c, "Person"));
      c.rollback();
      assertEquals(List.of("Alice", "Bob", "Charlie", "Diana"), Fixture.strings(c, "SELECT id FROM Person ORDER BY id"));
      assertEquals(3, Fixture.count(c, "Knows"));
      assertEquals(before, Fixture.count(c, "_graph_commits"));
    }
  }

  @Test
  void switchingAutoCommitBackOnCommitsPendingWork() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      c.setAutoCommit(true);
      assertEquals(5, Fixture.count(other, "Person"));
    }
  }

  @Test
  void readsInsideATransactionRepeatWhileOthersCommit() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection writer = Fixture.connect(dir, "");
        Statement w = writer.createStatement()) {
      c.setAutoCommit(false);
      assertEquals(4, Fixture.count(c, "Person"));
      w.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      assertEquals(4, Fixture.count(c, "Person"), "snapshot isolation: the transaction keeps its snapshot");
      c.commit();
      assertEquals(5, Fixture.count(c, "Person"), "the next transaction starts from the latest commit");
    }
  }

  @Test
  void isolationIsRepeatableReadAndSerializableIsRefused() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir)) {
      assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
      assertTrue(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
      assertFalse(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
      SQLException e = assertThrows(SQLException.class,
          () -> c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE));
      assertInstanceOf(SQLFeatureNotSupportedException.class, e);
      assertEquals("0A000", e.getSQLState());
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation(), "upgraded, as JDBC allows");
    }
  }

  @Test
  void aFailedStatementIsUndoneAndTheTransactionGoesOn() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement()) {
      long before = Fixture.count(c, "_graph_commits");
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      SQLException failed = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO Person (name, status) VALUES ('Frank', 'weird')"));
      assertEquals("23514", failed.getSQLState());
      assertEquals(5, Fixture.count(c, "Person"), "the transaction keeps its earlier statements and reads on");
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Gina')");
      c.commit();
      assertEquals(List.of("Alice", "Bob", "Charlie", "Diana", "Eve", "Gina"),
          Fixture.strings(other, "SELECT id FROM Person ORDER BY id"));
      assertEquals(before + 1, Fixture.count(other, "_graph_commits"));
    }
  }

  @Test
  void commitAndRollbackNeedAutoCommitOff() throws SQLException {
    try (Connection c = Fixture.createEmpty(dir)) {
      assertEquals("25000", assertThrows(SQLException.class, c::commit).getSQLState());
      assertEquals("25000", assertThrows(SQLException.class, c::rollback).getSQLState());
    }
  }

  @Test
  void aConstraintAnotherCommitBrokeMeanwhileFailsTheCommitAndPublishesNothing() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Connection other = Fixture.connect(dir, "");
        Statement s = c.createStatement(); Statement o = other.createStatement()) {
      c.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')");
      s.executeUpdate("INSERT INTO Knows (src, dst) VALUES ('Eve', 'Diana')");
      o.executeUpdate("DELETE FROM Person WHERE id = 'Diana'");
      SQLException e = assertThrows(SQLException.class, c::commit);
      assertEquals("23503", e.getSQLState());
      assertEquals(List.of("Alice", "Bob", "Charlie"), Fixture.strings(c, "SELECT id FROM Person ORDER BY id"));
      assertEquals(2, Fixture.count(c, "Knows"));
    }
  }
}

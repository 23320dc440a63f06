package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch of one PreparedStatement's INSERT ... VALUES (?, ...) runs as one insert of every entry's
 * row: these are the guarantees it keeps, each as a per-entry run would give it.
 */
class BulkBatchTest {
  private static final String INSERT_PERSON = "INSERT INTO Person (name, age, email) VALUES (?, ?, ?)";
  private static final String INSERT_KNOWS = "INSERT INTO Knows (src, dst, since) VALUES (?, ?, ?)";

  @TempDir Path dir;

  @Test
  void everyEntryIsStoredWithItsConvertedValuesInOneCommit() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir);
        PreparedStatement ps = c.prepareStatement(INSERT_PERSON, Statement.RETURN_GENERATED_KEYS)) {
      long commits = Fixture.count(c, "_graph_commits");
      person(ps, "Eve", 40, "eve@example.com");
      person(ps, "Frank", null, null);
      ps.setString(1, "Gina");
      ps.setString(2, "33");
      ps.setNull(3, Types.VARCHAR);
      ps.addBatch();
      assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
      assertEquals(commits + 1, Fixture.count(c, "_graph_commits"));
      assertEquals(List.of(List.of("Eve"), List.of("Frank"), List.of("Gina")), Fixture.rows(ps.getGeneratedKeys()));
      assertEquals(List.of(List.of("Eve", 40, "eve@example.com"), Arrays.asList("Frank", null, null),
          Arrays.asList("Gina", 33, null)), Fixture.rows(c,
          "SELECT id, age, email FROM Person WHERE name IN ('Eve', 'Frank', 'Gina') ORDER BY name"));
    }
  }

  @Test
  void edgesBetweenExistingAndBatchedPersonsAreStoredWithGeneratedIds() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      try (PreparedStatement ps = c.prepareStatement(INSERT_PERSON)) {
        person(ps, "Eve", 40, null);
        person(ps, "Frank", 41, null);
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement(INSERT_KNOWS, Statement.RETURN_GENERATED_KEYS)) {
        knows(ps, "Eve", "Alice", Date.valueOf("2021-03-04"));
        knows(ps, "Frank", "Eve", null);
        assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
        List<List<Object>> keys = Fixture.rows(ps.getGeneratedKeys());
        assertEquals(2, keys.size());
        assertEquals(List.of(List.of("Eve", "Alice", "2021-03-04")), Fixture.rows(c,
            "SELECT src, dst, CAST(since AS VARCHAR) FROM Knows WHERE id = '" + keys.get(0).get(0) + "'"));
        assertEquals(List.of(Arrays.asList("Frank", "Eve", null)), Fixture.rows(c,
            "SELECT src, dst, since FROM Knows WHERE id = '" + keys.get(1).get(0) + "'"));
      }
      assertEquals(5, Fixture.count(c, "Knows"));
    }
  }

  @Test
  void aValueThatDoesNotConvertNamesItsEntryAndWritesNothing() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(INSERT_PERSON)) {
      GraphState before = GraphState.of(c);
      person(ps, "Eve", 40, null);
      person(ps, "Frank", 41, null);
      ps.setString(1, "Gina");
      ps.setString(2, "not a number");
      ps.setNull(3, Types.VARCHAR);
      ps.addBatch();
      person(ps, "Hugo", 43, null);
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertTrue(e.getSQLState().startsWith("22"), e.getSQLState() + " " + e.getMessage());
      assertArrayEquals(new long[] {1, 1}, e.getLargeUpdateCounts(), "the entries before the refused third one");
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void aSingleRowRuleNamesItsEntryAndWritesNothing() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(INSERT_PERSON)) {
      GraphState before = GraphState.of(c);
      person(ps, "Eve", 40, null);
      person(ps, "Frank", 200, null);
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23514", e.getSQLState(), e.getMessage());
      assertArrayEquals(new long[] {1}, e.getLargeUpdateCounts());
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void aKeyTwiceInTheBatchIsRefusedAtItsSecondEntry() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(INSERT_PERSON)) {
      GraphState before = GraphState.of(c);
      person(ps, "Eve", 40, null);
      person(ps, "Frank", 41, null);
      person(ps, "Eve", 42, null);
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState(), e.getMessage());
      assertArrayEquals(new long[] {1, 1}, e.getLargeUpdateCounts());
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void aKeyThatIsAlreadyCommittedRefusesTheWholeBatch() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(INSERT_PERSON)) {
      GraphState before = GraphState.of(c);
      person(ps, "Eve", 40, null);
      person(ps, "Alice", 41, null);
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("Alice"), e.getMessage());
      assertArrayEquals(new long[] {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED}, e.getLargeUpdateCounts());
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void aUniqueValueHeldTwiceOrAlreadyCommittedIsRefused() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(INSERT_PERSON)) {
      GraphState before = GraphState.of(c);
      person(ps, "Eve", 40, "same@example.com");
      person(ps, "Frank", 41, "same@example.com");
      assertEquals("23505", assertThrows(BatchUpdateException.class, ps::executeBatch).getSQLState());
      person(ps, "Eve", 40, "alice@example.com");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertTrue(e.getMessage().contains("@unique"), e.getMessage());
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void anEdgeToAMissingNodeRefusesTheWholeBatch() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); PreparedStatement ps = c.prepareStatement(INSERT_KNOWS)) {
      GraphState before = GraphState.of(c);
      knows(ps, "Alice", "Diana", null);
      knows(ps, "Bob", "Nobody", null);
      knows(ps, "Charlie", "Alice", null);
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23503", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("Nobody"), e.getMessage());
      assertEquals(before, GraphState.of(c));
    }
  }

  @Test
  void withAutoCommitOffTheBatchIsOneStatementOfTheTransaction() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      GraphState before = GraphState.of(c);
      c.setAutoCommit(false);
      try (PreparedStatement persons = c.prepareStatement(INSERT_PERSON);
          PreparedStatement edges = c.prepareStatement(INSERT_KNOWS)) {
        person(persons, "Eve", 40, null);
        person(persons, "Frank", 41, null);
        persons.executeBatch();
        // Edges to persons the transaction inserted, then a batch refused by a missing endpoint.
        knows(edges, "Eve", "Frank", null);
        knows(edges, "Frank", "Alice", null);
        edges.executeBatch();
        knows(edges, "Eve", "Nobody", null);
        knows(edges, "Frank", "Bob", null);
        assertEquals("23503", assertThrows(BatchUpdateException.class, edges::executeBatch).getSQLState());
        person(persons, "Eve", 40, null);
        person(persons, "Gina", 41, null);
        assertEquals("23505", assertThrows(BatchUpdateException.class, persons::executeBatch).getSQLState());
        assertEquals(6, Fixture.count(c, "Person"));
        assertEquals(5, Fixture.count(c, "Knows"));
        try (Connection other = Fixture.connect(dir, "")) {
          assertEquals(before, GraphState.of(other), "nothing is committed before commit()");
        }
        c.commit();
      }
      assertEquals(6, Fixture.count(c, "Person"));
      assertEquals(5, Fixture.count(c, "Knows"));
      assertEquals(List.of("Eve", "Frank"), Fixture.strings(c, "SELECT src FROM Knows WHERE src IN ('Eve', 'Frank') ORDER BY src"));
    }
  }

  @Test
  void aBatchOfDifferentStatementsRunsEntryByEntry() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.addBatch("INSERT INTO Person (name, age) VALUES ('Eve', 40)");
      s.addBatch("INSERT INTO Knows (src, dst) VALUES ('Eve', 'Alice')");
      s.addBatch("UPDATE Person SET age = 50 WHERE name IN ('Eve', 'Bob')");
      s.addBatch("INSERT INTO Person (name, age) VALUES ('Frank', 1), ('Gina', 2)");
      assertArrayEquals(new int[] {1, 1, 2, 2}, s.executeBatch());
      assertEquals(List.of(List.of("Bob", 50), List.of("Eve", 50), List.of("Frank", 1), List.of("Gina", 2)),
          Fixture.rows(c, "SELECT name, age FROM Person WHERE name IN ('Bob', 'Eve', 'Frank', 'Gina') ORDER BY name"));
      assertEquals(4, Fixture.count(c, "Knows"));
    }
  }

  @Test
  void aBatchOfUpsertsOrOfInsertsFromAQueryStillRuns() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      try (PreparedStatement ps = c.prepareStatement("UPSERT INTO Person (name, age) VALUES (?, ?)")) {
        ps.setString(1, "Alice");
        ps.setInt(2, 31);
        ps.addBatch();
        ps.setString(1, "Alice");
        ps.setInt(2, 32);
        ps.addBatch();
        assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO Person (name, age) SELECT CAST(? AS VARCHAR), age + 1 FROM Person WHERE name = ?")) {
        ps.setString(1, "Eve");
        ps.setString(2, "Alice");
        ps.addBatch();
        ps.setString(1, "Frank");
        ps.setString(2, "Eve");
        ps.addBatch();
        assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
      }
      assertEquals(List.of(List.of("Alice", 32), List.of("Eve", 33), List.of("Frank", 34)),
          Fixture.rows(c, "SELECT name, age FROM Person WHERE name IN ('Alice', 'Eve', 'Frank') ORDER BY name"));
    }
  }

  private static void person(PreparedStatement ps, String name, Integer age, String email) throws SQLException {
    ps.setString(1, name);
    if (age == null) ps.setNull(2, Types.INTEGER);
    else ps.setInt(2, age);
    ps.setString(3, email);
    ps.addBatch();
  }

  private static void knows(PreparedStatement ps, String src, String dst, Date since) throws SQLException {
    ps.setString(1, src);
    ps.setString(2, dst);
    ps.setDate(3, since);
    ps.addBatch();
  }
}

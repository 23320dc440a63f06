package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that span rows are checked when each statement ends, and a failed statement is undone whole. */
class StatementCheckTest {
  private static final String SCHEMA = """
      node Person { name: String @key  age: I32?  email: String?  @unique(email) }
      node Company { name: String @key }
      edge Knows: Person -> Person
      edge WorksAt: Person -> Company @card(0..1)
      edge Owns: Person -> Company @card(1..)
      """;

  @TempDir Path dir;

  private Graph graph() {
    Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA);
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(Map.of("name", "Alice", "age", 30, "email", "alice@x")));
      tx.insert("Company", List.of(Map.of("name", "Acme"), Map.of("name", "Beta")));
      tx.insert("Owns", List.of(Map.of("src", "Alice", "dst", "Acme")));
      tx.commit();
    }
    return g;
  }

  /** Runs one statement the way the SQL layer does: check, then keep; any failure undoes it. */
  private static void statement(GraphTransaction tx, Consumer<GraphTransaction> work) {
    try (GraphTransaction.Statement s = tx.beginStatement()) {
      work.accept(tx);
      s.check();
      s.keep();
    }
  }

  private static ConstraintViolation failing(GraphTransaction tx, Consumer<GraphTransaction> work) {
    return assertThrows(ConstraintViolation.class, () -> statement(tx, work));
  }

  @Test
  void aDuplicateKeyFailsTheStatementAndNothingOfItIsApplied() {
    try (Graph g = graph(); GraphTransaction tx = g.begin("main", null)) {
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Bob"))));
      ConstraintViolation e = failing(tx, t -> t.insert("Person",
          List.of(Map.of("name", "Carol"), Map.of("name", "Alice", "age", 99))));
      assertEquals(Rule.KEY, e.rule());
      assertEquals(30, tx.get("Person", "Alice").orElseThrow().get("age"), "the committed row was not overwritten");
      assertTrue(tx.get("Person", "Carol").isEmpty(), "no row of the failed statement is applied");
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Dave"))));
      tx.commit();
      assertEquals(3, g.snapshot("main").count("Person", Predicate.TRUE));
      assertEquals(30, g.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
    }
  }

  @Test
  void aFailedStatementRestoresRowsEarlierStatementsWroteOrRemoved() {
    try (Graph g = graph(); GraphTransaction tx = g.begin("main", null)) {
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Bob", "age", 1))));
      ConstraintViolation e = failing(tx, t -> {
        t.updateById("Person", Map.of("Bob", Map.of("age", 2)));
        t.deleteById("Person", List.of("Alice"));
        t.insert("Knows", List.of(Map.of("src", "Bob", "dst", "Nobody")));
      });
      assertEquals(Rule.ENDPOINT, e.rule());
      assertEquals(1, tx.get("Person", "Bob").orElseThrow().get("age"));
      assertTrue(tx.get("Person", "Alice").isPresent());
      assertEquals(1, tx.count("Owns", Predicate.TRUE), "the cascade to Alice's edges is undone too");
      tx.commit();
      assertEquals(2, g.snapshot("main").count("Person", Predicate.TRUE));
      assertEquals(1, g.snapshot("main").count("Owns", Predicate.TRUE));
    }
  }

  @Test
  void uniqueIsCheckedAgainstCommittedRowsAndEarlierStatements() {
    try (Graph g = graph(); GraphTransaction tx = g.begin("main", null)) {
      assertEquals(Rule.UNIQUE, failing(tx, t -> t.insert("Person",
          List.of(Map.of("name", "Bob", "email", "alice@x")))).rule());
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Bob", "email", "bob@x"))));
      assertEquals(Rule.UNIQUE, failing(tx, t -> t.insert("Person",
          List.of(Map.of("name", "Carol", "email", "bob@x")))).rule());
      statement(tx, t -> t.updateById("Person", Map.of("Alice", Map.of("email", "new@x"))));
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Carol", "email", "alice@x"))));
      tx.commit();
      assertEquals(3, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }

  @Test
  void cardinalityIsCheckedForTheSourcesAStatementTouched() {
    try (Graph g = graph(); GraphTransaction tx = g.begin("main", null)) {
      statement(tx, t -> t.insert("WorksAt", List.of(Map.of("src", "Alice", "dst", "Acme"))));
      assertEquals(Rule.CARDINALITY, failing(tx, t -> t.insert("WorksAt",
          List.of(Map.of("src", "Alice", "dst", "Beta")))).rule());
      assertEquals(Rule.CARDINALITY, failing(tx, t -> t.delete("Owns", Predicate.eq("src", "Alice"))).rule());
      statement(tx, t -> t.insert("Owns", List.of(Map.of("src", "Alice", "dst", "Beta"))));
      statement(tx, t -> t.delete("Owns", Predicate.eq("dst", "Acme")));
      tx.commit();
      assertEquals(1, g.snapshot("main").count("WorksAt", Predicate.TRUE));
      assertEquals(1, g.snapshot("main").count("Owns", Predicate.TRUE));
      assertEquals(1, g.snapshot("main").count("Owns", Predicate.eq("dst", "Beta")));
    }
  }

  @Test
  void commitChecksAgainWhenAnotherCommitMovedTheBranch() {
    try (Graph g = graph(); GraphTransaction tx = g.begin("main", null)) {
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Dave"))));
      try (GraphTransaction other = g.begin("main", null)) {
        other.insert("Person", List.of(Map.of("name", "Dave")));
        other.commit();
      }
      ConstraintViolation e = assertThrows(ConstraintViolation.class, tx::commit);
      assertEquals(Rule.KEY, e.rule());
      assertEquals(2, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }

  @Test
  void uniqueValuesAreTrackedAcrossStatementsThroughChangesAndUndos() {
    try (Graph g = graph(); GraphTransaction tx = g.begin("main", null)) {
      for (int i = 0; i < 50; i++) {
        int n = i;
        statement(tx, t -> t.insert("Person", List.of(Map.of("name", "P" + n, "email", "p" + n + "@x"))));
      }
      assertEquals(Rule.UNIQUE, failing(tx, t -> t.insert("Person", List.of(Map.of("name", "Q", "email", "p7@x")))).rule());
      assertEquals(Rule.UNIQUE, failing(tx, t -> t.insert("Person", List.of(Map.of("name", "Q", "email", "alice@x"))))
          .rule(), "a committed row's value");
      // A failed statement's value is free again; a changed row frees its old value and holds the new one.
      statement(tx, t -> t.updateById("Person", Map.of("P7", Map.of("email", "seven@x"))));
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "Q", "email", "p7@x"))));
      assertEquals(Rule.UNIQUE, failing(tx, t -> t.insert("Person", List.of(Map.of("name", "R", "email", "seven@x"))))
          .rule());
      failing(tx, t -> {
        t.insert("Person", List.of(Map.of("name", "S", "email", "s@x")));
        t.insert("Knows", List.of(Map.of("src", "S", "dst", "Nobody")));
      });
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "T", "email", "s@x"))));
      statement(tx, t -> t.deleteById("Person", List.of("P8")));
      statement(tx, t -> t.insert("Person", List.of(Map.of("name", "U", "email", "p8@x"))));
      tx.commit();
      assertEquals(1 + 50 + 3 - 1, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }
}

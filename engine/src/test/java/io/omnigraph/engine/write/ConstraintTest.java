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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstraintTest {
  @TempDir Path dir;

  private static void commit(Graph g, java.util.function.Consumer<GraphTransaction> work) {
    try (GraphTransaction tx = g.begin("main", null)) {
      work.accept(tx);
      tx.commit();
    }
  }

  @Test
  void uniqueIsCheckedAgainstCommittedRowsAndAllowsReupsertingOwnValue() {
    String schema = "node User { name: String @key  email: String?  @unique(email) }";
    try (Graph g = Graph.init(dir.resolve("g").toString(), schema)) {
      commit(g, tx -> tx.insert("User", List.of(Map.of("name", "Bob", "email", "dup@x"))));
      ConstraintViolation e = assertThrows(ConstraintViolation.class,
          () -> commit(g, tx -> tx.insert("User", List.of(Map.of("name", "Carol", "email", "dup@x")))));
      assertEquals(Rule.UNIQUE, e.rule());
      assertTrue(e.getMessage().contains("@unique violation on User.email"), e.getMessage());
      commit(g, tx -> tx.upsert("User", List.of(Map.of("name", "Bob", "email", "dup@x"))));
      commit(g, tx -> {
        tx.update("User", Predicate.eq("name", "Bob"), Map.of("email", "bob@x"));
        tx.insert("User", List.of(Map.of("name", "Carol", "email", "dup@x")));
      });
      assertEquals(2, g.snapshot("main").count("User", Predicate.TRUE));
    }
  }

  @Test
  void nullsNeverCollideUnderUnique() {
    String schema = "node User { name: String @key  email: String? @unique }";
    try (Graph g = Graph.init(dir.resolve("g").toString(), schema)) {
      commit(g, tx -> tx.insert("User", List.of(Map.of("name", "A"), Map.of("name", "B"))));
      assertEquals(2, g.snapshot("main").count("User", Predicate.TRUE));
    }
  }

  @Test
  void cardinalityMaxAndMinAreEnforcedForTouchedSources() {
    String schema = "node Person { name: String @key }\nnode Company { name: String @key }\n"
        + "edge WorksAt: Person -> Company @card(0..1)\nedge Owns: Person -> Company @card(1..)";
    try (Graph g = Graph.init(dir.resolve("g").toString(), schema)) {
      commit(g, tx -> {
        tx.insert("Person", List.of(Map.of("name", "Alice")));
        tx.insert("Company", List.of(Map.of("name", "Acme"), Map.of("name", "Beta")));
        tx.insert("WorksAt", List.of(Map.of("src", "Alice", "dst", "Acme")));
        tx.insert("Owns", List.of(Map.of("src", "Alice", "dst", "Acme")));
      });
      ConstraintViolation max = assertThrows(ConstraintViolation.class,
          () -> commit(g, tx -> tx.insert("WorksAt", List.of(Map.of("src", "Alice", "dst", "Beta")))));
      assertEquals(Rule.CARDINALITY, max.rule());
      assertTrue(max.getMessage().contains("@card violation"), max.getMessage());
      ConstraintViolation min = assertThrows(ConstraintViolation.class,
          () -> commit(g, tx -> tx.delete("Owns", Predicate.eq("src", "Alice"))));
      assertEquals(Rule.CARDINALITY, min.rule());
      assertEquals(1, g.snapshot("main").count("Owns", Predicate.TRUE));
      assertEquals(1, g.snapshot("main").count("WorksAt", Predicate.TRUE));
    }
  }

  @Test
  void edgeEndpointsMustExistAndNoPlaceholderIsCreated() {
    String schema = "node Person { name: String @key }\nedge Knows: Person -> Person";
    try (Graph g = Graph.init(dir.resolve("g").toString(), schema)) {
      ConstraintViolation e = assertThrows(ConstraintViolation.class, () -> commit(g, tx -> {
        tx.insert("Person", List.of(Map.of("name", "Eve")));
        tx.insert("Knows", List.of(Map.of("src", "Eve", "dst", "Ghost")));
      }));
      assertEquals(Rule.ENDPOINT, e.rule());
      assertTrue(e.getMessage().contains("dst 'Ghost' not found in Person"), e.getMessage());
      assertEquals(0, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }

  @Test
  void unkeyedNodesAndEdgesGetGeneratedUlids() {
    String schema = "node Note { text: String }\nedge Links: Note -> Note";
    try (Graph g = Graph.init(dir.resolve("g").toString(), schema)) {
      try (GraphTransaction tx = g.begin("main", null)) {
        List<String> ids = tx.insert("Note", List.of(Map.of("text", "a"), Map.of("text", "b"))).ids();
        assertEquals(26, ids.get(0).length());
        String edge = tx.insert("Links", List.of(Map.of("src", ids.get(0), "dst", ids.get(1)))).ids().get(0);
        assertEquals(26, edge.length());
        tx.commit();
      }
      assertEquals(2, g.snapshot("main").count("Note", Predicate.TRUE));
    }
  }
}

package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.schema.EdgeType;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chunked filters and the full read that replaces them find the same incident edges, pending ones included. */
class IncidentEdgesTest {
  @TempDir Path dir;
  private Graph g;

  @BeforeEach
  void open() {
    g = Fixtures.loaded(dir);
  }

  @AfterEach
  void close() {
    g.close();
  }

  private static Set<String> endpointsOf(GraphTransaction tx, Set<String> edgeIds) {
    Set<String> out = new TreeSet<>();
    for (String id : edgeIds) {
      var row = tx.get("Knows", id).orElseThrow();
      out.add(row.get("src") + ">" + row.get("dst"));
    }
    return out;
  }

  @Test
  void everyWayOfFindingThemAgreesAndSeesPendingEdges() {
    try (GraphTransaction tx = g.begin("main", "t")) {
      tx.insert("Knows", List.of(Fixtures.edge("Diana", "Alice"), Fixtures.edge("Charlie", "Diana")));
      tx.delete("Knows", Predicate.eq("dst", "Charlie"));
      EdgeType knows = (EdgeType) tx.catalog().type("Knows").orElseThrow();
      Set<String> nodes = new LinkedHashSet<>(List.of("Alice", "Diana", "Nobody"));
      Set<String> expected = Set.of("Alice>Bob", "Bob>Diana", "Diana>Alice", "Charlie>Diana");

      assertEquals(expected, endpointsOf(tx, IncidentEdges.of(tx, knows, "Person", nodes)), "one filter per end");
      assertEquals(expected, endpointsOf(tx, IncidentEdges.of(tx, knows, "Person", nodes, 1, 100)), "chunks of one id");
      assertEquals(expected, endpointsOf(tx, IncidentEdges.of(tx, knows, "Person", nodes, 1, 0)),
          "a full read after the first match");
      assertEquals(4, IncidentEdges.of(tx, knows, "Person", nodes, 1, 0).size());
    }
  }
}

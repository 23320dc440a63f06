package io.omnigraph.engine.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adjacency index answers exactly what the edge table holds in the view it was built for, is
 * shared by views pinning the same table version, and a transaction's pending edges are applied to a
 * copy of it.
 */
class AdjacencyTest {
  @TempDir Path dir;

  private static TreeSet<String> out(Adjacency a, String node) {
    TreeSet<String> s = new TreeSet<>();
    a.outgoing(node, (edge, to) -> s.add(to));
    return s;
  }

  private static TreeSet<String> in(Adjacency a, String node) {
    TreeSet<String> s = new TreeSet<>();
    a.incoming(node, (edge, from) -> s.add(from));
    return s;
  }

  @Test
  void followsEdgesBothWaysAsTheEdgeTableHoldsThem() {
    try (Graph g = Fixtures.loaded(dir)) {
      EdgeType knows = g.catalog().edge("Knows").orElseThrow();
      Adjacency a = Adjacency.build(g.snapshot("main"), knows);
      assertEquals(3, a.edgeCount());
      assertEquals(new TreeSet<>(List.of("Bob", "Charlie")), out(a, "Alice"));
      assertEquals(new TreeSet<>(List.of("Diana")), out(a, "Bob"));
      assertEquals(new TreeSet<>(), out(a, "Diana"));
      assertEquals(new TreeSet<>(List.of("Bob")), in(a, "Diana"));
      assertEquals(new TreeSet<>(), in(a, "Nobody"));
    }
  }

  @Test
  void sharedByViewsOfOneTableVersionAndRebuiltForANewOne() {
    try (Graph g = Fixtures.loaded(dir)) {
      EdgeType knows = g.catalog().edge("Knows").orElseThrow();
      Adjacency first = g.adjacencies().of(g.snapshot("main"), knows);
      assertSame(first, g.adjacencies().of(g.snapshot("main"), knows));
      try (GraphTransaction tx = g.begin("main", "test")) {
        tx.insert("Knows", List.of(Fixtures.edge("Diana", "Alice")));
        tx.commit();
      }
      Adjacency next = g.adjacencies().of(g.snapshot("main"), knows);
      assertNotSame(first, next);
      assertEquals(new TreeSet<>(List.of("Alice")), out(next, "Diana"));
      assertEquals(new TreeSet<>(), out(first, "Diana"), "the older version's index is unchanged");
    }
  }

  private static String edgeId(Adjacency a, String from, String to) {
    List<String> found = new java.util.ArrayList<>();
    a.outgoing(from, (edge, target) -> {
      if (target.equals(to)) found.add(edge);
    });
    return found.get(0);
  }

  @Test
  void pendingDeletesAndRewrittenEndpointsApplyToTheCommittedIndex() {
    try (Graph g = Fixtures.loaded(dir)) {
      EdgeType knows = g.catalog().edge("Knows").orElseThrow();
      Adjacency committed = g.adjacencies().of(g.snapshot("main"), knows);
      try (GraphTransaction tx = g.begin("main", "test")) {
        tx.deleteById("Knows", List.of(edgeId(committed, "Alice", "Charlie")));
        tx.updateById("Knows", java.util.Map.of(edgeId(committed, "Bob", "Diana"), java.util.Map.of("dst", "Alice")));
        Adjacency pending = g.adjacencies().of(tx, knows);
        assertEquals(new TreeSet<>(List.of("Bob")), out(pending, "Alice"));
        assertEquals(new TreeSet<>(List.of("Alice")), out(pending, "Bob"));
        assertEquals(new TreeSet<>(), in(pending, "Diana"));
        assertEquals(new TreeSet<>(List.of("Bob")), in(pending, "Alice"));
        assertEquals(2, pending.edgeCount());
      }
      assertEquals(new TreeSet<>(List.of("Bob", "Charlie")), out(committed, "Alice"), "the committed index is untouched");
    }
  }

  @Test
  void aTransactionWithPendingEdgesSeesThemInAnIndexOfItsOwn() {
    try (Graph g = Fixtures.loaded(dir)) {
      EdgeType knows = g.catalog().edge("Knows").orElseThrow();
      Adjacency committed = g.adjacencies().of(g.snapshot("main"), knows);
      try (GraphTransaction tx = g.begin("main", "test")) {
        assertSame(committed, g.adjacencies().of(tx, knows), "no pending edges yet: the committed index");
        tx.insert("Knows", List.of(Fixtures.edge("Charlie", "Diana")));
        Adjacency pending = g.adjacencies().of(tx, knows);
        assertEquals(new TreeSet<>(List.of("Diana")), out(pending, "Charlie"));
        assertEquals(new TreeSet<>(List.of("Bob", "Charlie")), in(pending, "Diana"));
        tx.rollback();
      }
      assertSame(committed, g.adjacencies().of(g.snapshot("main"), knows));
      assertEquals(new TreeSet<>(), out(committed, "Charlie"));
    }
  }
}

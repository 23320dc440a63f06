package io.omnigraph.engine.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Identity columns get their BTREE indexes without ENSURE INDICES once a main table is big enough. */
class AutoIndexTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("omnigraph.autoIndexAtRows");
  }

  @Test
  void aTableThatGrowsPastTheThresholdGetsItsIdentityIndexesInTheBackground() throws Exception {
    System.setProperty("omnigraph.autoIndexAtRows", "6");
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      List<Map<String, Object>> people = new ArrayList<>();
      List<Map<String, Object>> knows = new ArrayList<>();
      for (int i = 0; i < 8; i++) people.add(Map.of("name", "p" + i));
      for (int i = 1; i < 8; i++) knows.add(Fixtures.edge("p0", "p" + i));
      write(g, tx -> tx.insert("Person", people));
      write(g, tx -> tx.insert("Knows", knows.subList(0, 3)));
      assertEquals(Map.of("id", "BTree"), Map.copyOf(waitForIndexes(g, "Person", Set.of("id"))),
          "only the identity column; the key's text index stays with ENSURE INDICES");
      assertTrue(indexed(g, "Knows").isEmpty(), "a table below the threshold is left alone");
      write(g, tx -> tx.insert("Knows", knows.subList(3, 7)));
      assertEquals(Set.of("id", "src", "dst"), waitForIndexes(g, "Knows", Set.of("id", "src", "dst")).keySet());
      assertEquals(8, g.snapshot("main").count("Person", Predicate.TRUE));
      assertEquals(7, g.snapshot("main").count("Knows", Predicate.TRUE));
      assertTrue(new TableIndexes(g.context().tables()).probe(ref(g, "Person"), "id = 'p3'").indicesLoaded() >= 1);
    }
  }

  private interface Write {
    void apply(GraphTransaction tx);
  }

  private static void write(Graph g, Write w) {
    try (GraphTransaction tx = g.begin("main", "w")) {
      w.apply(tx);
      tx.commit();
    }
  }

  private static TableRef ref(Graph g, String type) {
    return g.snapshot("main").ref(g.catalog().type(type).orElseThrow());
  }

  private static Map<String, String> indexed(Graph g, String type) {
    return new TableIndexes(g.context().tables()).indexedColumns(ref(g, type));
  }

  private static Map<String, String> waitForIndexes(Graph g, String type, Set<String> columns) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    Map<String, String> now = indexed(g, type);
    while (!now.keySet().containsAll(columns) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = indexed(g, type);
    }
    return now;
  }
}

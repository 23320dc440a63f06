package io.omnigraph.engine.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.storage.TableMaintenance;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoCompactionTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("omnigraph.autoCompactEvery");
  }

  private static void insert(Graph g, String name) {
    try (GraphTransaction tx = g.begin("main", "w")) {
      tx.insert("Person", List.of(Map.of("name", name)));
      tx.commit();
    }
  }

  private static boolean compactedByMaintenance(Graph g) {
    return g.commits("main").stream().anyMatch(c -> c.actorId() == null && c.parentCommitId() != null);
  }

  @Test
  void aTableThatKeepsGettingCommitsIsCompactedInTheBackground() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "5");
    String location = dir.resolve("g").toString();
    try (Graph g = Graph.init(location, Fixtures.schema())) {
      for (int i = 0; i < 12; i++) insert(g, "p" + i);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!compactedByMaintenance(g) && System.nanoTime() < deadline) Thread.sleep(50);
      assertTrue(compactedByMaintenance(g), "a compaction commit landed");
      for (int i = 12; i < 15; i++) insert(g, "p" + i);
    }
    // Closing waited for any compaction still running.
    try (Graph g = Graph.open(location, true)) {
      assertEquals(15, g.snapshot("main").count("Person", Predicate.TRUE));
      TableEntry person = g.snapshot("main").state().tables().stream()
          .filter(t -> t.tableKey().equals("node:Person")).findFirst().orElseThrow();
      assertEquals(person.version(), new TableMaintenance(g.context().tables()).head(g.context().store().uri(person.location())),
          "published equals HEAD");
      assertEquals(List.of(), g.context().recovery().pendingPaths());
    }
  }

  @Test
  void zeroSwitchesItOff() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "0");
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      for (int i = 0; i < 8; i++) insert(g, "p" + i);
      Thread.sleep(300);
      assertFalse(compactedByMaintenance(g));
    }
  }
}

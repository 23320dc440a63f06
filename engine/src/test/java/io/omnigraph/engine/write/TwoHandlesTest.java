package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.WriteConflict;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two handles on one directory stand for two processes: neither shares the other's locks, queues
 * or caches, only the files.
 */
class TwoHandlesTest {
  @TempDir Path dir;

  @Test
  void aWriterWhoseSchemaAnotherHandleChangedFailsRetryablyAndThenSeesTheNewSchema() {
    try (Graph a = Fixtures.loaded(dir); Graph b = Graph.open(a.location(), false)) {
      GraphTransaction stale = b.begin("main", "b");
      stale.insert("Person", List.of(Fixtures.person("Eve", 20)));
      a.applySchema(Fixtures.schema().replace("age: I32?", "age: I32?\n  nickname: String?"), false);

      assertThrows(WriteConflict.class, stale::commit);
      assertTrue(b.snapshot("main").get("Person", "Eve").isEmpty());
      try (GraphTransaction retry = b.begin("main", "b")) {
        Map<String, Object> eve = new HashMap<>(Fixtures.person("Eve", 20));
        eve.put("nickname", "E");
        retry.insert("Person", List.of(eve));
        retry.commit();
      }
      assertEquals("E", a.snapshot("main").get("Person", "Eve").orElseThrow().get("nickname"));
    }
  }

  @Test
  void insertsFromTwoHandlesIntoOneTableInterleaveAndBothLand() {
    try (Graph a = Fixtures.loaded(dir); Graph b = Graph.open(a.location(), false)) {
      GraphTransaction first = a.begin("main", "a");
      first.insert("Person", List.of(Fixtures.person("Eve", 20)));
      GraphTransaction second = b.begin("main", "b");
      second.insert("Person", List.of(Fixtures.person("Mallory", 40)));
      first.commit();
      second.commit();
      assertTrue(a.snapshot("main").get("Person", "Eve").isPresent());
      assertTrue(a.snapshot("main").get("Person", "Mallory").isPresent());
      assertEquals(a.snapshot("main").headCommitId(), b.snapshot("main").headCommitId());
    }
  }

  @Test
  void eachHandleReadsTheOthersCommitsIncrementallyAndAgreesWithAFreshRead() {
    try (Graph a = Fixtures.loaded(dir); Graph b = Graph.open(a.location(), false)) {
      for (int i = 0; i < 12; i++) {
        Graph writer = i % 3 == 0 ? b : a;
        try (GraphTransaction tx = writer.begin("main", "w")) {
          tx.insert("Person", List.of(Fixtures.person("P" + i, i)));
          if (i % 4 == 0) tx.update("Person", io.omnigraph.engine.read.Predicate.eq("name", "Alice"), Map.of("age", i));
          tx.commit();
        }
        a.snapshot("main");
        b.snapshot("main");
      }
      try (Graph fresh = Graph.open(a.location(), true)) {
        for (Graph g : List.of(a, b)) {
          assertEquals(List.copyOf(fresh.snapshot("main").state().tables()), List.copyOf(g.snapshot("main").state().tables()));
          assertEquals(fresh.snapshot("main").state().commits(), g.snapshot("main").state().commits());
          assertEquals(fresh.snapshot("main").headCommitId(), g.snapshot("main").headCommitId());
        }
        assertEquals(8, fresh.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
      }
    }
  }

  @Test
  void aHandleThatLooksAgainAfterOneVersionOrManyFindsTheNewest() {
    try (Graph a = Fixtures.loaded(dir); Graph b = Graph.open(a.location(), false)) {
      b.snapshot("main");
      for (int burst : List.of(1, 3, 4, 5, 11)) {
        for (int i = 0; i < burst; i++) {
          try (GraphTransaction tx = a.begin("main", "a")) {
            tx.insert("Person", List.of(Fixtures.person("B" + burst + "-" + i, i)));
            tx.commit();
          }
        }
        assertEquals(a.snapshot("main").manifestVersion(), b.snapshot("main").manifestVersion(), "after " + burst);
        assertEquals(a.snapshot("main").headCommitId(), b.snapshot("main").headCommitId());
        try (GraphTransaction tx = b.begin("main", "b")) {
          tx.insert("Person", List.of(Fixtures.person("Back" + burst, burst)));
          tx.commit();
        }
        assertEquals(b.snapshot("main").manifestVersion(), a.snapshot("main").manifestVersion());
      }
    }
  }
}

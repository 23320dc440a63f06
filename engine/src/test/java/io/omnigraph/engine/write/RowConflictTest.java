package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflicts are per row for reads by id: a transaction that read and rewrote some rows commits
 * after another commit changed other rows of the same table, and fails (40001) when another
 * commit changed, deleted or inserted one of its rows first. A read by any other predicate still
 * conflicts with any change to the table's rows, but not with maintenance (an index build, a
 * compaction) that gave the table a new version holding the same rows.
 */
class RowConflictTest {
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

  private void setAge(String id, int age) {
    try (GraphTransaction tx = g.begin("main", "other")) {
      tx.updateById("Person", Map.of(id, Map.of("age", age)));
      tx.commit();
    }
  }

  private int age(String id) {
    return ((Number) g.snapshot("main").get("Person", id).orElseThrow().get("age")).intValue();
  }

  @Test
  void disjointRowsOfOneTableCommitOneAfterTheOther() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.updateById("Person", Map.of("Alice", Map.of("age", 70)));
      setAge("Bob", 71);
      tx.commit();
    }
    assertEquals(70, age("Alice"));
    assertEquals(71, age("Bob"), "the other commit is kept");
  }

  @Test
  void theSameRowChangedFirstElsewhereFailsTheLaterCommit() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.update("Person", Predicate.eq("id", "Alice"), Map.of("age", 70));
      setAge("Alice", 72);
      assertThrows(WriteConflict.class, tx::commit);
    }
    assertEquals(72, age("Alice"), "first committer wins");
  }

  @Test
  void aRowDeletedOrInsertedElsewhereFailsTheLaterCommit() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.updateById("Person", Map.of("Charlie", Map.of("age", 70)));
      try (GraphTransaction other = g.begin("main", "other")) {
        other.deleteById("Person", List.of("Charlie"));
        other.commit();
      }
      assertThrows(WriteConflict.class, tx::commit);
    }
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.delete("Person", Predicate.eq("id", "Zoe"));
      tx.insert("Person", List.of(Fixtures.person("Yan", 30)));
      try (GraphTransaction other = g.begin("main", "other")) {
        other.insert("Person", List.of(Fixtures.person("Zoe", 20)));
        other.commit();
      }
      assertThrows(WriteConflict.class, tx::commit, "a row that appeared where the transaction found none");
    }
    assertTrue(g.snapshot("main").get("Person", "Zoe").isPresent());
  }

  @Test
  void aReadByAnotherPredicateStillConflictsWithAnyChangeToTheTable() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.update("Person", new Predicate.Compare("age", Predicate.Op.GT, 30), Map.of("age", 99));
      setAge("Bob", 71);
      assertThrows(WriteConflict.class, tx::commit);
    }
  }

  @Test
  void aReadByAnotherPredicateConflictsWithRowsInsertedOrDeletedElsewhere() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.update("Person", new Predicate.Compare("age", Predicate.Op.GT, 30), Map.of("age", 99));
      try (GraphTransaction other = g.begin("main", "other")) {
        other.insert("Person", List.of(Map.of("name", "Newcomer", "age", 44)));
        other.commit();
      }
      assertThrows(WriteConflict.class, tx::commit);
    }
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.update("Person", new Predicate.Compare("age", Predicate.Op.GT, 30), Map.of("age", 98));
      try (GraphTransaction other = g.begin("main", "other")) {
        other.removeById("Person", List.of("Newcomer"));
        other.commit();
      }
      assertThrows(WriteConflict.class, tx::commit);
    }
  }

  @Test
  void aReadByAnotherPredicateCommitsOverMaintenanceThatChangedNoRow() {
    java.util.Set<String> over30 = io.omnigraph.engine.Fixtures.ids(g.snapshot("main"), "Person",
        new Predicate.Compare("age", Predicate.Op.GT, 30));
    assertTrue(!over30.isEmpty());
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.update("Person", new Predicate.Compare("age", Predicate.Op.GT, 30), Map.of("age", 99));
      long before = g.snapshot("main").manifestVersion();
      g.ensureIndices("main");
      g.optimize();
      assertTrue(g.snapshot("main").manifestVersion() > before, "maintenance published new versions");
      assertTrue(tx.commit().isPresent());
    }
    for (String id : over30) assertEquals(99, age(id));
  }
}

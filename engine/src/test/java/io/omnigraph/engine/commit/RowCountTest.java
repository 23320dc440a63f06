package io.omnigraph.engine.commit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unfiltered count is answered from the row counts the manifest records: they must equal the
 * rows a scan finds after every kind of write, on main, on a branch, after a merge, in a
 * transaction's own view and in a snapshot of the past.
 */
class RowCountTest {
  @TempDir Path dir;

  @Test
  void recordedRowCountsMatchTheRowsAfterEveryKindOfWrite() {
    try (Graph g = Fixtures.loaded(dir)) {
      assertCountsMatch(g.snapshot("main"));
      long loaded = g.snapshot("main").manifestVersion();
      write(g, "main", tx -> tx.insert("Person", List.of(Fixtures.person("Eve", 41), Fixtures.person("Finn", 19))));
      write(g, "main", tx -> tx.update("Person", Predicate.eq("name", "Eve"), Map.of("age", 42)));
      write(g, "main", tx -> tx.delete("Person", Predicate.eq("name", "Bob")));
      assertCountsMatch(g.snapshot("main"));

      g.createBranch("feature", "main");
      write(g, "feature", tx -> tx.insert("Company", List.of(Map.of("name", "Initech"))));
      write(g, "feature", tx -> tx.delete("Person", Predicate.eq("name", "Alice")));
      assertCountsMatch(g.snapshot("feature"));
      write(g, "main", tx -> tx.upsert("Person", List.of(Fixtures.person("Gus", 50), Fixtures.person("Eve", 43))));
      g.merge("feature", "main", "test");
      assertCountsMatch(g.snapshot("main"));

      try (GraphTransaction tx = g.begin("main", null)) {
        tx.insert("Person", List.of(Fixtures.person("Hana", 33)));
        tx.delete("Company", Predicate.TRUE);
        assertCountsMatch(tx);
        tx.rollback();
      }
      assertCountsMatch(g.snapshotAt("main", loaded));
      assertEquals(4, g.snapshotAt("main", loaded).count("Person", Predicate.TRUE));
    }
  }

  private static void assertCountsMatch(ReadView view) {
    for (EntityType t : view.catalog().allTypes()) {
      assertEquals(Fixtures.ids(view, t.name()).size(), view.count(t.name(), Predicate.TRUE), t.name());
    }
  }

  private interface Write {
    void apply(GraphTransaction tx);
  }

  private static void write(Graph g, String branch, Write w) {
    try (GraphTransaction tx = g.begin(branch, "test")) {
      w.apply(tx);
      tx.commit();
    }
  }
}

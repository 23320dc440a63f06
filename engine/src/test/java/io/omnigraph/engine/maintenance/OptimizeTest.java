package io.omnigraph.engine.maintenance;

import static io.omnigraph.engine.Fixtures.ids;
import static io.omnigraph.engine.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.recovery.RecoveryRequired;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** optimize on the fixture graph (SPEC §9): compaction, index folding, drift and pending recovery. */
class OptimizeTest extends MaintenanceFixture {
  @Test
  void optimizeCompactsSmallFragmentsAndFoldsNewRowsIntoIndexes() {
    maintenance.ensureIndices("main");
    for (String name : List.of("Eve", "Frank", "Gina")) insert("main", name);
    assertTrue(indexes.unindexedRows(ref("main", "Person")) > 0);
    long before = gmv("main");

    OptimizeResult r = maintenance.optimize();

    assertEquals(before + 1, r.manifestVersion().orElseThrow());
    TableOptimizeStats person = r.tables().stream().filter(t -> t.typeKey().equals("node:Person")).findFirst().orElseThrow();
    assertTrue(person.committed());
    assertTrue(person.fragmentsRemoved() > 1, person.toString());
    assertEquals(entry("main", "Person").version(), person.publishedDatasetVersion());
    assertEquals(person.publishedDatasetVersion(), person.lanceHeadVersion());
    assertEquals(0, indexes.unindexedRows(ref("main", "Person")));
    assertEquals(List.of("Alice", "Bob", "Charlie", "Diana", "Eve", "Frank", "Gina"),
        List.copyOf(ids(g.snapshot("main"), "Person")));
    assertTrue(indexes.probe(ref("main", "Person"), "id = 'Gina'").indicesLoaded() >= 1);

    OptimizeResult again = maintenance.optimize();
    assertTrue(again.manifestVersion().isEmpty(), again.toString());
    assertEquals(before + 1, gmv("main"));
  }

  @Test
  void optimizeRebuildsATextIndexWhoseIndexedRowsWereUpdated() {
    // The sequence that made Lance 7.0.0 abort the JVM while merging new rows into the text index.
    updateAliceFiveTimes();
    maintenance.ensureIndices("main");
    assertTrue(indexes.indexedColumns(ref("main", "Person")).get("name").toLowerCase(Locale.ROOT).contains("inverted"));
    updateAliceFiveTimes();
    for (int round = 0; round < 3; round++) {
      maintenance.optimize();
      updateAliceFiveTimes();
      maintenance.optimize();
      assertEquals(0, indexes.unindexedRows(ref("main", "Person")), "round " + round);
    }
    assertEquals(1, indexes.probe(ref("main", "Person"), "name = 'Alice'").rowsMatched());
  }

  private void updateAliceFiveTimes() {
    for (int i = 0; i < 5; i++) {
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.update("Person", Predicate.eq("name", "Alice"), Map.of("age", i));
        tx.commit();
      }
    }
  }

  @Test
  void optimizeSkipsATableWhoseHeadIsAheadOfTheManifest() {
    TableEntry person = entry("main", "Person");
    String uri = g.context().store().uri(person.location());
    long drifted = g.context().tables().restore(uri, null, person.version());
    OptimizeResult r = maintenance.optimize();
    TableOptimizeStats stats = r.tables().stream().filter(t -> t.typeKey().equals("node:Person")).findFirst().orElseThrow();
    assertTrue(stats.skipped());
    assertEquals(person.version(), stats.publishedDatasetVersion());
    assertEquals(drifted, stats.lanceHeadVersion());
    assertEquals(person.version(), entry("main", "Person").version());
    TableCleanupStats cleaned = maintenance.cleanup(1).tables().stream()
        .filter(t -> t.typeKey().equals("node:Person")).findFirst().orElseThrow();
    assertTrue(cleaned.error().contains("ahead of the manifest pin"), cleaned.toString());
  }

  @Test
  void optimizeAndCleanupRefuseWhileRecoveryIsPending() {
    g.context().store().write("__recovery/01J000000000000000000000AA.json", "{}");
    assertThrows(RecoveryRequired.class, () -> maintenance.optimize());
    assertThrows(RecoveryRequired.class, () -> maintenance.cleanup(1));
  }
}

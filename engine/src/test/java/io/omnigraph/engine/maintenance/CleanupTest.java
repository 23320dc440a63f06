package io.omnigraph.engine.maintenance;

import static io.omnigraph.engine.Fixtures.ids;
import static io.omnigraph.engine.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.storage.TableStore;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cleanup on the fixture graph (SPEC §9): the kept window, branch pins and orphan forks. */
class CleanupTest {
  @TempDir Path dir;
  Graph g;
  Maintenance maintenance;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
    maintenance = new Maintenance(g.context());
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private TableEntry entry(String branch, String type) {
    return g.snapshot(branch).entry(g.catalog().type(type).orElseThrow());
  }

  private TableRef ref(String branch, String type) {
    return g.snapshot(branch).ref(g.catalog().type(type).orElseThrow());
  }

  private void insert(String branch, String name) {
    try (GraphTransaction tx = g.begin(branch, null)) {
      tx.insert("Person", List.of(person(name, 40)));
      tx.commit();
    }
  }

  @Test
  void cleanupKeepsTheWindowAndWhatLiveBranchesPin() {
    TableEntry loaded = entry("main", "Person");
    g.createBranch("feature", "main");
    for (String name : List.of("Eve", "Frank", "Gina")) insert("main", name);
    TableEntry head = entry("main", "Person");
    TableEntry knows = entry("main", "Knows");

    CleanupResult r = maintenance.cleanup(1);

    TableCleanupStats person = r.tables().stream().filter(t -> t.typeKey().equals("node:Person")).findFirst().orElseThrow();
    assertNull(person.error());
    assertEquals(loaded.version(), person.keptFrom(), "feature still pins the loaded version");
    assertTrue(person.oldVersionsRemoved() > 0, person.toString());
    assertEquals(4, ids(g.snapshot("feature"), "Person").size());
    assertEquals(7, ids(g.snapshot("main"), "Person").size());
    assertEquals(knows.version(), entry("main", "Knows").version());
    assertEquals(3, ids(g.snapshot("main"), "Knows").size());

    g.deleteBranch("feature");
    CleanupResult after = maintenance.cleanup(1);
    TableCleanupStats again = after.tables().stream().filter(t -> t.typeKey().equals("node:Person")).findFirst().orElseThrow();
    assertEquals(head.version(), again.keptFrom());
    assertTrue(again.oldVersionsRemoved() > 0);
    TableRef reclaimed = new TableRef(g.context().store().uri(loaded.location()), null, loaded.version());
    try (TableStore fresh = new TableStore(g.context().tables().allocator())) {
      assertThrows(RuntimeException.class, () -> fresh.count(reclaimed, null), "the version is gone");
    }
    assertEquals(7, ids(g.snapshot("main"), "Person").size());
  }

  @Test
  void cleanupReclaimsForksOfDeletedBranches() {
    g.context().tables().fork(ref("main", "Person"), "ghost");
    CleanupResult r = maintenance.cleanup(3);
    assertEquals(1, r.forksRemoved());
    assertFalse(g.context().tables().branches(ref("main", "Person").uri()).contains("ghost"));
  }

  @Test
  void cleanupNeedsAtLeastOneVersion() {
    assertThrows(io.omnigraph.engine.error.OmniGraphException.class, () -> maintenance.cleanup(0));
  }
}

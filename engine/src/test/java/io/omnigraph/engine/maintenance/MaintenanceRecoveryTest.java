package io.omnigraph.engine.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.recovery.FailpointTriggered;
import io.omnigraph.engine.recovery.RecoveryAudit;
import io.omnigraph.engine.recovery.RecoveryKind;
import io.omnigraph.engine.recovery.RecoveryRecord;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A maintenance writer that dies between its table commits and its publish is rolled forward. */
class MaintenanceRecoveryTest {
  @TempDir Path dir;
  Graph g;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private TableEntry person() {
    return g.snapshot("main").entry(g.catalog().node("Person").orElseThrow());
  }

  private void reopen() {
    g.close();
    g = Graph.open(dir.resolve("g").toString(), false);
  }

  @Test
  void anIndexBuildInterruptedBeforeItsPublishIsPublishedOnReopen() {
    long before = g.snapshot("main").manifestVersion();
    long pinned = person().version();
    g.context().failpoints().arm(MaintenanceCommit.BEFORE_PUBLISH);
    assertThrows(FailpointTriggered.class, () -> new Maintenance(g.context()).ensureIndices("main"));
    assertEquals(before, g.snapshot("main").manifestVersion());
    assertEquals(1, g.context().recovery().pendingPaths().size());

    reopen();

    assertEquals(before + 1, g.snapshot("main").manifestVersion());
    assertEquals(pinned + 1, person().version());
    TableIndexes indexes = new TableIndexes(g.context().tables());
    assertTrue(indexes.indexedColumns(g.snapshot("main").ref(g.catalog().node("Person").orElseThrow())).containsKey("id"));
    List<RecoveryRecord> audit = new RecoveryAudit(g.context()).recoveries();
    assertEquals(RecoveryKind.RolledForward, audit.get(audit.size() - 1).kind());
    assertTrue(new Maintenance(g.context()).ensureIndices("main").manifestVersion().isEmpty());
  }

  @Test
  void anOptimizeInterruptedBeforeItsPublishIsPublishedOnReopen() {
    for (String name : List.of("Eve", "Frank")) {
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.insert("Person", List.of(Fixtures.person(name, 50)));
        tx.commit();
      }
    }
    long before = g.snapshot("main").manifestVersion();
    g.context().failpoints().arm(MaintenanceCommit.BEFORE_PUBLISH);
    assertThrows(FailpointTriggered.class, () -> new Maintenance(g.context()).optimize());

    reopen();

    assertEquals(before + 1, g.snapshot("main").manifestVersion());
    String uri = g.context().store().uri(person().location());
    assertEquals(g.context().tables().latestVersion(uri, null), person().version(), "the compacted HEAD is published");
    assertEquals(6, Fixtures.ids(g.snapshot("main"), "Person").size());
    assertTrue(new Maintenance(g.context()).optimize().manifestVersion().isEmpty());
  }
}

package io.omnigraph.engine.recovery;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.interrupt;
import static io.omnigraph.engine.recovery.RecoveryFixtures.onlySidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.readJson;
import static io.omnigraph.engine.recovery.RecoveryFixtures.reopen;
import static io.omnigraph.engine.recovery.RecoveryFixtures.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delete-only mutations move tables through deletion vectors rather than new data files; a
 * cascading node delete moves three tables at once. Both must be recoverable either way.
 */
class DeleteRecoveryTest {
  @TempDir java.nio.file.Path dir;
  Graph g;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private void deleteAlice() {
    try (var tx = g.begin("main", "remover")) {
      tx.delete("Person", Predicate.eq("name", "Alice"));
      tx.commit();
    }
  }

  private static long edgesOf(Snapshot s, String node) {
    return s.count("Knows", Predicate.eq("src", node)) + s.count("Knows", Predicate.eq("dst", node))
        + s.count("WorksAt", Predicate.eq("src", node));
  }

  @Test
  void aCascadingDeleteInterruptedBeforePublishIsRolledForward() {
    assertTrue(edgesOf(g.snapshot("main"), "Alice") > 0);
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, this::deleteAlice);
    assertEquals(3, readJson(onlySidecar(root(g))).get("tables").size(), "Person, Knows and WorksAt are pinned");

    g = reopen(g);

    assertEquals(RecoveryKind.RolledForward, audit(g).get(0).kind());
    assertFalse(g.snapshot("main").get("Person", "Alice").isPresent());
    assertEquals(0, edgesOf(g.snapshot("main"), "Alice"));
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void aCascadingDeleteInterruptedAfterItsFirstTableIsRolledBackWithEveryRowBack() {
    Snapshot before = g.snapshot("main");
    long edges = edgesOf(before, "Alice");
    interrupt(g, Failpoints.COMMIT_AFTER_TABLE_COMMIT, this::deleteAlice);

    g = reopen(g);

    assertEquals(RecoveryKind.RolledBack, audit(g).get(0).kind());
    Snapshot after = g.snapshot("main");
    assertTrue(after.get("Person", "Alice").isPresent());
    assertEquals(edges, edgesOf(after, "Alice"));
    assertEquals(before.count("Person", Predicate.TRUE), after.count("Person", Predicate.TRUE));
    assertPublishedEqualsHead(g, "main");
    deleteAlice();
    assertFalse(g.snapshot("main").get("Person", "Alice").isPresent());
    assertEquals(0, edgesOf(g.snapshot("main"), "Alice"));
  }
}

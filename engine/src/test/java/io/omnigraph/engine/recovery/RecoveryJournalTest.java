package io.omnigraph.engine.recovery;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.entry;
import static io.omnigraph.engine.recovery.RecoveryFixtures.onlySidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.readJson;
import static io.omnigraph.engine.recovery.RecoveryFixtures.reopen;
import static io.omnigraph.engine.recovery.RecoveryFixtures.root;
import static io.omnigraph.engine.recovery.RecoveryFixtures.sidecars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.StagedWrite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sidecar API other writers (schema apply, index builds, optimize) use, driven the way such a
 * writer would: begin, commit tables directly, confirm, and either publish or fail.
 */
class RecoveryJournalTest {
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

  /** Commits one Person row straight to its table, as a maintenance writer would; returns the new version. */
  private long commitPersonRow(String name, String commitId) {
    Snapshot s = g.snapshot("main");
    EntityType person = s.type("Person");
    StagedWrite w = g.context().tables().stage(new io.omnigraph.engine.storage.TableRef(s.ref(person).uri(), null,
        g.context().tables().latestVersion(s.ref(person).uri(), null)), person, List.of(), false,
        List.of(Map.of("id", name, "name", name, "age", 1)));
    return g.context().tables().commit(w, Map.of(TableClassifier.COMMIT_ID_PROPERTY, commitId));
  }

  private TablePin personPin() {
    TableEntry e = entry(g, "main", "node:Person");
    return TablePin.of(e, null, e.version() + 1);
  }

  @Test
  void aLooseWriterThatConfirmedItsVersionIsRolledForwardAtThatVersion() {
    TablePin pin = personPin();
    JournalEntry op = g.context().recovery().begin(WriterKind.EnsureIndices, "main", "indexer", List.of(pin));
    commitPersonRow("Rewritten1", op.commitId());
    long last = commitPersonRow("Rewritten2", op.commitId());
    op.confirm(pin.identity(), last);
    assertEquals(last, readJson(onlySidecar(root(g))).get("tables").get(0).get("confirmed_version").asLong());

    g = reopen(g);

    TableEntry after = entry(g, "main", "node:Person");
    assertEquals(last, after.version());
    assertEquals(pin.expectedVersion() + 2, after.version());
    assertEquals(op.commitId(), g.snapshot("main").headCommitId());
    GraphCommit c = g.snapshot("main").state().commit(op.commitId());
    assertEquals("indexer", c.actorId());
    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledForward, r.kind());
    assertEquals(WriterKind.EnsureIndices, r.sidecarWriterKind());
    assertEquals(List.of(new TableOutcome("node:Person", pin.expectedVersion(), last)), r.perTableOutcomes());
    assertTrue(g.snapshot("main").get("Person", "Rewritten2").isPresent());
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void aSchemaApplyIsRolledBackEvenWhenEveryPinnedTableReachedItsVersion() {
    TablePin pin = personPin();
    JournalEntry op = g.context().recovery().begin(WriterKind.SchemaApply, "main", null, List.of(pin));
    op.confirm(pin.identity(), commitPersonRow("Migrated", op.commitId()));

    g = reopen(g);

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledBack, r.kind());
    assertEquals(WriterKind.SchemaApply, r.sidecarWriterKind());
    assertTrue(g.snapshot("main").get("Person", "Migrated").isEmpty(), "no half schema change is published");
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void aFailureBeforeAnyTableMovedRemovesTheSidecarAndKeepsTheError() {
    JournalEntry op = g.context().recovery().begin(WriterKind.EnsureIndices, "main", null, List.of(personPin()));
    assertEquals(1, sidecars(root(g)).size());
    IllegalStateException boom = new IllegalStateException("boom");
    assertSame(boom, op.failed(boom));
    assertEquals(List.of(), sidecars(root(g)));
  }

  @Test
  void aFailureAfterATableMovedIsRolledBackAtOnceAndBlocksNothing() {
    TablePin pin = personPin();
    String head = g.snapshot("main").headCommitId();
    JournalEntry op = g.context().recovery().begin(WriterKind.Optimize, "main", "gc", List.of(pin));
    long v = commitPersonRow("Compacted", op.commitId());
    op.committed(pin.identity(), v);
    IllegalStateException refused = new IllegalStateException("publish refused");
    assertSame(refused, op.failed(refused), "the caller sees its own error, not a request to recover");
    assertEquals(List.of(), sidecars(root(g)));

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledBack, r.kind());
    assertEquals(op.operationId(), r.operationId());
    assertTrue(g.snapshot("main").get("Person", "Compacted").isEmpty(), "nothing of the failed writer is visible");
    assertEquals(head, g.snapshot("main").state().commit(g.snapshot("main").headCommitId()).parentCommitId(),
        "one restoring commit");
    assertPublishedEqualsHead(g, "main");
    RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "someone");
    assertTrue(g.snapshot("main").get("Person", "Eve").isPresent());
  }

  @Test
  void aTableCommitThatFailedAfterLandingIsStillSeenAsAMove() {
    TablePin pin = personPin();
    JournalEntry op = g.context().recovery().begin(WriterKind.Optimize, "main", null, List.of(pin));
    commitPersonRow("Landed", op.commitId());
    IllegalStateException lost = new IllegalStateException("lost the reply");
    assertSame(lost, op.failed(lost));
    assertEquals(List.of(), sidecars(root(g)));
    assertEquals(RecoveryKind.RolledBack, audit(g).get(0).kind());
    assertTrue(g.snapshot("main").get("Person", "Landed").isEmpty());
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void anotherHandleLeavesALiveWritersSidecarAlone() {
    TablePin pin = personPin();
    JournalEntry op = g.context().recovery().begin(WriterKind.Optimize, "main", null, List.of(pin));
    long v = commitPersonRow("InFlight", op.commitId());
    op.committed(pin.identity(), v);
    try (Graph other = Graph.open(g.location(), false)) {
      assertEquals(List.of(), audit(other), "the owner is alive: its sidecar is not settled");
      assertEquals(1, sidecars(root(g)).size());
    }
    op.failed(new IllegalStateException("gave up"));
    assertEquals(List.of(), sidecars(root(g)));
  }

  @Test
  void finishDeletesTheSidecarAndAnIntentWithoutTablesWritesNone() {
    JournalEntry op = g.context().recovery().begin(WriterKind.Mutation, "main", null, List.of(personPin()));
    op.published();
    op.finish();
    assertEquals(List.of(), sidecars(root(g)));
    JournalEntry none = g.context().recovery().begin(WriterKind.Load, "main", null, List.of());
    assertEquals(List.of(), sidecars(root(g)));
    none.finish();
  }

}

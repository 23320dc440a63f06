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
import static org.junit.jupiter.api.Assertions.assertThrows;
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
  void aFailureAfterATableMovedKeepsTheSidecarAndBlocksThatTableUntilRecovery() {
    TablePin pin = personPin();
    JournalEntry op = g.context().recovery().begin(WriterKind.Optimize, "main", "gc", List.of(pin));
    long v = commitPersonRow("Compacted", op.commitId());
    op.committed(pin.identity(), v);
    RuntimeException thrown = op.failed(new IllegalStateException("publish refused"));
    RecoveryRequired required = assertInstanceOf(thrown);
    assertEquals(op.operationId(), required.operationId());
    assertEquals(1, sidecars(root(g)).size());

    RecoveryRequired blocked = assertThrows(RecoveryRequired.class,
        () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "someone"));
    assertEquals(op.operationId(), blocked.operationId());
    try (var tx = g.begin("main", "someone")) {
      tx.insert("Company", List.of(Map.of("name", "Unrelated Inc")));
      tx.commit();
    }

    g = reopen(g);

    assertEquals(RecoveryKind.RolledForward, audit(g).get(0).kind());
    assertEquals(v, entry(g, "main", "node:Person").version());
    assertTrue(g.snapshot("main").get("Company", "Unrelated Inc").isPresent(), "the roll-forward chains after it");
    assertPublishedEqualsHead(g, "main");
    RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "someone");
  }

  @Test
  void aTableCommitThatFailedAfterLandingIsStillSeenAsAMove() {
    TablePin pin = personPin();
    JournalEntry op = g.context().recovery().begin(WriterKind.Optimize, "main", null, List.of(pin));
    commitPersonRow("Landed", op.commitId());
    assertInstanceOf(op.failed(new IllegalStateException("lost the reply")));
    assertEquals(1, sidecars(root(g)).size());
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

  private static RecoveryRequired assertInstanceOf(RuntimeException e) {
    return org.junit.jupiter.api.Assertions.assertInstanceOf(RecoveryRequired.class, e);
  }
}

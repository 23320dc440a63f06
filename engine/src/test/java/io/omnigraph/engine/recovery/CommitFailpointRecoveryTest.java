package io.omnigraph.engine.recovery;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.commitsBy;
import static io.omnigraph.engine.recovery.RecoveryFixtures.interrupt;
import static io.omnigraph.engine.recovery.RecoveryFixtures.onlySidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.readJson;
import static io.omnigraph.engine.recovery.RecoveryFixtures.reopen;
import static io.omnigraph.engine.recovery.RecoveryFixtures.root;
import static io.omnigraph.engine.recovery.RecoveryFixtures.sidecars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One crash per window of the commit protocol, for mutations and for loads, each paired with the
 * recovery the next read-write open must make. The write touches two tables (Person first, then
 * Company), so the window after the first table commit leaves one table moved and one not.
 */
class CommitFailpointRecoveryTest {
  @TempDir Path dir;
  Graph g;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir, Fixtures.direct());
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  /** What the reopened graph must show for a crash at one failpoint. */
  enum Expect { NOTHING_TO_DO, ROLLED_BACK_NOTHING_MOVED, ROLLED_BACK, ROLLED_FORWARD, TIDIED }

  static Stream<Arguments> windows() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (WriterKind kind : List.of(WriterKind.Mutation, WriterKind.Load)) {
      b.add(Arguments.of(kind, Failpoints.COMMIT_AFTER_STAGE, Expect.NOTHING_TO_DO));
      b.add(Arguments.of(kind, Failpoints.COMMIT_AFTER_SIDECAR, Expect.ROLLED_BACK_NOTHING_MOVED));
      b.add(Arguments.of(kind, Failpoints.COMMIT_AFTER_TABLE_COMMIT, Expect.ROLLED_BACK));
      b.add(Arguments.of(kind, Failpoints.COMMIT_BEFORE_PUBLISH, Expect.ROLLED_FORWARD));
      b.add(Arguments.of(kind, Failpoints.COMMIT_AFTER_PUBLISH_BEFORE_SIDECAR_DELETE, Expect.TIDIED));
    }
    return b.build();
  }

  private void write(WriterKind kind, String name) {
    if (kind == WriterKind.Load) RecoveryFixtures.loadPersonAndCompany(g, "main", name, "writer");
    else RecoveryFixtures.mutatePersonAndCompany(g, "main", name, "writer");
  }

  @ParameterizedTest(name = "{0} interrupted at {1}")
  @MethodSource("windows")
  void anInterruptedWriterIsSettledByTheNextReadWriteOpen(WriterKind kind, String failpoint, Expect expect) {
    Snapshot before = g.snapshot("main");
    int commitsBefore = g.commits("main").size();
    interrupt(g, failpoint, () -> write(kind, "Eve"));

    ObjectNode sidecar = sidecars(root(g)).isEmpty() ? null : readJson(onlySidecar(root(g)));
    assertEquals(expect == Expect.NOTHING_TO_DO, sidecar == null, "a sidecar spans exactly the durable window");
    if (sidecar != null) {
      assertEquals(kind.name(), sidecar.get("writer_kind").asText());
      assertEquals("writer", sidecar.get("actor_id").asText());
      assertEquals(2, sidecar.get("tables").size());
    }
    boolean publishedBeforeCrash = expect == Expect.TIDIED;
    assertEquals(publishedBeforeCrash, g.snapshot("main").get("Person", "Eve").isPresent(),
        "only a landed publish makes the write visible");

    g = reopen(g);

    assertTrue(sidecars(root(g)).isEmpty(), "every sidecar is settled");
    assertPublishedEqualsHead(g, "main");
    Snapshot after = g.snapshot("main");
    List<RecoveryRecord> audit = audit(g);
    switch (expect) {
      case NOTHING_TO_DO -> {
        assertEquals(List.of(), audit);
        assertEquals(before.headCommitId(), after.headCommitId());
        assertFalse(after.get("Person", "Eve").isPresent());
      }
      case ROLLED_BACK_NOTHING_MOVED -> {
        RecoveryRecord r = only(audit, RecoveryKind.RolledBack, kind);
        assertEquals(before.headCommitId(), after.headCommitId(), "nothing moved, so nothing is published");
        assertEquals(before.headCommitId(), r.graphCommitId());
        r.perTableOutcomes().forEach(o -> assertEquals(o.fromVersion(), o.toVersion()));
        assertFalse(after.get("Person", "Eve").isPresent());
      }
      case ROLLED_BACK -> {
        RecoveryRecord r = only(audit, RecoveryKind.RolledBack, kind);
        List<GraphCommit> recoveryCommits = commitsBy(g, "main", SidecarResolver.RECOVERY_ACTOR);
        assertEquals(1, recoveryCommits.size());
        assertEquals(recoveryCommits.get(0).id(), r.graphCommitId());
        assertEquals(recoveryCommits.get(0).id(), after.headCommitId());
        TableOutcome person = outcome(r, "node:Person");
        assertEquals(person.toVersion() + 1, person.fromVersion(), "the audit shows the drift that was undone");
        TableOutcome company = outcome(r, "node:Company");
        assertEquals(company.toVersion(), company.fromVersion(), "the second table never moved");
        assertFalse(after.get("Person", "Eve").isPresent());
        assertFalse(after.get("Company", "Eve Inc").isPresent());
        assertEquals(before.count("Person", io.omnigraph.engine.read.Predicate.TRUE),
            after.count("Person", io.omnigraph.engine.read.Predicate.TRUE));
      }
      case ROLLED_FORWARD -> {
        RecoveryRecord r = only(audit, RecoveryKind.RolledForward, kind);
        String commitId = sidecar.get("commit_id").asText();
        assertEquals(commitId, r.graphCommitId());
        assertEquals(commitId, after.headCommitId(), "the writer's own commit id survives");
        GraphCommit c = after.state().commit(commitId);
        assertEquals("writer", c.actorId());
        assertEquals(before.headCommitId(), c.parentCommitId());
        assertNull(c.mergedParentCommitId());
        assertTrue(after.get("Person", "Eve").isPresent());
        assertTrue(after.get("Company", "Eve Inc").isPresent());
        r.perTableOutcomes().forEach(o -> assertEquals(o.fromVersion() + 1, o.toVersion()));
      }
      case TIDIED -> {
        only(audit, RecoveryKind.RolledForward, kind);
        assertEquals(commitsBefore + 1, g.commits("main").size(), "nothing is published twice");
        assertTrue(after.get("Person", "Eve").isPresent());
      }
    }

    write(kind, "Frank");
    assertTrue(g.snapshot("main").get("Person", "Frank").isPresent(), "the next write proceeds");
    assertPublishedEqualsHead(g, "main");
  }

  private static RecoveryRecord only(List<RecoveryRecord> audit, RecoveryKind kind, WriterKind writer) {
    assertEquals(1, audit.size(), audit.toString());
    RecoveryRecord r = audit.get(0);
    assertEquals(kind, r.kind());
    assertEquals(writer, r.sidecarWriterKind());
    assertEquals("writer", r.recoveryForActor());
    return r;
  }

  private static TableOutcome outcome(RecoveryRecord r, String tableKey) {
    return r.perTableOutcomes().stream().filter(o -> o.tableKey().equals(tableKey)).findFirst().orElseThrow();
  }
}

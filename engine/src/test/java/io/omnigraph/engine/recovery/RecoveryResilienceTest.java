package io.omnigraph.engine.recovery;

import io.omnigraph.engine.storage.StorageOptions;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.commitsBy;
import static io.omnigraph.engine.recovery.RecoveryFixtures.editSidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.entry;
import static io.omnigraph.engine.recovery.RecoveryFixtures.interrupt;
import static io.omnigraph.engine.recovery.RecoveryFixtures.onlySidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.openWithFailpoints;
import static io.omnigraph.engine.recovery.RecoveryFixtures.operationId;
import static io.omnigraph.engine.recovery.RecoveryFixtures.readJson;
import static io.omnigraph.engine.recovery.RecoveryFixtures.reopen;
import static io.omnigraph.engine.recovery.RecoveryFixtures.root;
import static io.omnigraph.engine.recovery.RecoveryFixtures.sidecars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery that is itself interrupted, several sidecars at once, and life after a roll-back. */
class RecoveryResilienceTest {
  @TempDir Path dir;
  Graph g;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir, Fixtures.direct());
  }

  @AfterEach
  void tearDown() {
    if (g != null) g.close();
  }

  @Test
  void aRollBackInterruptedAfterItsRestoresCompletesOnTheNextOpen() {
    interrupt(g, Failpoints.COMMIT_AFTER_TABLE_COMMIT, () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "w"));
    String location = g.location();
    g.close();
    g = null;
    assertThrows(FailpointTriggered.class, () -> openWithFailpoints(location, Failpoints.RECOVERY_AFTER_RESTORE));
    assertEquals(1, sidecars(Path.of(location)).size(), "the sidecar outlives the interrupted recovery");

    g = Graph.open(location, false, StorageOptions.NONE, Fixtures.direct());

    List<RecoveryRecord> records = audit(g);
    assertEquals(1, records.size());
    assertEquals(RecoveryKind.RolledBack, records.get(0).kind());
    assertEquals(1, commitsBy(g, "main", SidecarResolver.RECOVERY_ACTOR).size());
    assertFalse(g.snapshot("main").get("Person", "Eve").isPresent());
    assertPublishedEqualsHead(g, "main");
    RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "w");
    assertTrue(g.snapshot("main").get("Person", "Eve").isPresent());
  }

  @Test
  void aRecoveryInterruptedAfterItsPublishIsAuditedOnceAndNotRepeated() {
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "w"));
    String commitId = readJson(onlySidecar(root(g))).get("commit_id").asText();
    String location = g.location();
    g.close();
    g = null;
    assertThrows(FailpointTriggered.class, () -> openWithFailpoints(location, Failpoints.RECOVERY_AFTER_PUBLISH));

    g = Graph.open(location, false, StorageOptions.NONE, Fixtures.direct());

    List<RecoveryRecord> records = audit(g);
    assertEquals(1, records.size());
    assertEquals(RecoveryKind.RolledForward, records.get(0).kind());
    assertEquals(commitId, g.snapshot("main").headCommitId());
    assertEquals(1, g.commits("main").stream().filter(c -> c.id().equals(commitId)).count());
    assertEquals(List.of(), sidecars(root(g)));
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void laterSidecarsAreJudgedOnTheStateEarlierOnesLeft() {
    String head = g.snapshot("main").headCommitId();
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, () -> {
      try (var tx = g.begin("main", "first")) {
        tx.insert("Person", List.of(Fixtures.person("Eve", 20)));
        tx.commit();
      }
    });
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, () -> {
      try (var tx = g.begin("main", "second")) {
        tx.insert("Company", List.of(java.util.Map.of("name", "Initech")));
        tx.commit();
      }
    });
    // The second writer settled the first one's sidecar when it took the branch, before crashing itself.
    List<Path> left = sidecars(root(g));
    assertEquals(1, left.size());
    String first = audit(g).get(0).operationId();

    g = reopen(g);

    List<RecoveryRecord> records = audit(g);
    assertEquals(List.of(first, operationId(left.get(0))),
        records.stream().map(RecoveryRecord::operationId).toList(), "settled in the order the writers ran");
    records.forEach(r -> assertEquals(RecoveryKind.RolledForward, r.kind()));
    GraphCommit second = g.snapshot("main").state().commit(records.get(1).graphCommitId());
    assertEquals(records.get(0).graphCommitId(), second.parentCommitId(), "the second publish saw the first");
    assertEquals(head, g.snapshot("main").state().commit(records.get(0).graphCommitId()).parentCommitId());
    assertTrue(g.snapshot("main").get("Person", "Eve").isPresent());
    assertTrue(g.snapshot("main").get("Company", "Initech").isPresent());
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void aSidecarWhoseTableHeadWasMadeByAnotherCommitIsRolledBack() {
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "w"));
    editSidecar(onlySidecar(root(g)), json -> json.put("commit_id", "01SOMEONEELSESCOMMIT000000"));

    g = reopen(g);

    assertEquals(RecoveryKind.RolledBack, audit(g).get(0).kind());
    assertFalse(g.snapshot("main").get("Person", "Eve").isPresent());
    assertPublishedEqualsHead(g, "main");
  }

  @Test
  void aTableBehindItsPinStopsTheOpenAndKeepsTheSidecar() throws Exception {
    for (String name : List.of("A1", "A2")) {
      try (var tx = g.begin("main", "w")) {
        tx.insert("Person", List.of(Fixtures.person(name, 1)));
        tx.commit();
      }
    }
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "w"));
    Path sidecar = onlySidecar(root(g));
    // Points the Person pin at a table whose HEAD is behind Person's manifest pin, as corruption would.
    String behind = entry(g, "main", "edge:WorksAt").location();
    assertTrue(RecoveryFixtures.head(g, entry(g, "main", "edge:WorksAt"), null) < entry(g, "main", "node:Person").version());
    editSidecar(sidecar, json -> ((ObjectNode) json.withArray("tables").get(0)).put("table_path", behind));
    String location = g.location();
    g.close();
    g = null;

    RecoveryRequired e = assertThrows(RecoveryRequired.class, () -> Graph.open(location, false,
        StorageOptions.NONE, Fixtures.direct()));
    assertTrue(e.getMessage().contains("InvariantViolation"), e.getMessage());
    assertTrue(e.getMessage().contains("behind its manifest pin"), e.getMessage());
    assertTrue(Files.exists(sidecar));
    try (Graph readOnly = Graph.open(location, true, StorageOptions.NONE, Fixtures.direct())) {
      assertFalse(readOnly.snapshot("main").get("Person", "Eve").isPresent());
    }
  }

  @Test
  void aRolledBackTableKeepsTakingWrites() {
    interrupt(g, Failpoints.COMMIT_AFTER_TABLE_COMMIT, () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "w"));
    g = reopen(g);
    for (int i = 0; i < 5; i++) {
      RecoveryFixtures.mutatePersonAndCompany(g, "main", "P" + i, "w");
      assertPublishedEqualsHead(g, "main");
    }
    try (var tx = g.begin("main", "w")) {
      tx.delete("Person", Predicate.eq("name", "P0"));
      tx.commit();
    }
    g = reopen(g);
    assertEquals(4 + 4, g.snapshot("main").count("Person", Predicate.TRUE));
    assertFalse(g.snapshot("main").get("Person", "Eve").isPresent());
    assertEquals(1, audit(g).size(), "nothing left to recover after normal writes");
    assertPublishedEqualsHead(g, "main");
  }
}

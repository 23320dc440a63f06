package io.omnigraph.engine.recovery;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.entry;
import static io.omnigraph.engine.recovery.RecoveryFixtures.head;
import static io.omnigraph.engine.recovery.RecoveryFixtures.interrupt;
import static io.omnigraph.engine.recovery.RecoveryFixtures.onlySidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.readJson;
import static io.omnigraph.engine.recovery.RecoveryFixtures.reopen;
import static io.omnigraph.engine.recovery.RecoveryFixtures.root;
import static io.omnigraph.engine.recovery.RecoveryFixtures.sidecars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sidecars of feature-branch writers are judged against that branch's manifest and that branch's
 * Lance forks, never main's (a main-only check sees no movement and strands the branch's drift).
 */
class BranchRecoveryTest {
  @TempDir Path dir;
  Graph g;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
    g.createBranch("feature", "main");
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  @Test
  void aFeatureWriterInterruptedBeforePublishIsRolledForwardOnItsBranch() {
    TableEntry inherited = entry(g, "feature", "node:Person");
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH,
        () -> RecoveryFixtures.mutatePersonAndCompany(g, "feature", "Eve", "dev"));
    ObjectNode json = readJson(onlySidecar(root(g)));
    assertEquals("feature", json.get("branch").asText());
    json.withArray("tables").forEach(t -> assertEquals("feature", t.get("table_branch").asText()));
    // Main moves meanwhile on the same tables: its HEADs must not be mistaken for the feature's.
    RecoveryFixtures.mutatePersonAndCompany(g, "main", "Mallory", "other");

    g = reopen(g);

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledForward, r.kind());
    TableEntry person = entry(g, "feature", "node:Person");
    assertEquals("feature", person.tableBranch());
    assertEquals(inherited.version() + 1, person.version());
    assertEquals(head(g, person, "feature"), person.version());
    assertTrue(g.snapshot("feature").get("Person", "Eve").isPresent());
    assertFalse(g.snapshot("feature").get("Person", "Mallory").isPresent());
    assertFalse(g.snapshot("main").get("Person", "Eve").isPresent());
    assertEquals(json.get("commit_id").asText(), g.snapshot("feature").headCommitId());
    assertPublishedEqualsHead(g, "feature");
    assertPublishedEqualsHead(g, "main");
    RecoveryFixtures.mutatePersonAndCompany(g, "feature", "Frank", "dev");
    assertTrue(g.snapshot("feature").get("Person", "Frank").isPresent());
  }

  @Test
  void aFeatureWriterInterruptedBetweenTablesIsRolledBackOnItsForks() {
    long mainPerson = entry(g, "main", "node:Person").version();
    interrupt(g, Failpoints.COMMIT_AFTER_TABLE_COMMIT,
        () -> RecoveryFixtures.mutatePersonAndCompany(g, "feature", "Eve", "dev"));

    g = reopen(g);

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledBack, r.kind());
    assertEquals("dev", r.recoveryForActor());
    assertFalse(g.snapshot("feature").get("Person", "Eve").isPresent());
    assertFalse(g.snapshot("feature").get("Company", "Eve Inc").isPresent());
    assertEquals(4, g.snapshot("feature").count("Person", io.omnigraph.engine.read.Predicate.TRUE));
    TableEntry person = entry(g, "feature", "node:Person");
    assertEquals("feature", person.tableBranch(), "the restored fork is what the branch now pins");
    assertEquals(head(g, person, "feature"), person.version());
    assertEquals(mainPerson, entry(g, "main", "node:Person").version(), "main is untouched");
    assertEquals(mainPerson, head(g, entry(g, "main", "node:Person"), null));
    assertPublishedEqualsHead(g, "feature");
    RecoveryFixtures.mutatePersonAndCompany(g, "feature", "Eve", "dev");
    assertTrue(g.snapshot("feature").get("Company", "Eve Inc").isPresent());
    assertPublishedEqualsHead(g, "feature");
  }

  @Test
  void aSidecarOfADeletedBranchIsDiscardedWithoutTouchingMain() {
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH,
        () -> RecoveryFixtures.mutatePersonAndCompany(g, "feature", "Eve", "dev"));
    String head = g.snapshot("main").headCommitId();
    g.deleteBranch("feature");

    g = reopen(g);

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.OrphanedBranchDiscarded, r.kind());
    assertEquals(List.of(), r.perTableOutcomes());
    assertEquals(List.of(), sidecars(root(g)));
    assertEquals(head, g.snapshot("main").headCommitId());
    assertEquals(List.of("main"), g.branches());
    assertPublishedEqualsHead(g, "main");
  }
}

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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.merge.BranchMerge;
import io.omnigraph.engine.merge.MergeOutcome;
import io.omnigraph.engine.merge.MergeResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted branch merge recovers as a merge: rolled forward it keeps its merged parent (so
 * merging the same pair again is already up to date); rolled back, the merge can simply be rerun.
 */
class MergeRecoveryTest {
  @TempDir Path dir;
  Graph g;
  String featureHead;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
    g.createBranch("feature", "main");
    RecoveryFixtures.mutatePersonAndCompany(g, "feature", "Zed", "dev");
    featureHead = g.snapshot("feature").headCommitId();
    try (var tx = g.begin("main", "ops")) {
      tx.insert("Company", List.of(Map.of("name", "Mainline Inc")));
      tx.commit();
    }
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private MergeResult merge() {
    return new BranchMerge(g.context()).merge("feature", "main", "merger", false);
  }

  @Test
  void aMergeInterruptedBeforePublishIsRolledForwardWithItsMergedParent() {
    String mainHead = g.snapshot("main").headCommitId();
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, this::merge);
    ObjectNode json = readJson(onlySidecar(root(g)));
    assertEquals("BranchMerge", json.get("writer_kind").asText());
    assertEquals(featureHead, json.get("merge_source_commit_id").asText());
    // The pins name the lineage the merge commits on (the target's), not where the source's rows live.
    json.withArray("tables").forEach(t -> assertFalse(t.has("table_branch"), t.toString()));

    g = reopen(g);

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledForward, r.kind());
    assertEquals(WriterKind.BranchMerge, r.sidecarWriterKind());
    GraphCommit c = g.snapshot("main").state().commit(r.graphCommitId());
    assertEquals(json.get("commit_id").asText(), c.id());
    assertEquals(featureHead, c.mergedParentCommitId());
    assertEquals(mainHead, c.parentCommitId());
    assertEquals("merger", c.actorId());
    assertTrue(g.snapshot("main").get("Person", "Zed").isPresent());
    assertTrue(g.snapshot("main").get("Company", "Mainline Inc").isPresent());
    assertPublishedEqualsHead(g, "main");
    assertEquals(MergeOutcome.ALREADY_UP_TO_DATE, merge().outcome());
  }

  @Test
  void aMergeInterruptedBetweenTablesIsRolledBackAndCanBeRerun() {
    String mainHead = g.snapshot("main").headCommitId();
    interrupt(g, Failpoints.COMMIT_AFTER_TABLE_COMMIT, this::merge);

    g = reopen(g);

    RecoveryRecord r = audit(g).get(0);
    assertEquals(RecoveryKind.RolledBack, r.kind());
    assertEquals("merger", r.recoveryForActor());
    assertEquals(mainHead, g.snapshot("main").state().commit(r.graphCommitId()).parentCommitId());
    assertFalse(g.snapshot("main").get("Person", "Zed").isPresent());
    assertFalse(g.snapshot("main").get("Company", "Zed Inc").isPresent());
    assertPublishedEqualsHead(g, "main");

    MergeResult again = merge();
    assertEquals(MergeOutcome.MERGED, again.outcome());
    assertEquals(featureHead, g.snapshot("main").state().commit(again.commitId()).mergedParentCommitId());
    assertTrue(g.snapshot("main").get("Company", "Zed Inc").isPresent());
    assertPublishedEqualsHead(g, "main");
  }
}

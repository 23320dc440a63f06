package io.omnigraph.engine.merge;

import static io.omnigraph.engine.merge.MergeFixtures.ages;
import static io.omnigraph.engine.merge.MergeFixtures.edges;
import static io.omnigraph.engine.merge.MergeFixtures.knows;
import static io.omnigraph.engine.merge.MergeFixtures.person;
import static io.omnigraph.engine.merge.MergeFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchMergeTest {
  @TempDir Path dir;
  Graph g;
  BranchMerge merge;

  @BeforeEach
  void setUp() {
    g = MergeFixtures.people(dir.resolve("g"));
    g.createBranch("feature", "main");
    merge = new BranchMerge(g.context());
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private void setAge(String branch, String name, int age) {
    write(g, branch, tx -> tx.update("Person", Predicate.eq("name", name), Map.of("age", age)));
  }

  @Test
  void fastForwardAppendsOneCommitWithBothParentsAndLeavesTheSourceAlone() {
    write(g, "feature", tx -> tx.insert("Person", List.of(person("Eve", 21))));
    String mainHead = g.snapshot("main").headCommitId();
    long mainVersion = g.snapshot("main").manifestVersion();
    String featureHead = g.snapshot("feature").headCommitId();
    long featureVersion = g.snapshot("feature").manifestVersion();

    MergeResult r = merge.merge("feature", "main", "merger", false);

    assertEquals(MergeOutcome.FAST_FORWARD, r.outcome());
    GraphCommit head = g.commits("main").get(0);
    assertEquals(r.commitId(), head.id());
    assertEquals(mainHead, head.parentCommitId());
    assertEquals(featureHead, head.mergedParentCommitId());
    assertEquals("merger", head.actorId());
    assertEquals(mainVersion + 1, g.snapshot("main").manifestVersion(), "one manifest version per merge");
    assertEquals(ages(g.snapshot("feature")), ages(g.snapshot("main")));
    assertEquals(featureHead, g.snapshot("feature").headCommitId());
    assertEquals(featureVersion, g.snapshot("feature").manifestVersion());
  }

  @Test
  void mergingTheSamePairAgainIsAlreadyUpToDate() {
    setAge("feature", "Alice", 31);
    setAge("main", "Dan", 51);
    assertEquals(MergeOutcome.MERGED, merge.merge("feature", "main", null, false).outcome());
    String head = g.snapshot("main").headCommitId();
    MergeResult again = merge.merge("feature", "main", null, false);
    assertEquals(MergeOutcome.ALREADY_UP_TO_DATE, again.outcome());
    assertNull(again.commitId());
    assertEquals(head, g.snapshot("main").headCommitId());
  }

  @Test
  void mergingTheTargetBackIntoTheSourceFastForwards() {
    setAge("feature", "Alice", 31);
    setAge("main", "Dan", 51);
    merge.merge("feature", "main", null, false);
    MergeResult back = merge.merge("main", "feature", null, false);
    assertEquals(MergeOutcome.FAST_FORWARD, back.outcome());
    assertEquals(ages(g.snapshot("main")), ages(g.snapshot("feature")));
  }

  @Test
  void aLaterMergeTakesOnlyWhatTheSourceChangedSinceTheLastOne() {
    setAge("feature", "Alice", 31);
    setAge("main", "Dan", 51);
    merge.merge("feature", "main", null, false);
    // Main changes Alice after taking feature's Alice: the merge base is now feature's merged head,
    // so feature's old change to Alice is no longer a change and cannot conflict.
    setAge("main", "Alice", 33);
    setAge("feature", "Bob", 26);
    MergeResult r = merge.merge("feature", "main", null, false);
    assertEquals(MergeOutcome.MERGED, r.outcome());
    assertEquals(Map.of("Alice", 33, "Bob", 26, "Carol", 40, "Dan", 51), ages(g.snapshot("main")));
  }

  @Test
  void aBaseReachedOnlyThroughAMergedParentStillMergesCorrectly() {
    setAge("feature", "Alice", 31);
    setAge("main", "Dan", 51);
    merge.merge("feature", "main", null, false);
    setAge("feature", "Bob", 26);
    setAge("main", "Carol", 41);
    // Main's history lists feature's commits only as a merged parent, so the base is not on main's
    // own manifest: the rows are compared in full rather than by version stamp.
    MergeResult r = merge.merge("main", "feature", null, false);
    assertEquals(MergeOutcome.MERGED, r.outcome());
    assertEquals(Map.of("Alice", 31, "Bob", 26, "Carol", 41, "Dan", 51), ages(g.snapshot("feature")));
  }

  @Test
  void mergesIntoABranchOtherThanMain() {
    g.createBranch("release", "main");
    setAge("feature", "Alice", 31);
    write(g, "release", tx -> tx.insert("Knows", List.of(knows("Dan", "Alice"))));
    String mainHead = g.snapshot("main").headCommitId();

    MergeResult r = merge.merge("feature", "release", null, false);

    assertEquals(MergeOutcome.MERGED, r.outcome());
    GraphCommit head = g.commits("release").get(0);
    assertEquals(r.commitId(), head.id());
    assertEquals("release", head.branch());
    assertEquals(31, ages(g.snapshot("release")).get("Alice"));
    assertEquals(List.of("Bob>Carol", "Dan>Alice"), edges(g.snapshot("release"), "Knows"));
    assertEquals(mainHead, g.snapshot("main").headCommitId(), "main is not touched");
    assertEquals(30, ages(g.snapshot("main")).get("Alice"));
  }

  @Test
  void aMergeWithNoNetChangeStillAppendsItsCommit() {
    write(g, "feature", tx -> tx.delete("Person", Predicate.eq("name", "Dan")));
    write(g, "main", tx -> tx.delete("Person", Predicate.eq("name", "Dan")));
    Map<String, Object> before = ages(g.snapshot("main"));
    MergeResult r = merge.merge("feature", "main", null, false);
    assertEquals(MergeOutcome.MERGED, r.outcome());
    assertEquals(r.commitId(), g.snapshot("main").headCommitId());
    assertEquals(before, ages(g.snapshot("main")));
  }

  @Test
  void aDryRunReportsTheOutcomeAndPublishesNothing() {
    setAge("feature", "Alice", 31);
    setAge("main", "Dan", 51);
    String head = g.snapshot("main").headCommitId();
    long version = g.snapshot("main").manifestVersion();

    MergeResult r = merge.merge("feature", "main", null, true);

    assertEquals(new MergeResult(MergeOutcome.MERGED, null, List.of()), r);
    assertEquals(head, g.snapshot("main").headCommitId());
    assertEquals(version, g.snapshot("main").manifestVersion());
    assertEquals(30, ages(g.snapshot("main")).get("Alice"));
    assertEquals(MergeOutcome.MERGED, merge.merge("feature", "main", null, false).outcome(), "a dry run leaves the merge to do");
  }

  @Test
  void aDryRunReturnsRowConflictsInsteadOfThrowing() {
    setAge("feature", "Alice", 31);
    setAge("main", "Alice", 32);
    write(g, "feature", tx -> tx.insert("Person", List.of(person("Eve", 1))));
    write(g, "main", tx -> tx.insert("Person", List.of(person("Eve", 2))));
    long version = g.snapshot("main").manifestVersion();

    MergeResult r = merge.merge("feature", "main", null, true);

    assertEquals(MergeOutcome.MERGED, r.outcome());
    assertNull(r.commitId());
    assertEquals(List.of(ConflictKind.DIVERGENT_UPDATE, ConflictKind.DIVERGENT_INSERT),
        r.conflicts().stream().map(MergeConflict::kind).toList(), "ordered by id: Alice, Eve");
    assertEquals(version, g.snapshot("main").manifestVersion());
  }

  @Test
  void aDryRunAlsoChecksTheRulesOfTheMergedGraph() {
    try (Graph users = Graph.init(dir.resolve("users").toString(), MergeConstraintTest.USERS)) {
      users.createBranch("feature", "main");
      write(users, "feature", tx -> tx.insert("User", List.of(Map.of("name", "Dave", "email", "dup@x"))));
      write(users, "main", tx -> tx.insert("User", List.of(Map.of("name", "Erin", "email", "dup@x"))));
      long version = users.snapshot("main").manifestVersion();
      MergeResult r = new BranchMerge(users.context()).merge("feature", "main", null, true);
      assertEquals(List.of(ConflictKind.UNIQUE_VIOLATION), r.conflicts().stream().map(MergeConflict::kind).toList());
      assertEquals(version, users.snapshot("main").manifestVersion());
    }
  }

  @Test
  void theConflictErrorListsEveryConflict() {
    setAge("feature", "Alice", 31);
    setAge("main", "Alice", 32);
    write(g, "feature", tx -> tx.delete("Person", Predicate.eq("name", "Bob")));
    setAge("main", "Bob", 26);
    MergeConflictException e = assertThrows(MergeConflictException.class, () -> merge.merge("feature", "main", null, false));
    assertEquals(ErrorKind.MERGE_CONFLICT, e.kind());
    assertEquals(2, e.conflicts().size());
    assertTrue(e.getMessage().contains("DIVERGENT_UPDATE Person Alice"), e.getMessage());
    assertTrue(e.getMessage().contains("DELETE_VS_UPDATE Person Bob"), e.getMessage());
  }

  @Test
  void fullRowImagesDecideIncludingEmptyStringsAndNulls() {
    try (Graph all = Graph.init(dir.resolve("all").toString(), """
        node Thing {
          s: String?  f: F64?  d: Date?  tags: [String]?  v: Vector(3)?  blob: Blob?
        }
        """)) {
      Map<String, Object> base = new java.util.HashMap<>();
      base.put("id", "t1");
      base.put("s", null);
      base.put("f", 1.5);
      base.put("d", java.time.LocalDate.of(2024, 1, 2));
      base.put("tags", List.of("a, b"));
      base.put("v", new float[] {1f, 2f, 3f});
      base.put("blob", new byte[] {1, 2});
      write(all, "main", tx -> tx.insert("Thing", List.of(base)));
      all.createBranch("feature", "main");
      // Rewriting identical values is no change; "" is a change from null.
      write(all, "main", tx -> tx.upsert("Thing", List.of(base)));
      Map<String, Object> edited = new java.util.HashMap<>(base);
      edited.put("s", "");
      edited.put("tags", List.of("a", "b"));
      edited.put("v", new float[] {1f, 2f, 4f});
      write(all, "feature", tx -> tx.upsert("Thing", List.of(edited)));

      MergeResult r = new BranchMerge(all.context()).merge("feature", "main", null, false);

      assertEquals(MergeOutcome.MERGED, r.outcome());
      Map<String, Object> merged = all.snapshot("main").get("Thing", "t1").orElseThrow();
      assertEquals("", merged.get("s"));
      assertEquals(List.of("a", "b"), merged.get("tags"));
      assertTrue(java.util.Arrays.equals(new float[] {1f, 2f, 4f}, (float[]) merged.get("v")));
      assertTrue(java.util.Arrays.equals(new byte[] {1, 2}, (byte[]) merged.get("blob")));
      assertEquals(java.time.LocalDate.of(2024, 1, 2), merged.get("d"));
    }
  }

  @Test
  void preconditionsAreCheckedBeforeAnything() {
    OmniGraphException same = assertThrows(OmniGraphException.class, () -> merge.merge("main", "main", null, false));
    assertTrue(same.getMessage().contains("branch_merge requires distinct source and target branches"));
    assertEquals(ErrorKind.BAD_INPUT, same.kind());
    OmniGraphException missing = assertThrows(OmniGraphException.class, () -> merge.merge("nope", "main", null, false));
    assertEquals(ErrorKind.NOT_FOUND, missing.kind());
    assertTrue(missing.getMessage().contains("branch 'nope' not found"));
    assertEquals(ErrorKind.NOT_FOUND, assertThrows(OmniGraphException.class,
        () -> merge.merge("feature", "nope", null, false)).kind());
    OmniGraphException internal = assertThrows(OmniGraphException.class,
        () -> merge.merge("__schema_apply_lock__", "main", null, false));
    assertEquals(ErrorKind.BAD_INPUT, internal.kind());
    assertTrue(internal.getMessage().contains("internal system ref"));
  }

  @Test
  void aFreshBranchIsAlreadyUpToDateWithItsSource() {
    MergeResult r = merge.merge("feature", "main", null, false);
    assertEquals(MergeOutcome.ALREADY_UP_TO_DATE, r.outcome());
    assertNull(r.commitId());
    assertNotNull(g.snapshot("main").headCommitId());
  }
}

package io.omnigraph.engine.commit;

import static io.omnigraph.engine.Fixtures.ids;
import static io.omnigraph.engine.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.TableInfo;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BranchTest {
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

  private void insertPerson(String branch, String name) {
    try (GraphTransaction tx = g.begin(branch, null)) {
      tx.insert("Person", List.of(person(name, 20)));
      tx.commit();
    }
  }

  private Map<String, String> tableBranches(String branch) {
    return g.snapshot(branch).tables().stream()
        .collect(Collectors.toMap(TableInfo::typeName, t -> String.valueOf(t.tableBranch())));
  }

  @Test
  void writesOnABranchStayThereAndForkOnlyTheTouchedTable() {
    g.createBranch("feature", "main");
    insertPerson("feature", "Eve");
    assertEquals(4, ids(g.snapshot("main"), "Person").size());
    assertEquals(5, ids(g.snapshot("feature"), "Person").size());
    Map<String, String> tb = tableBranches("feature");
    assertEquals("feature", tb.get("Person"));
    assertEquals("null", tb.get("Knows"));
    assertEquals("null", tb.get("WorksAt"));
    assertEquals(List.of("main", "feature"), g.branches());
  }

  @Test
  void aBranchSeesItsSourceAtCreationAndInheritsHistory() {
    String mainHead = g.snapshot("main").headCommitId();
    g.createBranch("feature", "main");
    assertEquals(mainHead, g.snapshot("feature").headCommitId());
    insertPerson("feature", "Eve");
    List<GraphCommit> history = g.commits("feature");
    assertEquals(mainHead, history.get(0).parentCommitId(), "first branch commit's parent is the inherited head");
    assertEquals("feature", history.get(0).branch());
    assertEquals(g.commits("main").size() + 1, history.size());
    insertPerson("main", "Zoe");
    assertTrue(g.snapshot("feature").get("Person", "Zoe").isEmpty());
  }

  @Test
  void branchFromAnotherBranchAndChildWritesForkFromIt() {
    g.createBranch("feature", "main");
    insertPerson("feature", "Eve");
    g.createBranch("experiment", "feature");
    assertEquals(5, ids(g.snapshot("experiment"), "Person").size());
    insertPerson("experiment", "Max");
    assertEquals(6, ids(g.snapshot("experiment"), "Person").size());
    assertEquals(5, ids(g.snapshot("feature"), "Person").size());
  }

  @Test
  void deletingABranchAnotherStillReadsIsRefused() {
    g.createBranch("feature", "main");
    insertPerson("feature", "Eve");
    g.createBranch("experiment", "feature");
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> g.deleteBranch("feature"));
    assertTrue(e.getMessage().contains("still depends on it"), e.getMessage());
    assertEquals(ErrorKind.STATE, e.kind());
  }

  @Test
  void mainCannotBeCreatedOrDeleted() {
    assertTrue(assertThrows(OmniGraphException.class, () -> g.createBranch("main", "main")).getMessage()
        .contains("cannot create branch 'main'"));
    assertTrue(assertThrows(OmniGraphException.class, () -> g.deleteBranch("main")).getMessage()
        .contains("cannot delete branch 'main'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad branch", "", "/x", "x/", "a//b", "a/../b", "x.lock", "a\\b", "a@b", "a*b"})
  void invalidNamesAreRejectedBeforeAnyEffect(String name) {
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> g.createBranch(name, "main"));
    assertEquals(ErrorKind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("invalid") || e.getMessage().contains("allowed"), e.getMessage());
    assertEquals(List.of("main"), g.branches());
  }

  @Test
  void nestedNamesMustBePathDisjointFromLiveBranches() {
    g.createBranch("feature", "main");
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> g.createBranch("feature/child", "main"));
    assertTrue(e.getMessage().contains("physical Lance path"), e.getMessage());
    g.deleteBranch("feature");
    g.createBranch("feature/child", "main");
    assertEquals(List.of("main", "feature/child"), g.branches());
  }

  @Test
  void existingAndMissingBranchesAreReported() {
    g.createBranch("feature", "main");
    assertTrue(assertThrows(OmniGraphException.class, () -> g.createBranch("feature", "main")).getMessage()
        .contains("branch 'feature' already exists"));
    OmniGraphException missing = assertThrows(OmniGraphException.class, () -> g.deleteBranch("nope"));
    assertEquals(ErrorKind.NOT_FOUND, missing.kind());
    assertEquals(ErrorKind.NOT_FOUND, assertThrows(OmniGraphException.class, () -> g.snapshot("nope")).kind());
  }

  @Test
  void aRecreatedBranchStartsFreshFromItsSource() {
    g.createBranch("feature", "main");
    insertPerson("feature", "Eve");
    g.deleteBranch("feature");
    g.createBranch("feature", "main");
    insertPerson("feature", "Frank");
    assertEquals(5, ids(g.snapshot("feature"), "Person").size());
    assertTrue(g.snapshot("feature").get("Person", "Eve").isEmpty());
  }

  @Test
  void branchInfosNameTheirOrigin() {
    g.createBranch("feature", "main");
    g.createBranch("experiment", "feature");
    Map<String, BranchInfo> infos = g.branchInfos().stream().collect(Collectors.toMap(BranchInfo::name, b -> b));
    assertNull(infos.get("main").createdFrom());
    assertEquals("main", infos.get("feature").createdFrom());
    assertEquals("feature", infos.get("experiment").createdFrom());
  }

  @Test
  void branchOperationsAreRefusedWhileSchemaApplyHoldsItsLock() {
    g.createBranch("feature", "main");
    // A live applier: it holds the owner lock and has created the lock branch.
    io.omnigraph.engine.storage.StoreLock applier =
        g.context().store().tryLock(BranchLocks.DIR + "/schema-apply.lock").orElseThrow();
    io.omnigraph.engine.storage.InternalBranches.create(g.context().manifest(), "__schema_apply_lock__");
    for (Runnable op : List.<Runnable>of(() -> g.createBranch("other", "main"), () -> g.deleteBranch("feature"),
        () -> g.merge("feature", "main", null))) {
      OmniGraphException e = assertThrows(OmniGraphException.class, op::run);
      assertEquals(ErrorKind.STATE, e.kind());
      assertTrue(e.getMessage().contains("unavailable while schema apply is in progress"), e.getMessage());
    }
    assertEquals(List.of("main", "feature"), g.branches(), "the internal lock branch is never listed");
    applier.close();
  }

  @Test
  void timeTravelOnABranchByCommit() {
    g.createBranch("feature", "main");
    insertPerson("feature", "Eve");
    String afterEve = g.snapshot("feature").headCommitId();
    insertPerson("feature", "Frank");
    assertEquals(5, ids(g.snapshotAtCommit(afterEve), "Person").size());
    assertEquals(6, ids(g.snapshot("feature"), "Person").size());
  }

  @Test
  void aBranchNameTooLongForStorageIsRefusedAndALongOneWorks() {
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> g.createBranch("x".repeat(300), "main"));
    assertEquals(ErrorKind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("at most 200"), e.getMessage());
    assertThrows(OmniGraphException.class, () -> g.createBranch("日本".repeat(12), "main"), "216 encoded");
    String longName = "日本".repeat(7) + "/" + "x".repeat(70);
    g.createBranch(longName, "main");
    insertPerson(longName, "Eve");
    assertEquals(5, ids(g.snapshot(longName), "Person").size());
  }
}

package io.omnigraph.engine.write;

import io.omnigraph.engine.storage.StorageOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits that queue behind a publish share the next one. Each test holds the branch lock so that a
 * first commit stalls inside its publish, queues the transactions under test one by one (so their
 * order is known), then lets go.
 */
class CommitGroupsTest {
  @TempDir Path dir;

  @Test
  void queuedCommitsShareOnePublishAndKeepTheirOwnCommits() throws Exception {
    try (Graph g = Fixtures.loaded(dir, Fixtures.direct())) {
      List<GraphTransaction> txs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        GraphTransaction tx = g.begin("main", "actor-" + i);
        tx.insert("Person", List.of(Fixtures.person("grouped-" + i, i)));
        txs.add(tx);
      }
      List<Object> outcomes = commitQueued(g, txs);
      List<GraphCommit> commits = new ArrayList<>();
      for (Object o : outcomes) commits.add(assertInstanceOf(GraphCommit.class, o));
      assertEquals(1, commits.stream().map(GraphCommit::manifestVersion).distinct().count(),
          "six queued commits, one manifest version");
      for (int i = 0; i < commits.size(); i++) {
        assertEquals("actor-" + i, commits.get(i).actorId());
        if (i > 0) assertEquals(commits.get(i - 1).id(), commits.get(i).parentCommitId(), "chained in arrival order");
      }
      List<GraphCommit> history = g.commits("main");
      assertEquals(commits.get(5).id(), history.get(0).id(), "the last of the group is the head");
      for (int i = 0; i < history.size() - 1; i++) assertEquals(history.get(i + 1).id(), history.get(i).parentCommitId());
      TreeSet<String> ids = Fixtures.ids(g.snapshot("main"), "Person", Predicate.TRUE);
      for (int i = 0; i < 6; i++) assertTrue(ids.contains("grouped-" + i));
      assertEquals(ids, Fixtures.ids(g.snapshotAtCommit(commits.get(0).id()), "Person", Predicate.TRUE),
          "reading as of any commit of a group shows the whole group");
    }
    try (Graph reopened = Graph.open(dir.resolve("g").toString(), true, StorageOptions.NONE, Fixtures.direct())) {
      assertTrue(Fixtures.ids(reopened.snapshot("main"), "Person").contains("grouped-5"));
    }
  }

  @Test
  void aCommitThatReadARowWrittenAheadOfItInTheGroupFailsAlone() throws Exception {
    try (Graph g = Fixtures.loaded(dir, Fixtures.direct())) {
      try (GraphTransaction seed = g.begin("main", "seed")) {
        seed.insert("Person", List.of(Fixtures.person("contended", 1)));
        seed.commit();
      }
      GraphTransaction first = g.begin("main", "first");
      first.updateById("Person", Map.of("contended", Map.of("age", 10)));
      GraphTransaction second = g.begin("main", "second");
      second.updateById("Person", Map.of("contended", Map.of("age", 20)));
      GraphTransaction bystander = g.begin("main", "bystander");
      bystander.insert("Person", List.of(Fixtures.person("bystander", 3)));
      List<Object> outcomes = commitQueued(g, List.of(first, second, bystander));
      assertInstanceOf(GraphCommit.class, outcomes.get(0));
      assertInstanceOf(WriteConflict.class, outcomes.get(1));
      assertInstanceOf(GraphCommit.class, outcomes.get(2));
      assertEquals(((GraphCommit) outcomes.get(0)).manifestVersion(), ((GraphCommit) outcomes.get(2)).manifestVersion(),
          "the commit that did not overlap still shared the publish");
      assertEquals(10, g.snapshot("main").get("Person", "contended").orElseThrow().get("age"));
    }
  }

  @Test
  void aWriteDecidedByAPredicateOverATableWrittenAheadOfItFailsAlone() throws Exception {
    try (Graph g = Fixtures.loaded(dir, Fixtures.direct())) {
      try (GraphTransaction seed = g.begin("main", "seed")) {
        seed.insert("Person", List.of(Fixtures.person("veteran", 77)));
        seed.commit();
      }
      GraphTransaction insert = g.begin("main", "insert");
      insert.insert("Person", List.of(Fixtures.person("newcomer", 77)));
      GraphTransaction raise = g.begin("main", "raise");
      raise.update("Person", new Predicate.Compare("age", Predicate.Op.EQ, 77), Map.of("age", 78));
      List<Object> outcomes = commitQueued(g, List.of(insert, raise));
      assertInstanceOf(GraphCommit.class, outcomes.get(0));
      assertInstanceOf(WriteConflict.class, outcomes.get(1),
          "the update read every age-77 row before the newcomer existed; made after it, it would have changed it");
      assertEquals(77, g.snapshot("main").get("Person", "newcomer").orElseThrow().get("age"));
    }
  }

  @Test
  void aRuleBrokenOnlyByTheGroupTogetherFailsTheLaterCommit() throws Exception {
    String schema = "node User { name: String @key  email: String @unique }\nnode Company { name: String @key }\n";
    try (Graph g = Graph.init(dir.resolve("u").toString(), schema, StorageOptions.NONE, Fixtures.direct())) {
      GraphTransaction first = g.begin("main", "first");
      first.insert("User", List.of(Map.of("name", "u1", "email", "same@example.com")));
      GraphTransaction second = g.begin("main", "second");
      second.insert("User", List.of(Map.of("name", "u2", "email", "same@example.com")));
      GraphTransaction other = g.begin("main", "other");
      other.insert("User", List.of(Map.of("name", "u3", "email", "other@example.com")));
      List<Object> outcomes = commitQueued(g, List.of(first, second, other));
      assertInstanceOf(GraphCommit.class, outcomes.get(0));
      assertInstanceOf(ConstraintViolation.class, outcomes.get(1));
      assertInstanceOf(GraphCommit.class, outcomes.get(2));
      assertEquals(Set.of("u1", "u3"), Fixtures.ids(g.snapshot("main"), "User"));
    }
  }

  @Test
  void anEdgeToANodeDeletedAheadOfItInTheGroupIsRefused() throws Exception {
    try (Graph g = Fixtures.loaded(dir, Fixtures.direct())) {
      try (GraphTransaction seed = g.begin("main", "seed")) {
        seed.insert("Person", List.of(Fixtures.person("stays", 1), Fixtures.person("goes", 2)));
        seed.commit();
      }
      GraphTransaction delete = g.begin("main", "delete");
      delete.deleteById("Person", List.of("goes"));
      GraphTransaction edge = g.begin("main", "edge");
      edge.insert("Knows", List.of(Fixtures.edge("stays", "goes")));
      List<Object> outcomes = commitQueued(g, List.of(delete, edge));
      assertInstanceOf(GraphCommit.class, outcomes.get(0));
      assertInstanceOf(ConstraintViolation.class, outcomes.get(1));
      Set<String> people = Fixtures.ids(g.snapshot("main"), "Person");
      for (Object[] row : Fixtures.rows(g.snapshot("main"), "Knows", List.of("src", "dst"))) {
        assertTrue(people.contains((String) row[0]) && people.contains((String) row[1]), "no edge to a missing node");
      }
    }
  }

  /**
   * Commits each transaction on its own thread while a first commit is stalled in its publish, each
   * queued only after the one before it, and returns per transaction its commit or its exception.
   */
  private static List<Object> commitQueued(Graph g, List<GraphTransaction> txs) throws Exception {
    CommitGroups groups = g.context().commitGroups();
    List<CompletableFuture<Object>> done = new ArrayList<>();
    CompletableFuture<Object> stalled;
    try (BranchLocks.Held lock = g.context().branchLocks().acquire("main")) {
      GraphTransaction staller = g.begin("main", "staller");
      staller.insert("Company", List.of(Map.of("name", "staller-" + System.nanoTime())));
      stalled = commitOnThread(staller);
      await(() -> groups.publishing("main") && groups.waiting("main") == 0);
      for (int i = 0; i < txs.size(); i++) {
        done.add(commitOnThread(txs.get(i)));
        int queued = i + 1;
        await(() -> groups.waiting("main") == queued);
      }
    }
    assertInstanceOf(GraphCommit.class, stalled.get(2, TimeUnit.MINUTES));
    List<Object> outcomes = new ArrayList<>();
    for (CompletableFuture<Object> f : done) outcomes.add(f.get(2, TimeUnit.MINUTES));
    return outcomes;
  }

  private static CompletableFuture<Object> commitOnThread(GraphTransaction tx) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(tx.commit().orElseThrow());
      } catch (RuntimeException e) {
        f.complete(e);
      }
    });
    t.setDaemon(true);
    t.start();
    return f;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in a minute");
      Thread.sleep(2);
    }
  }
}

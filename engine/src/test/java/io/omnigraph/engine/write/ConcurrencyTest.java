package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
  @TempDir Path dir;

  private static <T> List<T> runAll(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) futures.add(pool.submit(() -> {
        start.await();
        return task.call();
      }));
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) out.add(f.get(5, TimeUnit.MINUTES));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void eightThreadsOfFiftySingleRowCommitsLoseNothing() throws Exception {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      AtomicInteger next = new AtomicInteger();
      runAll(8, () -> {
        for (int i = 0; i < 50; i++) {
          try (GraphTransaction tx = g.begin("main", "w")) {
            tx.insert("Person", List.of(Map.of("name", "p" + next.getAndIncrement())));
            tx.commit();
          }
        }
        return null;
      });
      assertEquals(400, g.snapshot("main").count("Person", Predicate.TRUE));
      List<GraphCommit> commits = g.commits("main");
      assertEquals(400, commits.stream().filter(c -> "w".equals(c.actorId())).count(),
          "one commit per write (automatic compaction adds its own, without an actor)");
      // One linear chain: every commit's parent is the next older commit.
      for (int i = 0; i < commits.size() - 1; i++) {
        assertEquals(commits.get(i + 1).id(), commits.get(i).parentCommitId());
      }
    }
  }

  @Test
  void writersOnTwoTablesOverlapAndBothLand() throws Exception {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      ConcurrentLinkedQueue<long[]> spans = new ConcurrentLinkedQueue<>();
      AtomicInteger which = new AtomicInteger();
      runAll(2, () -> {
        String type = which.getAndIncrement() == 0 ? "Person" : "Company";
        for (int i = 0; i < 20; i++) {
          long t0 = System.nanoTime();
          try (GraphTransaction tx = g.begin("main", null)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int k = 0; k < 200; k++) rows.add(Map.of("name", type + "-" + i + "-" + k));
            tx.insert(type, rows);
            tx.commit();
          }
          spans.add(new long[] {t0, System.nanoTime(), type.equals("Person") ? 0 : 1});
        }
        return null;
      });
      assertEquals(4000, g.snapshot("main").count("Person", Predicate.TRUE));
      assertEquals(4000, g.snapshot("main").count("Company", Predicate.TRUE));
      boolean overlapped = false;
      for (long[] a : spans) for (long[] b : spans) {
        if (a[2] != b[2] && a[0] < b[1] && b[0] < a[1]) overlapped = true;
      }
      assertTrue(overlapped, "transactions on different tables ran at the same time");
    }
  }

  @Test
  void concurrentStrictInsertsOfOneKeyHaveExactlyOneWinner() throws Exception {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      List<String> outcomes = runAll(16, () -> {
        try (GraphTransaction tx = g.begin("main", null)) {
          tx.insert("Person", List.of(Map.of("name", "SAME")));
          tx.commit();
          return "won";
        } catch (ConstraintViolation e) {
          return e.rule() == Rule.KEY ? "key" : "other " + e.getMessage();
        }
      });
      assertEquals(1, outcomes.stream().filter("won"::equals).count(), outcomes.toString());
      assertEquals(15, outcomes.stream().filter("key"::equals).count(), outcomes.toString());
    }
  }

  @Test
  void anUpdateWhoseBranchMovedFailsWithAWriteConflictAndPublishesNothing() {
    try (Graph g = Fixtures.loaded(dir)) {
      GraphTransaction slow = g.begin("main", null);
      slow.update("Person", Predicate.eq("name", "Alice"), Map.of("age", 50));
      try (GraphTransaction fast = g.begin("main", null)) {
        fast.update("Person", Predicate.eq("name", "Bob"), Map.of("age", 60));
        fast.commit();
      }
      String head = g.snapshot("main").headCommitId();
      org.junit.jupiter.api.Assertions.assertThrows(WriteConflict.class, slow::commit);
      assertEquals(head, g.snapshot("main").headCommitId());
      assertEquals(30, g.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
    }
  }

  @Test
  void anUpdateSurvivesACommitThatChangedOnlyTablesItDidNotRead() {
    try (Graph g = Fixtures.loaded(dir)) {
      GraphTransaction slow = g.begin("main", null);
      slow.update("Person", Predicate.eq("name", "Alice"), Map.of("age", 50));
      try (GraphTransaction fast = g.begin("main", null)) {
        fast.insert("Company", List.of(Map.of("name", "Initech")));
        fast.commit();
      }
      String fastHead = g.snapshot("main").headCommitId();
      GraphCommit c = slow.commit().orElseThrow();
      assertEquals(fastHead, c.parentCommitId(), "rebased onto the other commit");
      assertEquals(50, g.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
      assertTrue(g.snapshot("main").get("Company", "Initech").isPresent());
    }
  }

  @Test
  void aDeleteFailsWhenACommitAddedAnEdgeToTheNodeItDeletes() {
    try (Graph g = Fixtures.loaded(dir)) {
      GraphTransaction slow = g.begin("main", null);
      slow.delete("Person", Predicate.eq("name", "Alice"));
      try (GraphTransaction fast = g.begin("main", null)) {
        fast.insert("Knows", List.of(Map.of("src", "Bob", "dst", "Alice")));
        fast.commit();
      }
      org.junit.jupiter.api.Assertions.assertThrows(WriteConflict.class, slow::commit);
      assertTrue(g.snapshot("main").get("Person", "Alice").isPresent());
    }
  }

  @Test
  void aStaleInsertOnlyTransactionIsRebasedAndChainsAfterTheOther() {
    try (Graph g = Fixtures.loaded(dir)) {
      GraphTransaction b = g.begin("main", null);
      b.insert("Person", List.of(Map.of("name", "FromB")));
      GraphCommit a;
      try (GraphTransaction first = g.begin("main", null)) {
        first.insert("Person", List.of(Map.of("name", "FromA")));
        a = first.commit().orElseThrow();
      }
      GraphCommit bc = b.commit().orElseThrow();
      assertEquals(a.id(), bc.parentCommitId());
      Set<String> names = new HashSet<>(Fixtures.ids(g.snapshot("main"), "Person"));
      assertTrue(names.containsAll(Set.of("FromA", "FromB")));
    }
  }

  @Test
  void aHeadPreconditionFailsOnceAnotherCommitLandsAndIsNeverRetried() {
    try (Graph g = Fixtures.loaded(dir)) {
      String h = g.snapshot("main").headCommitId();
      GraphCommit h2;
      try (GraphTransaction other = g.begin("main", null)) {
        other.insert("Person", List.of(Map.of("name", "Moved")));
        h2 = other.commit().orElseThrow();
      }
      try (GraphTransaction stale = g.begin("main", null).requireHead(h)) {
        stale.insert("Person", List.of(Map.of("name", "Stale")));
        io.omnigraph.engine.error.PreconditionFailed e =
            org.junit.jupiter.api.Assertions.assertThrows(io.omnigraph.engine.error.PreconditionFailed.class, stale::commit);
        assertEquals("main", e.branch());
        assertEquals(h, e.expected());
        assertEquals(h2.id(), e.actual());
      }
      assertEquals(h2.id(), g.snapshot("main").headCommitId());
      assertTrue(g.snapshot("main").get("Person", "Stale").isEmpty());
      try (GraphTransaction ok = g.begin("main", null).requireHead(h2.id())) {
        ok.insert("Person", List.of(Map.of("name", "Fresh")));
        assertEquals(h2.id(), ok.commit().orElseThrow().parentCommitId());
      }
      try (GraphTransaction none = g.begin("main", null).requireHead(h)) {
        none.update("Person", Predicate.eq("name", "Missing"), Map.of("age", 1));
        assertTrue(none.commit().isEmpty(), "a zero-row conditional update makes no commit");
      }
    }
  }
}

package io.omnigraph.engine.merge;

import static io.omnigraph.engine.merge.MergeFixtures.ages;
import static io.omnigraph.engine.merge.MergeFixtures.person;
import static io.omnigraph.engine.merge.MergeFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.WriteConflict;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merges share nothing but the graph: each writes only its own target, and never over a newer write. */
class MergeConcurrencyTest {
  private static final Set<String> BASE = Set.of("Alice", "Bob", "Carol", "Dan");

  @TempDir Path dir;
  Graph g;
  ExecutorService pool;

  @BeforeEach
  void setUp() {
    g = MergeFixtures.people(dir.resolve("g"));
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    g.close();
  }

  /** Starts both tasks at once and returns each one's result or failure. */
  private Future<?>[] together(Callable<?> a, Callable<?> b) {
    CountDownLatch start = new CountDownLatch(1);
    Future<?> fa = pool.submit(() -> {
      start.await();
      return a.call();
    });
    Future<?> fb = pool.submit(() -> {
      start.await();
      return b.call();
    });
    start.countDown();
    return new Future<?>[] {fa, fb};
  }

  private Set<String> people(String branch) {
    return new TreeSet<>(ages(g.snapshot(branch)).keySet());
  }

  @Test
  void concurrentMergesIntoDistinctTargetsEachLandOnTheirOwnTarget() throws Exception {
    g.createBranch("target_a", "main");
    g.createBranch("target_b", "main");
    Set<String> expectA = new TreeSet<>(BASE);
    Set<String> expectB = new TreeSet<>(BASE);
    BranchMerge merge = new BranchMerge(g.context());
    for (int i = 0; i < 20; i++) {
      String fa = "a" + i;
      String fb = "b" + i;
      g.createBranch(fa, "target_a");
      g.createBranch(fb, "target_b");
      String rowA = "A" + i;
      String rowB = "B" + i;
      write(g, fa, tx -> tx.insert("Person", List.of(person(rowA, 1))));
      write(g, fb, tx -> tx.insert("Person", List.of(person(rowB, 2))));
      // A write on each target makes every merge a real three-way merge, not a fast forward.
      write(g, "target_a", tx -> tx.insert("Person", List.of(person("TA" + rowA, 3))));
      write(g, "target_b", tx -> tx.insert("Person", List.of(person("TB" + rowB, 4))));
      expectA.addAll(List.of(rowA, "TA" + rowA));
      expectB.addAll(List.of(rowB, "TB" + rowB));

      Future<?>[] results = together(() -> merge.merge(fa, "target_a", "a", false), () -> merge.merge(fb, "target_b", "b", false));

      MergeResult ra = (MergeResult) results[0].get(2, TimeUnit.MINUTES);
      MergeResult rb = (MergeResult) results[1].get(2, TimeUnit.MINUTES);
      assertEquals(MergeOutcome.MERGED, ra.outcome());
      assertEquals(MergeOutcome.MERGED, rb.outcome());
      assertEquals(ra.commitId(), g.snapshot("target_a").headCommitId(), "iteration " + i);
      assertEquals(rb.commitId(), g.snapshot("target_b").headCommitId(), "iteration " + i);
      assertEquals(expectA, people("target_a"), "iteration " + i);
      assertEquals(expectB, people("target_b"), "iteration " + i);
    }
    assertEquals(BASE, people("main"));
  }

  @Test
  void aWriteLandingOnTheTargetWhileMergingFailsTheMergeAndIsKept() {
    g.createBranch("feature", "main");
    write(g, "feature", tx -> tx.insert("Person", List.of(person("Eve", 21))));
    BranchMerge racing = new BranchMerge(g.context(),
        () -> write(g, "main", tx -> tx.insert("Person", List.of(person("Zoe", 9)))));

    assertThrows(WriteConflict.class, () -> racing.merge("feature", "main", null, false));

    assertEquals(new TreeSet<>(List.of("Alice", "Bob", "Carol", "Dan", "Zoe")), people("main"));
    MergeResult retry = new BranchMerge(g.context()).merge("feature", "main", null, false);
    assertEquals(MergeOutcome.MERGED, retry.outcome());
    assertEquals(new TreeSet<>(List.of("Alice", "Bob", "Carol", "Dan", "Eve", "Zoe")), people("main"));
  }

  @Test
  void writersRacingMergesOnTheSameTargetLoseNothing() throws Exception {
    BranchMerge merge = new BranchMerge(g.context());
    Set<String> expected = new TreeSet<>(BASE);
    for (int i = 0; i < 10; i++) {
      String feature = "f" + i;
      g.createBranch(feature, "main");
      String fromFeature = "F" + i;
      String fromWriter = "W" + i;
      write(g, feature, tx -> tx.insert("Person", List.of(person(fromFeature, 1))));

      Future<?>[] results = together(() -> merge.merge(feature, "main", null, false),
          () -> {
            write(g, "main", tx -> tx.insert("Person", List.of(person(fromWriter, 2))));
            return null;
          });

      results[1].get(2, TimeUnit.MINUTES);
      expected.add(fromWriter);
      try {
        results[0].get(2, TimeUnit.MINUTES);
      } catch (ExecutionException e) {
        assertInstanceOf(WriteConflict.class, e.getCause(), "iteration " + i);
        assertEquals(MergeOutcome.MERGED, merge.merge(feature, "main", null, false).outcome());
      }
      expected.add(fromFeature);
      assertEquals(expected, people("main"), "iteration " + i);
      assertTrue(g.snapshot(feature).get("Person", fromWriter).isEmpty(), "the source is never written");
    }
  }

  @Test
  void aMergeLandsOnATargetThatAWriterKeepsBusy() throws Exception {
    for (int i = 0; i < 5; i++) {
      String name = "feat" + i;
      write(g, "main", tx -> tx.insert("Person", List.of(person("base-" + name, 1))));
    }
    g.createBranch("feature", "main");
    write(g, "feature", tx -> tx.insert("Person", List.of(person("FromFeature", 7))));
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicInteger inserted = new java.util.concurrent.atomic.AtomicInteger();
    Future<?> writer = pool.submit(() -> {
      while (!stop.get()) {
        int n = inserted.incrementAndGet();
        write(g, "main", tx -> tx.insert("Person", List.of(person("busy" + n, n))));
        Thread.sleep(20);
      }
      return null;
    });
    try {
      Thread.sleep(100);
      MergeResult r = g.merge("feature", "main", "merger");
      assertEquals(MergeOutcome.MERGED, r.outcome(), "the merge lands on its first attempt");
    } finally {
      stop.set(true);
      writer.get(30, TimeUnit.SECONDS);
    }
    Set<String> main = people("main");
    assertTrue(main.contains("FromFeature"));
    for (int n = 1; n <= inserted.get(); n++) assertTrue(main.contains("busy" + n), "busy" + n + " landed too");
  }
}

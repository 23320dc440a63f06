package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.GraphSettings;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.storage.StorageOptions;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Main's commit log: small insert-only commits are durable once appended and published by a fold,
 * each with its own commit; everything that reads or otherwise writes main sees them, from this
 * handle or another, and a record is never published twice.
 */
class CommitLogTest {
  @TempDir Path dir;

  private static final GraphSettings LOGGED = GraphSettings.defaults().with(Map.of("commitLog", "true"));

  private Graph logged() {
    Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, LOGGED);
    g.load("main", new StringReader(Fixtures.resource("test.jsonl")), LoadMode.OVERWRITE, "fixture");
    return g;
  }

  private static GraphCommit insertPerson(Graph g, String name) {
    try (GraphTransaction tx = g.begin("main", "writer")) {
      tx.insert("Person", List.of(Fixtures.person(name, 40)));
      return tx.commit().orElseThrow();
    }
  }

  private Path logFile() {
    return dir.resolve("g").resolve(CommitLog.FILE);
  }

  @Test
  void appendedCommitsAreReadAndListedEachAsItsOwnCommit() throws Exception {
    try (Graph g = logged()) {
      String before = g.snapshot("main").headCommitId();
      List<GraphCommit> made = new ArrayList<>();
      for (int i = 0; i < 20; i++) made.add(insertPerson(g, "P" + i));
      assertTrue(Files.size(logFile()) > 0, "the commits went through the log");
      Snapshot s = g.snapshot("main");
      for (int i = 0; i < 20; i++) assertTrue(Fixtures.ids(s, "Person").contains("P" + i), "P" + i + " is read");
      assertEquals(24, s.count("Person", Predicate.TRUE));
      List<GraphCommit> listed = new ArrayList<>(s.state().commits());
      List<GraphCommit> mine = listed.subList(listed.size() - 20, listed.size());
      assertEquals(made.stream().map(GraphCommit::id).toList(), mine.stream().map(GraphCommit::id).toList(),
          "every commit kept its id, in order");
      assertEquals(before, mine.get(0).parentCommitId());
      for (int i = 1; i < mine.size(); i++) assertEquals(mine.get(i - 1).id(), mine.get(i).parentCommitId());
      assertEquals(mine.get(19).id(), s.headCommitId());
      assertEquals(20, s.state().log().seq(), "the log position was published with the rows");
    }
  }

  @Test
  void commitsFromManyThreadsAllLandEachOnce() throws Exception {
    try (Graph g = logged()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<List<String>>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) ids.add(insertPerson(g, "T" + thread + "-" + i).id());
            return ids;
          }));
        }
        java.util.Set<String> commitIds = new java.util.HashSet<>();
        for (var f : done) commitIds.addAll(f.get());
        Snapshot s = g.snapshot("main");
        assertEquals(4 + 320, s.count("Person", Predicate.TRUE));
        assertEquals(320, commitIds.size());
        for (String id : commitIds) assertNotNull(s.state().commit(id), "commit " + id + " is published");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void readingAsOfACommitInsideAFoldShowsExactlyWhatThatCommitLeft() throws Exception {
    try (Graph g = logged()) {
      java.util.Set<String> base = Fixtures.ids(g.snapshot("main"), "Person");
      int before = g.snapshot("main").state().commits().size();
      Map<String, String> nameOf = new java.util.concurrent.ConcurrentHashMap<>();
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            for (int i = 0; i < 15; i++) {
              String name = "A" + thread + "-" + i;
              nameOf.put(insertPerson(g, name).id(), name);
            }
          }));
        }
        for (var f : done) f.get();
      } finally {
        pool.shutdownNow();
      }
      List<GraphCommit> mine = g.snapshot("main").state().commits().subList(before, before + 60);
      boolean shared = false;
      for (int i = 1; i < mine.size(); i++) shared |= mine.get(i).manifestVersion() == mine.get(i - 1).manifestVersion();
      assertTrue(shared, "some fold published several commits in one version");
      java.util.Set<String> expected = new java.util.HashSet<>(base);
      Snapshot previous = null;
      for (GraphCommit c : mine) {
        expected.add(nameOf.get(c.id()));
        Snapshot at = g.snapshotAtCommit(c.id());
        assertEquals(expected, Fixtures.ids(at, "Person"), "as of " + c.id());
        assertEquals(expected.size(), at.count("Person", Predicate.TRUE));
        assertEquals(c.id(), at.headCommitId());
        if (previous != null) {
          assertEquals(List.of(nameOf.get(c.id())),
              g.diff(previous, at).changes().stream().map(io.omnigraph.engine.merge.EntityChange::id).toList(),
              "the change feed of one commit inside a fold");
        }
        previous = at;
      }
    }
  }

  @Test
  void cleanupBeginsANewGenerationOfTheLogAndRemovesTheOnesBeforeTheLastItClosed() throws Exception {
    String location = dir.resolve("g").toString();
    try (Graph g = logged(); Graph reader = Graph.open(location, true)) {
      for (int i = 0; i < 5; i++) insertPerson(g, "G0-" + i);
      g.cleanup(10);
      Path gen1 = dir.resolve("g").resolve(CommitLog.fileOf(1));
      assertTrue(Files.exists(gen1), "the first cleanup began generation 1");
      assertTrue(Files.exists(logFile()), "generation 0 stays one more round");
      for (int i = 0; i < 5; i++) insertPerson(g, "G1-" + i);
      assertTrue(Files.size(gen1) > 0, "commits after the cleanup went to generation 1");
      assertEquals(14, reader.snapshot("main").count("Person", Predicate.TRUE), "a read-only handle reads on");
      g.cleanup(10);
      assertTrue(Files.notExists(logFile()), "the second cleanup removed generation 0");
      assertTrue(Files.exists(dir.resolve("g").resolve(CommitLog.fileOf(2))));
      insertPerson(g, "G2-0");
      assertEquals(15, reader.snapshot("main").count("Person", Predicate.TRUE));
      assertEquals(15, g.snapshot("main").count("Person", Predicate.TRUE));
    }
    try (Graph reopened = Graph.open(location, false, StorageOptions.NONE, LOGGED)) {
      java.util.Set<String> ids = Fixtures.ids(reopened.snapshot("main"), "Person");
      assertEquals(15, ids.size(), "nothing lost or published twice across generations: " + ids);
      insertPerson(reopened, "after-reopen");
      assertEquals(16, reopened.snapshot("main").count("Person", Predicate.TRUE));
    }
  }

  @Test
  void aHandleThatSleptThroughSeveralCleanupsAppendsToTheNewestGeneration() throws Exception {
    try (Graph g = logged(); Graph idle = Graph.open(g.location(), false, StorageOptions.NONE, LOGGED)) {
      insertPerson(idle, "before");
      for (int round = 0; round < 3; round++) {
        insertPerson(g, "round-" + round);
        g.cleanup(10);
      }
      assertTrue(Files.notExists(dir.resolve("g").resolve(CommitLog.fileOf(1))), "generations 0 and 1 are gone");
      insertPerson(idle, "after");
      assertTrue(Fixtures.ids(g.snapshot("main"), "Person").contains("after"), "the other handle reads it");
    }
  }

  @Test
  void aDuplicateOfAnAppendedIdIsRefusedAndChangesNothing() {
    try (Graph g = logged()) {
      insertPerson(g, "Eve");
      ConstraintViolation e = assertThrows(ConstraintViolation.class, () -> insertPerson(g, "Eve"));
      assertEquals(Rule.KEY, e.rule());
      assertEquals(5, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }

  @Test
  void aStatementOfAnOpenTransactionIsCheckedAgainstWhatTheLogHolds() {
    try (Graph g = logged()) {
      // Each round races the background fold: the duplicate is refused at the statement either way.
      for (int i = 0; i < 20; i++) {
        insertPerson(g, "S" + i);
        try (GraphTransaction tx = g.begin("main", "w")) {
          try (GraphTransaction.Statement st = tx.beginStatement()) {
            tx.insert("Person", List.of(Fixtures.person("S" + i, 1)));
            assertThrows(ConstraintViolation.class, st::check);
          }
          assertTrue(!tx.hasChanges(), "the failed statement left nothing");
        }
      }
    }
  }

  @Test
  void anEdgeMayJoinNodesOnlyTheLogHolds() {
    try (Graph g = logged()) {
      insertPerson(g, "Eve");
      insertPerson(g, "Finn");
      try (GraphTransaction tx = g.begin("main", "writer")) {
        tx.insert("Knows", List.of(Fixtures.edge("Eve", "Finn")));
        tx.commit();
      }
      assertEquals(1, g.snapshot("main").count("Knows", Predicate.eq("src", "Eve")));
    }
  }

  @Test
  void anotherHandleSeesAndChecksAgainstAppendedCommits() {
    try (Graph a = logged(); Graph b = Graph.open(a.location(), false)) {
      for (int i = 0; i < 10; i++) insertPerson(a, "A" + i);
      assertThrows(ConstraintViolation.class, () -> insertPerson(b, "A3"));
      assertEquals(14, b.snapshot("main").count("Person", Predicate.TRUE));
      // A write that reads: the log is published before it.
      try (GraphTransaction tx = b.begin("main", "b")) {
        assertEquals(10, tx.update("Person", Predicate.eq("age", 40), Map.of("age", 41)).rows());
        tx.commit();
      }
      insertPerson(a, "A10");
      Snapshot s = a.snapshot("main");
      assertEquals(10, s.count("Person", Predicate.eq("age", 41)));
      assertEquals(15, s.count("Person", Predicate.TRUE));
    }
  }

  @Test
  void reopeningPublishesNothingTwice() throws Exception {
    Path root = dir.resolve("g");
    int commits;
    try (Graph g = logged()) {
      for (int i = 0; i < 5; i++) insertPerson(g, "P" + i);
      commits = g.snapshot("main").state().commits().size();
    }
    for (int open = 0; open < 2; open++) {
      try (Graph g = Graph.open(root.toString(), false)) {
        Snapshot s = g.snapshot("main");
        assertEquals(9, s.count("Person", Predicate.TRUE));
        assertEquals(commits, s.state().commits().size());
      }
    }
  }

  @Test
  void aTornLastFrameIsDroppedAndTheNextCommitFollowsTheGoodOnes() throws Exception {
    Path root = dir.resolve("g");
    try (Graph g = logged()) {
      insertPerson(g, "P0");
      // A writer killed mid-append leaves a partial frame.
      Files.write(root.resolve(CommitLog.FILE), new byte[] {0x4F, 0x47, 0x4C, 0x31, 0, 0, 1},
          java.nio.file.StandardOpenOption.APPEND);
      insertPerson(g, "P1");
      assertEquals(6, g.snapshot("main").count("Person", Predicate.TRUE));
    }
    try (Graph g = Graph.open(root.toString(), false)) {
      assertEquals(6, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }
}

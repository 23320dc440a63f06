package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.storage.StorageOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.storage.TableMaintenance;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoCompactionTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("omnigraph.autoCompactEvery");
    System.clearProperty("omnigraph.autoIndexAtRows");
  }

  private static void insert(Graph g, String name) {
    try (GraphTransaction tx = g.begin("main", "w")) {
      tx.insert("Person", List.of(Map.of("name", name)));
      tx.commit();
    }
  }

  private static boolean compactedByMaintenance(Graph g) {
    return g.commits("main").stream().anyMatch(c -> c.actorId() == null && c.parentCommitId() != null);
  }

  @Test
  void aTableThatKeepsGettingCommitsIsCompactedInTheBackground() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "5");
    String location = dir.resolve("g").toString();
    try (Graph g = Graph.init(location, Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      for (int i = 0; i < 12; i++) insert(g, "p" + i);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!compactedByMaintenance(g) && System.nanoTime() < deadline) Thread.sleep(50);
      assertTrue(compactedByMaintenance(g), "a compaction commit landed");
      for (int i = 12; i < 15; i++) insert(g, "p" + i);
    }
    // Closing waited for any compaction still running.
    try (Graph g = Graph.open(location, true, StorageOptions.NONE, Fixtures.direct())) {
      assertEquals(15, g.snapshot("main").count("Person", Predicate.TRUE));
      TableEntry person = g.snapshot("main").state().tables().stream()
          .filter(t -> t.tableKey().equals("node:Person")).findFirst().orElseThrow();
      assertEquals(person.version(), new TableMaintenance(g.context().tables()).head(g.context().store().uri(person.location())),
          "published equals HEAD");
      assertEquals(List.of(), g.context().recovery().pendingPaths());
    }
  }

  @Test
  void aBigFragmentIsLeftAsItIsWhileTheSmallOnesAfterItAreMerged() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "5");
    System.setProperty("omnigraph.autoIndexAtRows", "1000000000");
    try (Graph g = Graph.init(dir.resolve("g").toString(), "node Item {\n  label: String\n  n: I64\n}\n",
        StorageOptions.NONE, Fixtures.direct())) {
      List<Map<String, Object>> bulk = new java.util.ArrayList<>();
      for (int i = 0; i < TableMaintenance.TAIL_ROWS + 100; i++) bulk.add(Map.of("label", "bulk", "n", (long) i));
      try (GraphTransaction tx = g.begin("main", "w")) {
        tx.insert("Item", bulk);
        tx.commit();
      }
      Map<Integer, Integer> loaded = itemFragments(g);
      assertEquals(1, loaded.size());
      for (int i = 0; i < 12; i++) write(g, i);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!compactedByMaintenance(g) && System.nanoTime() < deadline) Thread.sleep(50);
      assertTrue(compactedByMaintenance(g), "a compaction commit landed");
      Map<Integer, Integer> after = itemFragments(g);
      var big = loaded.entrySet().iterator().next();
      assertEquals(big.getValue(), after.get(big.getKey()), "the loaded fragment was not rewritten: " + after);
      assertTrue(after.size() < 12, "the small fragments were merged: " + after);
      assertEquals(TableMaintenance.TAIL_ROWS + 112, g.snapshot("main").count("Item", Predicate.TRUE));
    }
  }

  @Test
  void aTextIndexedTableUnderUpdatesAndInsertsSurvivesBackgroundCompactionAndOptimize() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "8");
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      List<Map<String, Object>> people = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) people.add(Fixtures.person("q" + i, i % 90));
      try (GraphTransaction tx = g.begin("main", "w")) {
        tx.insert("Person", people);
        tx.commit();
      }
      g.ensureIndices("main");
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 60; i++) {
          // An update by predicate reads the whole table: a background compaction landing first is
          // a conflict, retried as a client retries 40001.
          for (int attempt = 0; ; attempt++) {
            try (GraphTransaction tx = g.begin("main", "w")) {
              if (i % 2 == 0) tx.insert("Person", List.of(Fixtures.person("r" + round + "-" + i, i)));
              else tx.update("Person", Predicate.eq("name", "q" + (i + round * 60)), Map.of("age", 1000 + i));
              tx.commit();
              break;
            } catch (io.omnigraph.engine.error.WriteConflict e) {
              if (attempt == 5) throw e;
            }
          }
        }
        Thread.sleep(500);
        g.optimize();
      }
      assertEquals(260, g.snapshot("main").count("Person", Predicate.TRUE));
      assertEquals(1059, g.snapshot("main").get("Person", "q119").orElseThrow().get("age"));
      assertEquals(1, g.snapshot("main").count("Person", Predicate.eq("name", "r1-58")));
    }
  }

  /** Fragment id to row count of the published Item table. */
  private static Map<Integer, Integer> itemFragments(Graph g) {
    return fragments(g, "Item");
  }

  /** Fragment id to row count of a type's published table. */
  private static Map<Integer, Integer> fragments(Graph g, String type) {
    io.omnigraph.engine.storage.TableRef ref = g.snapshot("main").ref(g.catalog().type(type).orElseThrow());
    try (org.apache.arrow.memory.RootAllocator a = new org.apache.arrow.memory.RootAllocator();
        org.lance.Dataset ds = org.lance.Dataset.open().allocator(a).uri(ref.uri()).build();
        org.lance.Dataset at = ds.checkoutVersion(ref.version())) {
      Map<Integer, Integer> out = new java.util.TreeMap<>();
      for (org.lance.Fragment f : at.getFragments()) out.put(f.getId(), f.countRows());
      return out;
    }
  }

  @Test
  void zeroSwitchesItOff() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "0");
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      // More commits than the default threshold, which would have compacted.
      for (int i = 0; i < 70; i++) insert(g, "p" + i);
      Thread.sleep(300);
      assertFalse(compactedByMaintenance(g));
    }
  }

  @Test
  void aTableWithScalarIndexesIsCompactedAndItsNewRowsFoldedIn() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "4");
    String location = dir.resolve("g").toString();
    try (Graph g = Graph.init(location, "node Item {\n  label: String\n  n: I64\n}\n",
        StorageOptions.NONE, Fixtures.direct())) {
      write(g, 0);
      g.ensureIndices("main");
      String built = g.snapshot("main").headCommitId();
      for (int i = 1; i <= 8; i++) write(g, i);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline && automaticAfter(g, built) == 0) Thread.sleep(50);
      assertTrue(automaticAfter(g, built) > 0, "an automatic compaction landed after the index build");
    }
    try (Graph g = Graph.open(location, true, StorageOptions.NONE, Fixtures.direct())) {
      assertEquals(9, g.snapshot("main").count("Item", Predicate.TRUE));
      TableEntry item = g.snapshot("main").state().tables().iterator().next();
      io.omnigraph.engine.storage.TableRef ref = new io.omnigraph.engine.storage.TableRef(
          g.context().store().uri(item.location()), null, item.version());
      io.omnigraph.engine.storage.TableIndexes indexes = new io.omnigraph.engine.storage.TableIndexes(g.context().tables());
      assertTrue(indexes.indexedColumns(ref).containsKey("id"), "the id index survived compaction");
      assertEquals(9, g.snapshot("main").count("Item", Predicate.eq("label", "item")));
    }
  }

  @Test
  void aTableWithATextIndexKeepsItsIdIndexCaughtUpWithoutRebuildingTheTextIndex() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "4");
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      insert(g, "p0");
      g.ensureIndices("main");
      io.omnigraph.engine.storage.TableIndexes indexes = new io.omnigraph.engine.storage.TableIndexes(g.context().tables());
      assertTrue(io.omnigraph.engine.storage.TableIndexes.isText(indexes.indexedColumns(personRef(g)).get("name")));
      // Commits 4 and 8 (after p3 and p7) each queue a catch-up; together they cover all 8 rows.
      for (int i = 1; i <= 7; i++) insert(g, "p" + i);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline && indexes.rowsIndexed(personRef(g)).get("id") < 8) Thread.sleep(50);
      Map<String, Long> covered = indexes.rowsIndexed(personRef(g));
      assertEquals(8L, covered.get("id"), "the id index caught up in the background, old rows included: " + covered);
      assertEquals(1L, covered.get("name"), "the text index waits for OPTIMIZE: " + covered);
      assertEquals(8, g.snapshot("main").count("Person", Predicate.TRUE));
      while (System.nanoTime() < deadline && fragments(g, "Person").size() > 2) Thread.sleep(50);
      assertTrue(fragments(g, "Person").size() <= 2,
          "the fragments the text index does not cover were merged: " + fragments(g, "Person"));
      for (String id : List.of("p0", "p4", "p7")) {
        var probe = indexes.probe(personRef(g), "id = '" + id + "'");
        assertEquals(1, probe.rowsMatched(), id);
        assertTrue(probe.fragmentsScanned() <= 1, id + " found through the index, no fragment scanned whole: " + probe);
      }
      g.optimize();
      assertEquals(Map.of("id", 8L, "name", 8L), Map.copyOf(indexes.rowsIndexed(personRef(g))),
          "OPTIMIZE merges the delta segments and rebuilds the text index");
      assertEquals(1, indexes.probe(personRef(g), "id = 'p7'").rowsMatched());
    }
  }

  @Test
  void aLargeIndexedTableIsFoldedOnlyOnceEnoughRowsAreUnindexed() throws Exception {
    System.setProperty("omnigraph.autoCompactEvery", "5");
    System.setProperty("omnigraph.autoIndexAtRows", "1000000000");
    try (Graph g = Graph.init(dir.resolve("g").toString(), "node Item {\n  label: String\n  n: I64\n}\n",
        StorageOptions.NONE, Fixtures.direct())) {
      long loaded = AutoCompaction.ALWAYS_FOLD_ROWS + 10;
      bulk(g, loaded);
      g.ensureIndices("main");
      io.omnigraph.engine.storage.TableIndexes indexes = new io.omnigraph.engine.storage.TableIndexes(g.context().tables());
      assertEquals(loaded, indexes.rowsIndexed(itemRef(g)).get("id"));
      for (int i = 0; i < 12; i++) write(g, i);
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!compactedByMaintenance(g) && System.nanoTime() < deadline) Thread.sleep(50);
      assertTrue(compactedByMaintenance(g), "a compaction commit landed");
      assertTrue(itemFragments(g).size() < 12, "the small fragments were merged: " + itemFragments(g));
      assertEquals(loaded, indexes.rowsIndexed(itemRef(g)).get("id"), "a few unindexed rows are not worth a fold");

      bulk(g, AutoCompaction.FOLD_AT_UNINDEXED_ROWS);
      String before = g.commits("main").stream().max(java.util.Comparator.comparingLong(
          io.omnigraph.engine.commit.GraphCommit::manifestVersion)).orElseThrow().id();
      for (int i = 12; i < 17; i++) write(g, i);
      deadline = System.nanoTime() + 30_000_000_000L;
      while (automaticAfter(g, before) == 0 && System.nanoTime() < deadline) Thread.sleep(50);
      long all = g.snapshot("main").count("Item", Predicate.TRUE);
      assertEquals(loaded + AutoCompaction.FOLD_AT_UNINDEXED_ROWS + 17, all);
      assertTrue(indexes.rowsIndexed(itemRef(g)).get("id") >= all - 5, "enough unindexed rows were folded");
    }
  }

  private static void bulk(Graph g, long rows) {
    List<Map<String, Object>> bulk = new java.util.ArrayList<>();
    for (long i = 0; i < rows; i++) bulk.add(Map.of("label", "bulk", "n", i));
    try (GraphTransaction tx = g.begin("main", "w")) {
      tx.insert("Item", bulk);
      tx.commit();
    }
  }

  private static io.omnigraph.engine.storage.TableRef itemRef(Graph g) {
    return g.snapshot("main").ref(g.catalog().type("Item").orElseThrow());
  }

  private static io.omnigraph.engine.storage.TableRef personRef(Graph g) {
    return g.snapshot("main").ref(g.catalog().type("Person").orElseThrow());
  }

  private static void write(Graph g, int n) {
    try (GraphTransaction tx = g.begin("main", "w")) {
      tx.insert("Item", List.of(Map.of("label", "item", "n", (long) n)));
      tx.commit();
    }
  }

  /** Commits without an actor (automatic compactions) published after commit {@code after}. */
  private static long automaticAfter(Graph g, String after) {
    List<io.omnigraph.engine.commit.GraphCommit> commits = g.commits("main");
    int at = 0;
    for (int i = 0; i < commits.size(); i++) if (commits.get(i).id().equals(after)) at = i;
    boolean newestFirst = commits.size() > 1 && commits.get(0).manifestVersion() > commits.get(1).manifestVersion();
    List<io.omnigraph.engine.commit.GraphCommit> beyond =
        newestFirst ? commits.subList(0, at) : commits.subList(at + 1, commits.size());
    return beyond.stream().filter(c -> c.actorId() == null).count();
  }
}

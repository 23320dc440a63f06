package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A merge of small fragments written while commits go on is committed over them, or refused when
 * one of them deleted rows it merged; the table is never left with rows lost or revived.
 */
class StagedCompactionTest {
  @TempDir Path dir;

  @BeforeEach
  void noBackgroundCompaction() {
    System.setProperty("omnigraph.autoCompactEvery", "0");
  }

  @AfterEach
  void clear() {
    System.clearProperty("omnigraph.autoCompactEvery");
  }

  private static void commit(Graph g, String insert, String delete) {
    try (GraphTransaction tx = g.begin("main", "w")) {
      if (insert != null) tx.insert("Person", List.of(Fixtures.person(insert, 1)));
      if (delete != null) tx.deleteById("Person", List.of(delete));
      tx.commit();
    }
  }

  private static TableEntry person(Graph g) {
    return g.snapshot("main").state().tables().stream().filter(t -> t.tableKey().equals("node:Person")).findFirst()
        .orElseThrow();
  }

  @Test
  void aMergeStagedBeforeCommitsIsCommittedOverThemAndKeepsTheirRows() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      for (int i = 0; i < 6; i++) commit(g, "p" + i, null);
      TableMaintenance maintenance = new TableMaintenance(g.context().tables());
      String uri = g.context().store().uri(person(g).location());
      try (StagedCompaction staged = maintenance.stageTailCompaction(uri, person(g).version())) {
        assertNotNull(staged);
        commit(g, "late", null);
        long pinned = person(g).version();
        TableMaintenance.Committed committed = maintenance.commitStaged(staged, pinned);
        assertTrue(committed.merged());
        long version = committed.version();
        assertTrue(version > pinned);
        Set<String> ids = new TreeSet<>();
        try (org.lance.Dataset ds = g.context().tables().openLatest(uri, null)) {
          assertEquals(version, ds.version());
          assertEquals(7, ds.countRows());
          assertTrue(ds.getFragments().size() <= 2, "six small fragments merged, the late one kept");
        }
        ids.addAll(Fixtures.ids(g.snapshot("main"), "Person"));
        assertEquals(7, ids.size());
      }
    }
  }

  @Test
  void aMergeIsRefusedWhenACommitSinceDeletedOneOfItsRows() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      for (int i = 0; i < 6; i++) commit(g, "p" + i, null);
      TableMaintenance maintenance = new TableMaintenance(g.context().tables());
      String uri = g.context().store().uri(person(g).location());
      try (StagedCompaction staged = maintenance.stageTailCompaction(uri, person(g).version())) {
        assertNotNull(staged);
        commit(g, null, "p2");
        long pinned = person(g).version();
        int fragments;
        try (org.lance.Dataset ds = g.context().tables().openLatest(uri, null)) {
          fragments = ds.getFragments().size();
        }
        TableMaintenance.Committed committed = maintenance.commitStaged(staged, pinned);
        assertFalse(committed.merged());
        try (org.lance.Dataset ds = g.context().tables().openLatest(uri, null)) {
          assertEquals(committed.version(), ds.version());
          assertEquals(5, ds.countRows(), "the deleted row stays deleted");
          assertEquals(fragments, ds.getFragments().size(), "nothing merged");
        }
        assertThrows(WriteConflict.class, () -> maintenance.commitStaged(staged, pinned), "HEAD is past the pin");
      }
    }
  }

  @Test
  void aBtreeRebuiltWhileCommitsLandIsCommittedOverThemAndCoversWhatItRead() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      for (int i = 0; i < 20; i++) commit(g, "p" + i, null);
      g.ensureIndices("main");
      for (int i = 20; i < 25; i++) commit(g, "p" + i, null);
      TableIndexes indexes = new TableIndexes(g.context().tables());
      TableEntry pinned = person(g);
      String uri = g.context().store().uri(pinned.location());
      TableRef ref = new TableRef(uri, null, pinned.version());
      assertEquals(5, indexes.unindexedRows(ref));
      TableIndexes.StagedIndexes rebuilt = indexes.stageRebuild(ref);
      assertNotNull(rebuilt);
      assertEquals(List.of("id"), rebuilt.built());
      commit(g, "late1", null);
      commit(g, "late2", null);
      long version = indexes.commitOnto(rebuilt, person(g).version(), java.util.Map.of());
      TableRef after = new TableRef(uri, null, version);
      assertEquals(25L, indexes.rowsIndexed(after).get("id"), "the rebuilt index covers the version it read");
      assertEquals(20L, indexes.rowsIndexed(after).get("name"), "the text index is left to OPTIMIZE");
      try (org.lance.Dataset ds = g.context().tables().openLatest(uri, null)) {
        assertEquals(27, ds.countRows());
        assertEquals(1, ds.countRows("id = 'late2'"));
        assertEquals(1, ds.countRows("id = 'p3'"));
      }
    }
  }
}

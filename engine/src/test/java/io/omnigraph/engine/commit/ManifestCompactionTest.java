package io.omnigraph.engine.commit;

import io.omnigraph.engine.storage.StorageOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;

/**
 * Main's manifest gains a fragment per commit; a rewrite of the small ones is staged in the
 * background every 64 and committed by a later publish: across compactions, the committing handle,
 * another handle reading along and a fresh open agree on every table, every commit and the head,
 * and an early version still reads as it was.
 */
class ManifestCompactionTest {
  @TempDir Path dir;

  @AfterEach
  void clear() {
    System.clearProperty("omnigraph.manifest.compactAt");
    System.clearProperty("omnigraph.autoCompactEvery");
  }

  private static void insert(Graph g, String name) {
    try (GraphTransaction tx = g.begin("main", "w")) {
      tx.insert("Person", List.of(Map.of("name", name)));
      tx.commit();
    }
  }

  @Test
  void theManifestIsRewrittenInTheBackgroundAndKeepsEveryCommit() throws Exception {
    System.setProperty("omnigraph.manifest.compactAt", "8");
    // Table compactions publish commits of their own; left out, every publish here is an insert.
    System.setProperty("omnigraph.autoCompactEvery", "0");
    String location = dir.resolve("g").toString();
    List<GraphCommit> before;
    try (Graph g = Graph.init(location, Fixtures.schema(), StorageOptions.NONE, Fixtures.direct())) {
      for (int i = 0; i < 60; i++) {
        insert(g, "p" + i);
        // Each rewrite is committed by the first publish after it is staged.
        g.context().manifestCompaction().awaitStaged();
      }
      int fragments = manifestFragments(location);
      assertTrue(fragments < 20, "60 publishes left " + fragments + " manifest fragments");
      assertEquals(60, Fixtures.ids(g.snapshot("main"), "Person").size());
      before = g.commits("main");
      assertEquals(61, before.size(), "every insert's commit and the graph's first");
      for (int i = 0; i < before.size() - 1; i++) assertEquals(before.get(i + 1).id(), before.get(i).parentCommitId());
    }
    try (Graph reopened = Graph.open(location, false, StorageOptions.NONE, Fixtures.direct())) {
      assertEquals(before, reopened.commits("main"));
      insert(reopened, "after");
      assertEquals(61, Fixtures.ids(reopened.snapshot("main"), "Person").size());
    }
  }
  @Test
  void compactionsOfTheManifestChangeNothingAnyHandleReads() {
    try (Graph a = Fixtures.loaded(dir, Fixtures.direct()); Graph b = Graph.open(a.location(), false,
        StorageOptions.NONE, Fixtures.direct())) {
      long early = a.snapshot("main").manifestVersion();
      long personsEarly = a.snapshot("main").count("Person", Predicate.TRUE);
      for (int i = 0; i < 150; i++) {
        try (GraphTransaction tx = a.begin("main", "w")) {
          tx.insert("Person", List.of(Fixtures.person("M" + i, i % 90)));
          tx.commit();
        }
        if (i % 20 == 0) b.snapshot("main");
      }
      assertTrue(manifestFragments(a.location()) < 64, "the manifest was compacted");
      try (Graph fresh = Graph.open(a.location(), true, StorageOptions.NONE, Fixtures.direct())) {
        for (Graph g : List.of(a, b)) {
          assertEquals(List.copyOf(fresh.snapshot("main").state().tables()), List.copyOf(g.snapshot("main").state().tables()));
          assertEquals(fresh.snapshot("main").state().commits(), g.snapshot("main").state().commits());
          assertEquals(fresh.snapshot("main").headCommitId(), g.snapshot("main").headCommitId());
        }
        assertEquals(personsEarly + 150, fresh.snapshot("main").count("Person", Predicate.TRUE));
        assertEquals(personsEarly, fresh.snapshotAt("main", early).count("Person", Predicate.TRUE));
      }
    }
  }

  private static int manifestFragments(String location) {
    try (RootAllocator allocator = new RootAllocator();
        Dataset ds = Dataset.open().allocator(allocator).uri(Path.of(location, "__manifest").toString()).build()) {
      return ds.getFragments().size();
    }
  }
}

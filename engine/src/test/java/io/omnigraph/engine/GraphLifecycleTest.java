package io.omnigraph.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.TableInfo;
import io.omnigraph.engine.storage.ManifestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphLifecycleTest {
  @TempDir Path dir;

  @Test
  void initCreatesSchemaFilesManifestTablesAndGenesisCommit() throws Exception {
    Path root = dir.resolve("g");
    try (Graph g = Graph.init(root.toString(), Fixtures.schema())) {
      for (String f : List.of("_schema.pg", "_schema.ir.json", "__schema_state.json", ManifestStore.DIR)) {
        assertTrue(Files.exists(root.resolve(f)), f);
      }
      Snapshot s = g.snapshot("main");
      assertEquals(Set.of("node:Person", "node:Company", "edge:Knows", "edge:WorksAt"),
          Set.copyOf(s.tables().stream().map(TableInfo::tableKey).toList()));
      assertEquals(List.of("main"), g.branches());
      List<GraphCommit> commits = g.commits("main");
      assertEquals(1, commits.size());
      assertNull(commits.get(0).parentCommitId());
      assertEquals(commits.get(0).id(), s.headCommitId());
      assertEquals(6, g.context().manifest().internalSchemaVersion());
      assertTrue(Files.notExists(root.resolve("__recovery")));
      assertTrue(Files.notExists(root.resolve("__init_claim.json")));
    }
  }

  @Test
  void initTwiceFailsAndLeavesSchemaFilesAlone() throws Exception {
    Path root = dir.resolve("g");
    Graph.init(root.toString(), Fixtures.schema()).close();
    byte[] before = Files.readAllBytes(root.resolve("_schema.pg"));
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> Graph.init(root.toString(), Fixtures.schema()));
    assertEquals(ErrorKind.STATE, e.kind());
    assertTrue(e.getMessage().contains("AlreadyInitialized"));
    assertEquals(new String(before), Files.readString(root.resolve("_schema.pg")));
  }

  @Test
  void reopenedGraphReadsTheSameData() {
    String location;
    try (Graph g = Fixtures.loaded(dir)) {
      location = g.location();
    }
    try (Graph g = Graph.open(location, true)) {
      assertEquals(Set.of("Alice", "Bob", "Charlie", "Diana"), Fixtures.ids(g.snapshot("main"), "Person"));
      assertEquals(3, g.snapshot("main").count("Knows", io.omnigraph.engine.read.Predicate.TRUE));
      OmniGraphException e = assertThrows(OmniGraphException.class, () -> g.begin("main", null));
      assertEquals(ErrorKind.READ_ONLY, e.kind());
    }
  }

  @Test
  void openingAMissingGraphIsNotFound() {
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> Graph.open(dir.resolve("none").toString(), false));
    assertEquals(ErrorKind.NOT_FOUND, e.kind());
  }

  @Test
  void editedSchemaFileIsRefused() throws Exception {
    Path root = dir.resolve("g");
    Graph.init(root.toString(), Fixtures.schema()).close();
    Files.writeString(root.resolve("_schema.pg"), Fixtures.schema() + "\nnode Extra { x: I32? }\n");
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> Graph.open(root.toString(), false));
    assertTrue(e.getMessage().contains("no longer matches the accepted compiled schema"));
  }

  @Test
  void snapshotPinnedBeforeAWriteKeepsReturningTheOldState() {
    try (Graph g = Fixtures.loaded(dir)) {
      Snapshot before = g.snapshot("main");
      String commit = before.headCommitId();
      try (var tx = g.begin("main", "t")) {
        tx.insert("Person", List.of(Fixtures.person("Eve", 22)));
        tx.commit();
      }
      assertEquals(4, Fixtures.ids(before, "Person").size());
      assertEquals(4, Fixtures.ids(g.snapshotAtCommit(commit), "Person").size());
      assertEquals(4, Fixtures.ids(g.snapshotAt("main", before.manifestVersion()), "Person").size());
      assertEquals(5, Fixtures.ids(g.snapshot("main"), "Person").size());
      assertThrows(OmniGraphException.class, () -> g.snapshotAt("main", 99999));
    }
  }
}

package io.omnigraph.engine.maintenance;

import static io.omnigraph.engine.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.TableIndexes;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** ensureIndices on the fixture graph (SPEC §9): what is built, how it commits, and that reads use it. */
class EnsureIndicesTest extends MaintenanceFixture {
  private static Map<String, TableIndexStats> byKey(List<TableIndexStats> stats) {
    return stats.stream().collect(Collectors.toMap(TableIndexStats::typeKey, Function.identity()));
  }

  @Test
  void ensureIndicesBuildsEachTablesIndexesAsOneVersionInOneCommit() {
    long before = gmv("main");
    Map<String, Long> versions = g.catalog().allTypes().stream()
        .collect(Collectors.toMap(EntityType::tableKey, t -> entry("main", t.name()).version()));

    IndexBuildResult r = maintenance.ensureIndices("main");

    assertEquals(before + 1, r.manifestVersion().orElseThrow());
    assertEquals(before + 1, gmv("main"));
    Map<String, TableIndexStats> stats = byKey(r.tables());
    assertEquals(List.of("id", "name"), stats.get("node:Person").built());
    assertEquals(List.of("id", "src", "dst"), stats.get("edge:Knows").built());
    for (EntityType t : g.catalog().allTypes()) {
      assertEquals(versions.get(t.tableKey()) + 1, entry("main", t.name()).version(), t.tableKey());
      assertEquals(entry("main", t.name()).version(), stats.get(t.tableKey()).publishedVersion());
    }
    Map<String, String> person = indexes.indexedColumns(ref("main", "Person"));
    assertEquals("BTree", person.get("id"));
    assertEquals("Inverted", person.get("name"));
    GraphCommit head = g.commits("main").get(0);
    assertEquals(before + 1, head.manifestVersion());
    assertNull(head.actorId());
    assertEquals(List.of(), g.context().recovery().pendingPaths(), "the sidecar is gone after the publish");
  }

  @Test
  void ensureIndicesTwiceCommitsOnce() {
    maintenance.ensureIndices("main");
    long after = gmv("main");
    IndexBuildResult again = maintenance.ensureIndices("main");
    assertTrue(again.manifestVersion().isEmpty());
    assertTrue(again.tables().stream().noneMatch(TableIndexStats::committed));
    assertEquals(after, gmv("main"));
  }

  @Test
  void aLookupByIdUsesTheIndexOnceBuilt() {
    TableIndexes.LookupProbe scan = indexes.probe(ref("main", "Person"), "id = 'Alice'");
    assertEquals(0, scan.indicesLoaded());
    assertEquals(4, scan.rowsScanned());
    maintenance.ensureIndices("main");
    TableIndexes.LookupProbe indexed = indexes.probe(ref("main", "Person"), "id = 'Alice'");
    assertTrue(indexed.indicesLoaded() >= 1, indexed.toString());
    assertEquals(1, indexed.rowsMatched());
    assertEquals(1, indexed.rowsScanned(), "only the matching row is read");
    assertEquals(30, g.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
  }

  @Test
  void onABranchOnlyItsForkedTablesAreIndexed() {
    long mainBefore = gmv("main");
    g.createBranch("feature", "main");
    insert("feature", "Eve");
    IndexBuildResult r = maintenance.ensureIndices("feature");
    Map<String, TableIndexStats> stats = byKey(r.tables());
    assertEquals(List.of("id", "name"), stats.get("node:Person").built());
    assertEquals("inherited from another branch", stats.get("edge:Knows").skipped());
    assertEquals("feature", entry("feature", "Person").tableBranch());
    assertEquals(mainBefore, gmv("main"));
    assertFalse(indexes.indexedColumns(ref("main", "Person")).containsKey("id"), "main's table is untouched");
    assertTrue(g.snapshot("feature").get("Person", "Eve").isPresent());
  }
}

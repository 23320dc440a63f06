package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.Fixtures;

import io.omnigraph.engine.storage.StorageOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index kind chosen for each declared property type (SPEC §9). */
class DeclaredIndexesTest {
  static final String SCHEMA = """
      node Doc {
        slug: String @key
        kind: enum(memo, report) @index
        rank: I32? @index
        body: String? @index
        emb: Vector(4)? @index
        tags: [String]?
        raw: Blob?
      }
      """;

  @TempDir Path dir;
  Graph g;

  @AfterEach
  void tearDown() {
    if (g != null) g.close();
  }

  private Maintenance withDocs(int n) {
    g = Graph.init(dir.resolve("g").toString(), SCHEMA, StorageOptions.NONE, Fixtures.direct());
    Random random = new Random(7);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> row = new HashMap<>();
      row.put("slug", "doc-" + i);
      row.put("kind", i % 2 == 0 ? "memo" : "report");
      row.put("rank", i);
      row.put("body", "quarterly numbers for unit " + i);
      row.put("emb", new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat(), random.nextFloat()});
      rows.add(row);
    }
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Doc", rows);
      tx.commit();
    }
    return new Maintenance(g.context());
  }

  private Map<String, String> indexed() {
    TableRef ref = g.snapshot("main").ref(g.catalog().type("Doc").orElseThrow());
    return new TableIndexes(g.context().tables()).indexedColumns(ref);
  }

  @Test
  void eachPropertyTypeGetsItsIndexKind() {
    IndexBuildResult r = withDocs(300).ensureIndices("main");
    TableIndexStats doc = r.tables().get(0);
    assertEquals(List.of("id", "slug", "kind", "rank", "body", "emb"), doc.built());
    assertEquals(List.of(), doc.pendingColumns());
    Map<String, String> kinds = indexed();
    assertEquals("BTree", kinds.get("id"));
    assertEquals("Inverted", kinds.get("slug"));
    assertEquals("BTree", kinds.get("kind"));
    assertEquals("BTree", kinds.get("rank"));
    assertEquals("Inverted", kinds.get("body"));
    assertTrue(kinds.get("emb").startsWith("IVF"), kinds.toString());
    assertFalse(kinds.containsKey("tags") || kinds.containsKey("raw"), "lists and blobs get no index");
  }

  @Test
  void aVectorIndexWithTooFewVectorsStaysPendingUntilItCanTrain() {
    Maintenance m = withDocs(10);
    TableIndexStats doc = m.ensureIndices("main").tables().get(0);
    assertEquals(List.of("emb"), doc.pendingColumns());
    assertTrue(doc.pending().get(0).reason().contains(TableIndexes.MIN_TRAINING_VECTORS + " non-null vectors"),
        doc.pending().toString());
    assertFalse(indexed().containsKey("emb"));
    assertTrue(indexed().containsKey("rank"));

    List<Map<String, Object>> more = new ArrayList<>();
    for (int i = 10; i < (int) TableIndexes.MIN_TRAINING_VECTORS + 10; i++) {
      more.add(Map.of("slug", "doc-" + i, "kind", "memo", "emb", new float[] {i, 1, 2, 3}));
    }
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Doc", more);
      tx.commit();
    }
    TableIndexStats later = m.ensureIndices("main").tables().get(0);
    assertEquals(List.of("emb"), later.built());
    assertEquals(List.of(), later.pendingColumns());
  }
}

package io.omnigraph.engine.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.write.LoadMode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point lookups by id on a 100k-row table before and after {@code ensureIndices}. Asserts only that
 * the index answers the lookup; the latencies are printed for docs/benchmarks.md, not asserted.
 */
class IndexLookupLatencyTest {
  private static final int ROWS = 100_000;
  private static final int LOOKUPS = 200;

  @TempDir Path dir;

  @Test
  void aLookupByIdReadsOneRowOnceTheIdIsIndexed() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), "node Item { sku: String @key\n qty: I64? }")) {
      StringBuilder jsonl = new StringBuilder();
      for (int i = 0; i < ROWS; i++) {
        jsonl.append("{\"type\":\"Item\",\"data\":{\"sku\":\"").append(sku(i)).append("\",\"qty\":").append(i).append("}}\n");
      }
      g.load("main", new StringReader(jsonl.toString()), LoadMode.OVERWRITE, null);
      TableIndexes indexes = new TableIndexes(g.context().tables());

      TableIndexes.LookupProbe scan = indexes.probe(ref(g), "id = '" + sku(4242) + "'");
      assertEquals(0, scan.indicesLoaded());
      assertEquals(ROWS, scan.rowsScanned());
      double before = meanLookupMillis(g);

      new Maintenance(g.context()).ensureIndices("main");

      TableIndexes.LookupProbe indexed = indexes.probe(ref(g), "id = '" + sku(4242) + "'");
      assertTrue(indexed.indicesLoaded() >= 1, indexed.toString());
      assertEquals(1, indexed.rowsMatched());
      assertEquals(1, indexed.rowsScanned(), indexed.toString());
      double after = meanLookupMillis(g);

      System.out.printf("lookup by id on %,d rows: %.3f ms without index, %.3f ms with BTREE (mean of %d, warm)%n",
          ROWS, before, after, LOOKUPS);
    }
  }

  private static TableRef ref(Graph g) {
    return g.snapshot("main").ref(g.catalog().type("Item").orElseThrow());
  }

  private static double meanLookupMillis(Graph g) {
    Snapshot s = g.snapshot("main");
    Random random = new Random(1);
    for (int i = 0; i < 20; i++) s.get("Item", sku(random.nextInt(ROWS)));
    long start = System.nanoTime();
    for (int i = 0; i < LOOKUPS; i++) {
      if (s.get("Item", sku(random.nextInt(ROWS))).isEmpty()) throw new AssertionError("lookup missed");
    }
    return (System.nanoTime() - start) / 1e6 / LOOKUPS;
  }

  private static String sku(int i) {
    return String.format("sku-%06d", i);
  }
}

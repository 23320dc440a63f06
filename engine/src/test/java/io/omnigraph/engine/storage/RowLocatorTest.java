package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups by id answered through stable row ids give exactly what a full scan gives, on every
 * version a table goes through: inserts, updates (a new row id under the same key), deletes,
 * compaction, an older snapshot of the same lineage, a branch's fork, a transaction's pending rows.
 */
class RowLocatorTest {
  private static final String SCHEMA = "node Item { sku: String @key\n qty: I64? }";

  @TempDir Path dir;

  @Test
  void lookupsMatchAFullScanAcrossEveryKindOfChange() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      load(g, 0, 3000);
      List<String> probes = new ArrayList<>();
      for (int i = 0; i < 3100; i += 7) probes.add(sku(i));
      probes.add("no-such-item");
      long before = located(g);
      assertLookupsMatchScan(g.snapshot("main"), probes);
      assertTrue(located(g) > before, "a table of 3,000 rows is located on its first lookup");
      long beforeKey = located(g);
      try (RowCursor c = g.snapshot("main").scan("Item",
          ScanRequest.all().withFilter(new Predicate.Compare("sku", Predicate.Op.EQ, sku(42))))) {
        assertTrue(c.next());
      }
      assertEquals(beforeKey + 1, located(g), "a filter on the single String key is located as one on id");

      for (int i = 3000; i < 3040; i++) {
        Map<String, Object> row = item(i, i);
        write(g, "main", tx -> tx.insert("Item", List.of(row)));
      }
      ReadView afterInserts = g.snapshot("main");
      write(g, "main", tx -> tx.updateById("Item", Map.of(sku(7), Map.of("qty", -7L), sku(3003), Map.of("qty", -1L))));
      write(g, "main", tx -> tx.deleteById("Item", List.of(sku(14), sku(3010))));
      probes.addAll(List.of(sku(3003), sku(3010), sku(3039)));
      assertLookupsMatchScan(g.snapshot("main"), probes);
      // The older version still holds the rows deleted and the values updated since.
      assertLookupsMatchScan(afterInserts, probes);
      assertEquals(Optional.of(14L), afterInserts.get("Item", sku(14)).map(r -> r.get("qty")));

      g.createBranch("side", "main");
      write(g, "side", tx -> tx.insert("Item", List.of(item(5000, 1))));
      write(g, "side", tx -> tx.updateById("Item", Map.of(sku(21), Map.of("qty", 2100L))));
      write(g, "main", tx -> tx.insert("Item", List.of(item(6000, 1))));
      probes.addAll(List.of(sku(5000), sku(6000), sku(21)));
      assertLookupsMatchScan(g.snapshot("side"), probes);
      assertLookupsMatchScan(g.snapshot("main"), probes);

      g.optimize();
      assertLookupsMatchScan(g.snapshot("main"), probes);
      assertLookupsMatchScan(afterInserts, probes);

      try (GraphTransaction tx = g.begin("main", "test")) {
        tx.updateById("Item", Map.of(sku(28), Map.of("qty", 99L)));
        tx.deleteById("Item", List.of(sku(35)));
        assertEquals(Optional.of(99L), tx.get("Item", sku(28)).map(r -> r.get("qty")));
        assertEquals(Optional.empty(), tx.get("Item", sku(35)));
        assertLookupsMatchScan(tx, probes);
      }
    }
  }

  @Test
  void anOlderVersionIsAnsweredWithTheRowsItHeldEvenWhenANewerOneWasReadFirst() {
    String location = dir.resolve("g").toString();
    long before;
    try (Graph g = Graph.init(location, SCHEMA)) {
      load(g, 0, 1000);
      before = g.snapshot("main").manifestVersion();
      write(g, "main", tx -> tx.deleteById("Item", List.of(sku(5))));
      write(g, "main", tx -> tx.updateById("Item", Map.of(sku(6), Map.of("qty", -6L))));
    }
    // A fresh handle, so the first version whose ids are read is the newest one.
    try (Graph g = Graph.open(location, false)) {
      List<String> probes = List.of(sku(4), sku(5), sku(6), sku(999));
      assertLookupsMatchScan(g.snapshot("main"), probes);
      ReadView old = g.snapshotAt("main", before);
      assertLookupsMatchScan(old, probes);
      assertEquals(Optional.of(5L), old.get("Item", sku(5)).map(r -> r.get("qty")));
      assertEquals(Optional.of(6L), old.get("Item", sku(6)).map(r -> r.get("qty")));
      assertTrue(located(g) > 0);
    }
  }

  @Test
  void aLargeTableIsLocatedOnlyAfterRepeatedLookups() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      int rows = (int) RowLocator.EAGER_ROWS + 1000;
      load(g, 0, rows);
      ReadView s = g.snapshot("main");
      long before = located(g);
      for (int i = 0; i < RowLocator.LOOKUPS_BEFORE_BUILD - 1; i++) {
        assertEquals(Optional.of((long) i), s.get("Item", sku(i)).map(r -> r.get("qty")));
      }
      assertEquals(before, located(g), "one-off lookups are answered by a scan");
      for (int i = 0; i < 50; i++) {
        assertEquals(Optional.of((long) i * 13), s.get("Item", sku(i * 13)).map(r -> r.get("qty")));
      }
      assertTrue(located(g) >= before + 50, "repeated lookups read the table's ids once, then locate");
      assertLookupsMatchScan(s, List.of(sku(0), sku(rows - 1), sku(rows), "x"));
    }
  }

  @Test
  void aTableOverTheBudgetIsNeverLocatedAndStillAnswered() {
    String key = "omnigraph.cache.locatedRows";
    String old = System.getProperty(key);
    System.setProperty(key, "100");
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      load(g, 0, 500);
      List<String> probes = new ArrayList<>();
      for (int i = 0; i < 520; i += 3) probes.add(sku(i));
      assertLookupsMatchScan(g.snapshot("main"), probes);
      assertLookupsMatchScan(g.snapshot("main"), probes);
      assertEquals(0, located(g));
    } finally {
      if (old == null) System.clearProperty(key);
      else System.setProperty(key, old);
    }
  }

  private interface Work {
    void run(GraphTransaction tx);
  }

  private static void write(Graph g, String branch, Work work) {
    try (GraphTransaction tx = g.begin(branch, "test")) {
      work.run(tx);
      tx.commit();
    }
  }

  private static long located(Graph g) {
    return g.context().tables().locatedLookups();
  }

  /** Every probe, alone and in one IN list, answers as a full scan filtered in the test does. */
  private static void assertLookupsMatchScan(ReadView view, List<String> probes) {
    Map<String, Map<String, Object>> all = new HashMap<>();
    try (RowCursor c = view.scan("Item", ScanRequest.all())) {
      while (c.next()) {
        Map<String, Object> row = c.rowMap();
        // Updates and deletes find the rows they remove through the locator too: none may survive.
        assertEquals(null, all.put((String) row.get("id"), row), "one live row per id");
      }
    }
    for (String id : probes) {
      assertEquals(Optional.ofNullable(all.get(id)), view.get("Item", id), "lookup of " + id);
      // The single String key holds the id itself, so a filter on it is a lookup too.
      List<Map<String, Object>> byKey = new ArrayList<>();
      try (RowCursor c = view.scan("Item", ScanRequest.all().withFilter(new Predicate.Compare("sku", Predicate.Op.EQ, id)))) {
        while (c.next()) byKey.add(c.rowMap());
      }
      assertEquals(all.containsKey(id) ? List.of(all.get(id)) : List.of(), byKey, "lookup by sku " + id);
    }
    Map<String, Map<String, Object>> found = new HashMap<>();
    ScanRequest in = ScanRequest.all().withFilter(new Predicate.In("id", new ArrayList<>(probes)));
    try (RowCursor c = view.scan("Item", in)) {
      while (c.next()) {
        Map<String, Object> row = c.rowMap();
        assertEquals(null, found.put((String) row.get("id"), row), "one row per id");
      }
    }
    Map<String, Map<String, Object>> expected = new HashMap<>();
    for (String id : probes) if (all.containsKey(id)) expected.put(id, all.get(id));
    assertEquals(expected, found);
  }

  private static void load(Graph g, int from, int to) {
    StringBuilder jsonl = new StringBuilder();
    for (int i = from; i < to; i++) {
      jsonl.append("{\"type\":\"Item\",\"data\":{\"sku\":\"").append(sku(i)).append("\",\"qty\":").append(i).append("}}\n");
    }
    g.load("main", new StringReader(jsonl.toString()), LoadMode.APPEND, null);
  }

  private static Map<String, Object> item(int i, long qty) {
    return Map.of("sku", sku(i), "qty", qty);
  }

  private static String sku(int i) {
    return String.format("sku-%06d", i);
  }
}

package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.Aggregation.Function;
import io.omnigraph.engine.read.Aggregation.Measure;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanAggregator;
import io.omnigraph.engine.write.GraphTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregates answered from held columns give exactly what a scan computes, on random rows with
 * nulls, over every version a table goes through (inserts as new fragments, deletes as deletion
 * vectors, updates as both, an older snapshot, a branch), and stay right when the budget evicts.
 */
class ColumnCacheTest {
  private static final String SCHEMA = """
      node Reading {
        name: String @key
        site: String?
        n: I64?
        k: I32
        u: U32?
        f: F64?
        g: F32?
        day: Date?
        ok: Bool?
      }
      node Other {
        name: String @key
        v: I64
      }
      """;

  @TempDir java.nio.file.Path dir;

  @Test
  void heldColumnsAnswerAsAScanAcrossEveryKindOfChange() {
    Random random = new Random(7);
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      for (int batch = 0; batch < 4; batch++) insert(g, "main", rows(random, batch * 400, batch * 400 + 400));
      assertAllMatch(g, g.snapshot("main"));
      Snapshot beforeChanges = g.snapshot("main");

      write(g, "main", tx -> tx.delete("Reading", Predicate.eq("site", "s1")));
      assertAllMatch(g, g.snapshot("main"));
      write(g, "main", tx -> tx.deleteById("Reading", List.of("r3", "r401", "r802", "r1203")));
      write(g, "main", tx -> tx.updateById("Reading", Map.of(
          "r10", Map.of("n", Long.MAX_VALUE, "site", "fr\u00e9sh"), "r410", Map.of("k", -5, "f", 1e300),
          "r1210", Map.of("day", LocalDate.of(1999, 1, 1)))));
      insert(g, "main", rows(random, 5000, 5050));
      assertAllMatch(g, g.snapshot("main"));
      // The version before the changes still has its own fragments' states held or read.
      assertAllMatch(g, beforeChanges);

      g.createBranch("side", "main");
      write(g, "side", tx -> tx.updateById("Reading", Map.of("r20", Map.of("k", 1000))));
      write(g, "side", tx -> tx.delete("Reading", Predicate.eq("site", "s2")));
      assertAllMatch(g, g.snapshot("side"));
      assertAllMatch(g, g.snapshot("main"));

      g.optimize();
      assertAllMatch(g, g.snapshot("main"));
    }
  }

  /** Sums cast to double are added in row order, bit for bit, also past 2^53 where doubles round. */
  @Test
  void doubleSumsOfIntegersAreTheRowOrderSums() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      Random random = new Random(11);
      // Small values first; then fragments each within 2^53 in magnitude but not together; then beyond.
      for (int batch = 0; batch < 6; batch++) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < (batch < 2 || batch == 5 ? 300 : 3); i++) {
          long big = (1L << 51) + 1;
          long n = batch == 5 ? random.nextLong() >> 8 : batch >= 2 ? big : random.nextInt(1000) - 500;
          rows.add(Map.of("name", "d" + batch + "-" + i, "k", batch >= 2 && batch < 5 ? 0 : i % 3, "n", n, "f", random.nextGaussian() * 1e10));
        }
        insert(g, "main", rows);
        Snapshot s = g.snapshot("main");
        Aggregation a = new Aggregation(List.of("k"), List.of(new Measure(Function.SUM, "n", true),
            new Measure(Function.SUM, "f", false)), Predicate.TRUE);
        Map<Object, List<Object>> scanned = new TreeMap<>();
        Map<Object, List<Object>> held = new TreeMap<>();
        long before = cached(g);
        try (RowCursor c = ScanAggregator.aggregate(s, "Reading", a)) {
          while (c.next()) scanned.put(c.row()[0], List.of(c.row()));
        }
        try (RowCursor c = pushed(g, s, "Reading", a)) {
          while (c.next()) held.put(c.row()[0], List.of(c.row()));
        }
        assertEquals(before + 1, cached(g));
        assertEquals(scanned, held, "batch " + batch);
      }
    }
  }

  @Test
  void aStringColumnOfMostlyUniqueValuesIsNotGroupedFromHeldColumnsButIsStillCounted() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      insert(g, "main", rows(new Random(5), 0, 2000));
      Snapshot s = g.snapshot("main");
      Aggregation byName = new Aggregation(List.of("name"), List.of(new Measure(Function.COUNT, null, false)), Predicate.TRUE);
      Aggregation countNames = new Aggregation(List.of("site"), List.of(new Measure(Function.COUNT, "name", false)), Predicate.TRUE);
      long before = cached(g);
      for (int i = 0; i < 2; i++) {
        assertEquals(render(ScanAggregator.aggregate(s, "Reading", byName)), render(pushed(g, s, "Reading", byName)));
      }
      assertEquals(before, cached(g), "2,000 distinct names in one fragment make no dictionary");
      assertEquals(render(ScanAggregator.aggregate(s, "Reading", countNames)), render(pushed(g, s, "Reading", countNames)));
      assertEquals(before + 1, cached(g), "a column only counted is held as its nulls");
    }
  }

  @Test
  void aLargeTableIsHeldOnlyAfterRepeatedAggregates() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < ColumnCache.EAGER_ROWS + 10; i++) rows.add(Map.of("name", "o" + i, "v", (long) i % 10));
      insertOther(g, rows);
      Aggregation a = new Aggregation(List.of("v"), List.of(new Measure(Function.COUNT, null, false)), Predicate.TRUE);
      Snapshot s = g.snapshot("main");
      long before = cached(g);
      for (int i = 1; i < ColumnCache.USES_BEFORE_BUILD; i++) {
        assertEquals(render(ScanAggregator.aggregate(s, "Other", a)), render(pushed(g, s, "Other", a)));
      }
      assertEquals(before, cached(g), "the first aggregates of a large table are left to Lance");
      assertEquals(render(ScanAggregator.aggregate(s, "Other", a)), render(pushed(g, s, "Other", a)));
      assertEquals(before + 1, cached(g), "a repeated aggregate reads the table's columns once and answers from them");
      // A small change is read at once: the next version is answered from held columns too.
      insertOther(g, List.of(Map.of("name", "extra", "v", 3L)));
      Snapshot next = g.snapshot("main");
      assertEquals(render(ScanAggregator.aggregate(next, "Other", a)), render(pushed(g, next, "Other", a)));
      assertEquals(before + 2, cached(g));
    }
  }

  @Test
  void aTinyBudgetEvictsLeastRecentlyUsedColumnsAndAnswersStayRight() {
    try (Graph g = withColumnBytes(20_000, () -> Graph.init(dir.resolve("g").toString(), SCHEMA))) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < 1500; i++) rows.add(Map.of("name", "o" + i, "v", (long) i % 10));
      insertOther(g, rows);
      insert(g, "main", rows(new Random(3), 0, 1500));
      Aggregation others = new Aggregation(List.of("v"), List.of(new Measure(Function.COUNT, null, false)), Predicate.TRUE);
      Aggregation readings = new Aggregation(List.of(), List.of(new Measure(Function.SUM, "n", false)), Predicate.TRUE);
      Snapshot s = g.snapshot("main");
      long before = cached(g);
      assertEquals(render(ScanAggregator.aggregate(s, "Other", others)), render(pushed(g, s, "Other", others)));
      long othersBytes = g.context().tables().cachedColumnBytes();
      assertTrue(othersBytes > 0 && othersBytes <= 20_000, "1,500 longs fit the budget: " + othersBytes);
      assertEquals(render(ScanAggregator.aggregate(s, "Reading", readings)), render(pushed(g, s, "Reading", readings)));
      long bytes = g.context().tables().cachedColumnBytes();
      assertTrue(bytes <= 20_000, "the budget holds: " + bytes);
      assertTrue(bytes < othersBytes * 2, "the least recently used table's columns were evicted: " + bytes);
      assertEquals(before + 2, cached(g), "both were answered from columns read for them");
      // Evicted columns are read again: still right.
      assertEquals(render(ScanAggregator.aggregate(s, "Other", others)), render(pushed(g, s, "Other", others)));
      assertEquals(before + 3, cached(g));
      // Columns that cannot fit the budget at all are not read: Lance answers.
      Aggregation wide = new Aggregation(List.of("site"), List.of(new Measure(Function.SUM, "n", false),
          new Measure(Function.MAX, "f", false), new Measure(Function.MIN, "u", false)), Predicate.TRUE);
      assertEquals(render(ScanAggregator.aggregate(s, "Reading", wide)), render(pushed(g, s, "Reading", wide)));
      assertEquals(before + 3, cached(g));
    }
  }

  private static <T> T withColumnBytes(long bytes, Supplier<T> open) {
    String key = "omnigraph.cache.columnBytes";
    String old = System.getProperty(key);
    System.setProperty(key, Long.toString(bytes));
    try {
      return open.get();
    } finally {
      if (old == null) System.clearProperty(key);
      else System.setProperty(key, old);
    }
  }

  /** Every aggregation the held columns can answer is answered from them, and equals the scan's answer. */
  private static void assertAllMatch(Graph g, Snapshot view) {
    for (Aggregation a : aggregations()) {
      long before = cached(g);
      assertEquals(render(ScanAggregator.aggregate(view, "Reading", a)), render(pushed(g, view, "Reading", a)), a.toString());
      assertEquals(before + 1, cached(g), "answered from held columns: " + a);
    }
    // A filter the held columns do not evaluate is left to Lance, and is still right.
    Aggregation like = new Aggregation(List.of("site"), List.of(new Measure(Function.COUNT, null, false)),
        new Predicate.Like("site", "s%", false));
    long before = cached(g);
    assertEquals(render(ScanAggregator.aggregate(view, "Reading", like)), render(pushed(g, view, "Reading", like)));
    assertEquals(before, cached(g));
  }

  private static List<Aggregation> aggregations() {
    List<Measure> all = new ArrayList<>();
    all.add(new Measure(Function.COUNT, null, false));
    for (String c : List.of("n", "k", "u", "f", "g")) {
      for (Function f : Function.values()) all.add(new Measure(f, c, false));
      all.add(new Measure(Function.SUM, c, true));
      all.add(new Measure(Function.MIN, c, true));
    }
    all.add(new Measure(Function.MIN, "day", false));
    all.add(new Measure(Function.MAX, "day", false));
    all.add(new Measure(Function.COUNT, "ok", false));
    all.add(new Measure(Function.COUNT, "name", false));
    all.add(new Measure(Function.COUNT, "site", false));
    return List.of(
        new Aggregation(List.of(), all, Predicate.TRUE),
        new Aggregation(List.of("site"), all, Predicate.TRUE),
        new Aggregation(List.of("ok"), all, Predicate.TRUE),
        new Aggregation(List.of("day"), all, Predicate.TRUE),
        new Aggregation(List.of("u"), List.of(new Measure(Function.COUNT, null, false)), Predicate.TRUE),
        new Aggregation(List.of("site", "ok"), all, new Predicate.Compare("k", Predicate.Op.GT, 40)),
        // SQL's integer literals arrive as decimals; a whole one compares as the integer it is.
        new Aggregation(List.of("site"), all, new Predicate.Compare("n", Predicate.Op.LE, new java.math.BigDecimal("400"))),
        new Aggregation(List.of("k", "day"), all, new Predicate.And(List.of(
            new Predicate.In("site", List.of("s0", "s3", "fr\u00e9sh", "s\u00e9\ud83d\ude00")), new Predicate.IsNull("n", true)))),
        new Aggregation(List.of("site"), all, new Predicate.Compare("site", Predicate.Op.NE, "s0")),
        new Aggregation(List.of("n"), List.of(new Measure(Function.COUNT, null, false)),
            new Predicate.Compare("n", Predicate.Op.LE, 0L)),
        new Aggregation(List.of(), all, Predicate.eq("site", "nowhere")),
        new Aggregation(List.of("site"), all, Predicate.eq("site", "nowhere")));
  }

  private static RowCursor pushed(Graph g, Snapshot view, String type, Aggregation a) {
    return g.context().tables().aggregate(view.ref(g.catalog().type(type).orElseThrow()), a);
  }

  private static long cached(Graph g) {
    return g.context().tables().cachedAggregates();
  }

  /** Rows in a canonical order, doubles rounded: a float sum's last digits depend on the order of addition. */
  private static Map<String, List<Object>> render(RowCursor c) {
    Map<String, List<Object>> out = new TreeMap<>();
    try (c) {
      while (c.next()) {
        List<Object> row = new ArrayList<>();
        for (Object v : c.row()) {
          row.add(v instanceof Double d && Double.isFinite(d) && Math.abs(d) < 1e15 ? Math.round(d * 1e6) / 1e6 : v);
        }
        out.put(String.valueOf(row), row);
      }
    }
    return out;
  }

  private static List<Map<String, Object>> rows(Random random, int from, int to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> r = new HashMap<>();
      r.put("name", "r" + i);
      r.put("k", random.nextInt(200) - 100);
      // Values beyond ASCII: the dictionary is built from UTF-8 bytes.
      if (random.nextInt(6) != 0) r.put("site", random.nextInt(50) == 0 ? "s\u00e9\ud83d\ude00" : "s" + random.nextInt(5));
      if (random.nextInt(7) != 0) r.put("n", random.nextInt(10) == 0 ? Long.MAX_VALUE - random.nextInt(5) : random.nextLong() >> 20);
      if (random.nextInt(3) != 0) r.put("u", (long) random.nextInt(Integer.MAX_VALUE) * 2);
      if (random.nextInt(11) != 0) r.put("f", random.nextInt(20) == 0 ? -0.0 : random.nextGaussian() * 1000);
      if (random.nextInt(9) != 0) r.put("g", (float) random.nextGaussian());
      if (random.nextInt(13) != 0) r.put("day", LocalDate.of(2020, 1, 1).plusDays(random.nextInt(40)));
      if (random.nextInt(2) != 0) r.put("ok", random.nextBoolean());
      out.add(r);
    }
    return out;
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

  private static void insert(Graph g, String branch, List<Map<String, Object>> rows) {
    write(g, branch, tx -> tx.insert("Reading", rows));
  }

  private static void insertOther(Graph g, List<Map<String, Object>> rows) {
    write(g, "main", tx -> tx.insert("Other", rows));
  }
}

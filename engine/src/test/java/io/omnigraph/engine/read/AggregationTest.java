package io.omnigraph.engine.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.Aggregation.Function;
import io.omnigraph.engine.read.Aggregation.Measure;
import io.omnigraph.engine.write.GraphTransaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregates pushed into Lance give exactly what a scan computes: every measure kind over every
 * numeric kind, nulls, filters, no grouping, empty input, a snapshot of the past and a
 * transaction's own pending rows. Each case runs twice: with the graph handle's column cache off
 * (Lance's query engine answers) and on (small tables are answered from held columns).
 */
class AggregationTest {
  private static final String SCHEMA = """
      node Reading {
        name: String @key
        site: String?
        n: I64?
        k: I32
        u: U32?
        f: F64?
        day: Date?
        ok: Bool?
      }
      """;

  @TempDir Path dir;

  @ParameterizedTest(name = "column cache {0}")
  @ValueSource(booleans = {false, true})
  void pushedAggregatesEqualScannedOnes(boolean columnCache) {
    try (Graph g = open(columnCache)) {
      insert(g, rows(0, 300));
      long early = g.snapshot("main").manifestVersion();
      insert(g, rows(300, 450));
      for (Aggregation a : aggregations()) assertPushedEqualsScanned(g, g.snapshot("main"), a);
      for (Aggregation a : aggregations()) assertPushedEqualsScanned(g, g.snapshotAt("main", early), a);
      try (GraphTransaction tx = g.begin("main", "test")) {
        tx.insert("Reading", rows(1000, 1010));
        tx.delete("Reading", Predicate.eq("site", "s1"));
        for (Aggregation a : aggregations()) {
          assertEquals(render(ScanAggregator.aggregate(tx, "Reading", a)), render(tx.aggregate("Reading", a)));
        }
        tx.rollback();
      }
    }
  }

  @ParameterizedTest(name = "column cache {0}")
  @ValueSource(booleans = {false, true})
  void anIntegerSumBeyondSixtyFourBitsIsExact(boolean columnCache) {
    try (Graph g = open(columnCache)) {
      List<Map<String, Object>> big = new ArrayList<>();
      for (int i = 0; i < 2; i++) big.add(Map.of("name", "big" + i, "k", 1, "n", Long.MAX_VALUE));
      insert(g, big);
      Aggregation sum = new Aggregation(List.of(), List.of(new Measure(Function.SUM, "n", false)), Predicate.TRUE);
      Object expected = BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1);
      assertEquals(expected, only(pushed(g, sum)));
      assertEquals(expected, only(ScanAggregator.aggregate(g.snapshot("main"), "Reading", sum)));
      big.clear();
      big.add(Map.of("name", "small", "k", 1, "n", -Long.MAX_VALUE));
      insert(g, big);
      assertEquals(Long.MAX_VALUE, only(pushed(g, sum)));
      assertEquals(Long.MAX_VALUE, only(ScanAggregator.aggregate(g.snapshot("main"), "Reading", sum)));
    }
  }

  /**
   * Each commit is a fragment with its own string dictionary: the first without nulls (its codes
   * are the group numbers), then one listing the groups in another order with nulls, then one in
   * yet another order without nulls, so every way of numbering a fragment's groups is taken.
   */
  @ParameterizedTest(name = "column cache {0}")
  @ValueSource(booleans = {false, true})
  void groupsAgreeAcrossFragmentsWhoseDictionariesDiffer(boolean columnCache) {
    try (Graph g = open(columnCache)) {
      insert(g, sited(0, 90, i -> "s" + (i % 3)));
      insert(g, sited(90, 200, i -> i % 4 == 0 ? null : "s" + (3 - i % 4)));
      insert(g, sited(200, 260, i -> "s" + (4 - i % 2 * 3)));
      Snapshot view = g.snapshot("main");
      List<Measure> measures = List.of(new Measure(Function.COUNT, null, false), new Measure(Function.SUM, "k", true),
          new Measure(Function.MAX, "f", false), new Measure(Function.COUNT, "site", false));
      for (Predicate filter : List.of(Predicate.TRUE, new Predicate.Compare("k", Predicate.Op.GT, 40))) {
        assertPushedEqualsScanned(g, view, new Aggregation(List.of("site"), measures, filter));
        assertPushedEqualsScanned(g, view, new Aggregation(List.of("site", "ok"), measures, filter));
      }
      Map<String, List<Object>> counts = render(pushed(g, new Aggregation(List.of("site"),
          List.of(new Measure(Function.COUNT, null, false)), Predicate.TRUE)));
      assertEquals(5, counts.size(), counts.toString());
    }
  }

  private static List<Map<String, Object>> sited(int from, int to, java.util.function.IntFunction<String> site) {
    List<Map<String, Object>> out = rows(from, to);
    for (int i = from; i < to; i++) {
      Map<String, Object> r = out.get(i - from);
      r.remove("site");
      if (site.apply(i) != null) r.put("site", site.apply(i));
    }
    return out;
  }

  private Graph open(boolean columnCache) {
    String key = "omnigraph.cache.columnBytes";
    String old = System.getProperty(key);
    if (!columnCache) System.setProperty(key, "0");
    try {
      return Graph.init(dir.resolve("g").toString(), SCHEMA);
    } finally {
      if (old == null) System.clearProperty(key);
      else System.setProperty(key, old);
    }
  }

  private static RowCursor pushed(Graph g, Aggregation a) {
    return pushed(g, g.snapshot("main"), a);
  }

  private static RowCursor pushed(Graph g, Snapshot view, Aggregation a) {
    return g.context().tables().aggregate(view.ref(g.catalog().type("Reading").orElseThrow()), a);
  }

  private static Object only(RowCursor c) {
    try (c) {
      c.next();
      return c.row()[0];
    }
  }

  /** Asks the table store itself, so a query Lance refused (which the snapshot would answer by a scan) fails here. */
  private static void assertPushedEqualsScanned(Graph g, Snapshot view, Aggregation a) {
    assertEquals(render(ScanAggregator.aggregate(view, "Reading", a)), render(pushed(g, view, a)), a.toString());
  }

  private static List<Aggregation> aggregations() {
    List<Measure> all = new ArrayList<>();
    all.add(new Measure(Function.COUNT, null, false));
    for (String c : List.of("n", "k", "u", "f")) {
      for (Function f : Function.values()) all.add(new Measure(f, c, false));
      all.add(new Measure(Function.SUM, c, true));
    }
    all.add(new Measure(Function.MIN, "day", false));
    all.add(new Measure(Function.MAX, "day", false));
    all.add(new Measure(Function.COUNT, "ok", false));
    return List.of(
        new Aggregation(List.of(), all, Predicate.TRUE),
        new Aggregation(List.of("site"), all, Predicate.TRUE),
        new Aggregation(List.of("site", "ok"), all, new Predicate.Compare("k", Predicate.Op.GT, 40)),
        // SQL's integer literals arrive as decimals.
        new Aggregation(List.of("site"), all, new Predicate.Compare("k", Predicate.Op.LE, new BigDecimal("40"))),
        new Aggregation(List.of("day"), all, Predicate.TRUE),
        new Aggregation(List.of(), all, Predicate.eq("site", "nowhere")),
        new Aggregation(List.of("site"), all, Predicate.eq("site", "nowhere")));
  }

  /** Rows in a canonical order, doubles rounded: a float sum's last digits depend on the order of addition. */
  private static Map<String, List<Object>> render(RowCursor c) {
    Map<String, List<Object>> out = new TreeMap<>();
    try (c) {
      while (c.next()) {
        List<Object> row = new ArrayList<>();
        for (Object v : c.row()) row.add(v instanceof Double d ? Math.round(d * 1e6) / 1e6 : v);
        out.put(String.valueOf(row), row);
      }
    }
    return out;
  }

  private static List<Map<String, Object>> rows(int from, int to) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Map<String, Object> r = new HashMap<>();
      r.put("name", "r" + i);
      r.put("k", i % 97);
      if (i % 5 != 0) r.put("site", "s" + (i % 4));
      if (i % 7 != 0) r.put("n", (long) i * 1_000_003L - 5_000_000L);
      if (i % 3 != 0) r.put("u", (long) i * 7);
      if (i % 11 != 0) r.put("f", i / 8.0 - 3);
      if (i % 13 != 0) r.put("day", LocalDate.of(2020, 1, 1).plusDays(i % 40));
      if (i % 2 != 0) r.put("ok", i % 4 == 1);
      out.add(r);
    }
    return out;
  }

  private static void insert(Graph g, List<Map<String, Object>> rows) {
    try (GraphTransaction tx = g.begin("main", "test")) {
      tx.insert("Reading", rows);
      tx.commit();
    }
  }
}

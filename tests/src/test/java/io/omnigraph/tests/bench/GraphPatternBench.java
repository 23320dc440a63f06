package io.omnigraph.tests.bench;

import io.omnigraph.tests.bench.Report.Unit;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * GRAPH_TABLE against DuckDB's recursive CTE and self-join on the generated Person/Knows graph of
 * {@link BenchData}, both through java.sql: reachability within 1..3 hops and fixed two-hop
 * patterns. The first pattern query builds the Knows adjacency index; its cost is reported apart.
 * Answers are compared between the two databases and the run stops if they differ. Not a test; run
 * {@code bench/run-pattern-bench.sh [persons [edges]]} (defaults 200,000 and 800,000).
 */
public final class GraphPatternBench {
  private static final int RUNS = 5;

  private final Side omni;
  private final Side duck;
  private final Report report = new Report();
  private final String starts;

  private GraphPatternBench(Side omni, Side duck, int persons) {
    this.omni = omni;
    this.duck = duck;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) ids.add("'" + BenchData.personId((int) ((i * 19_997L) % persons)) + "'");
    this.starts = String.join(", ", ids);
  }

  public static void main(String[] args) throws Exception {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    long edges = args.length > 1 ? Long.parseLong(args[1]) : 800_000L;
    Path dir = Files.createTempDirectory("omnigraph-pattern-bench");
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    try {
      Path jsonl = dir.resolve("graph.jsonl");
      Path schema = dir.resolve("bench.pg");
      Files.writeString(schema, BenchData.SCHEMA);
      new BenchData(persons, edges).writeJsonl(jsonl);
      String omniUrl = "jdbc:omnigraph:" + dir.resolve("graph") + "?create=true&schema=" + schema + "&actor=bench";
      try (Connection o = DriverManager.getConnection(omniUrl);
          Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("duck.db"))) {
        GraphPatternBench bench = new GraphPatternBench(new Side("omnigraph", o, true), new Side("duckdb", d, false), persons);
        bench.load(jsonl);
        bench.run();
        System.out.printf("%n%,d Person rows, %,d Knows rows; %d processors, load average %.2f at start, %.2f at end;"
            + " medians of %d runs after one warm-up%n%n", persons, edges, Runtime.getRuntime().availableProcessors(),
            loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), RUNS);
        System.out.print(bench.report.markdown());
      }
    } finally {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private void load(Path jsonl) throws SQLException {
    omni.update("LOAD DATA FROM '" + jsonl + "' MODE OVERWRITE");
    BenchData.loadIntoDuckDb(duck, jsonl);
  }

  private void run() throws SQLException {
    // A pattern without edges warms up what every GRAPH_TABLE runs through but the adjacency index.
    omni.scalar("SELECT COUNT(*) FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'person-2') COLUMNS (a.id AS a))");
    String oneHop = "SELECT COUNT(*) FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id = 'person-1')-[:Knows]->(b:Person)"
        + " COLUMNS (b.id AS b))";
    long t0 = System.nanoTime();
    long cold = omni.scalar(oneHop);
    double coldMs = msSince(t0);
    double warmMs = median(() -> omni.scalar(oneHop));
    report.add("first pattern query, Knows adjacency built (OmniGraph only)", coldMs, Double.NaN, Unit.MS,
        String.format("the same query warm: %.1f ms, so the index build is about %.0f ms (%d rows out of person-1)", warmMs,
            coldMs - warmMs, cold));

    compare("reachability 1..3 hops from 10 persons (distinct pairs)",
        "SELECT COUNT(*) FROM (SELECT DISTINCT a, b FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id IN (" + starts
            + "))-[:Knows]->{1,3}(b:Person) COLUMNS (a.id AS a, b.id AS b)))",
        "WITH RECURSIVE r(s, n, d) AS (SELECT src, dst, 1 FROM Knows WHERE src IN (" + starts + ") UNION"
            + " SELECT r.s, k.dst, r.d + 1 FROM r JOIN Knows k ON k.src = r.n WHERE r.d < 3)"
            + " SELECT COUNT(*) FROM (SELECT DISTINCT s, n FROM r)",
        "GRAPH_TABLE WALK + DISTINCT; DuckDB recursive CTE with UNION");
    compare("fixed 2-hop pattern from 10 persons (rows)",
        "SELECT COUNT(*) FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.id IN (" + starts + "))-[:Knows]->(m:Person)"
            + "-[:Knows]->(b:Person) COLUMNS (a.id AS a, m.id AS m, b.id AS b))",
        "SELECT COUNT(*) FROM Knows k1 JOIN Knows k2 ON k2.src = k1.dst WHERE k1.src IN (" + starts + ")",
        "DuckDB self-join of Knows");
    compare("fixed 2-hop pattern from persons aged 30, friends of friends in Oslo (rows)",
        "SELECT COUNT(*) FROM GRAPH_TABLE (graph MATCH (a:Person WHERE a.age = 30)-[:Knows]->(m:Person)"
            + "-[:Knows]->(b:Person WHERE b.city = 'Oslo') COLUMNS (a.id AS a, b.id AS b))",
        "SELECT COUNT(*) FROM Person a JOIN Knows k1 ON k1.src = a.id JOIN Knows k2 ON k2.src = k1.dst"
            + " JOIN Person b ON b.id = k2.dst WHERE a.age = 30 AND b.city = 'Oslo'",
        "both filters pushed into scans; DuckDB joins Person twice");
  }

  private void compare(String label, String omniSql, String duckSql, String note) throws SQLException {
    long o = omni.scalar(omniSql);
    long d = duck.scalar(duckSql);
    if (o != d) throw new IllegalStateException("results differ for " + label + ": OmniGraph " + o + ", DuckDB " + d);
    double omniMs = median(() -> omni.scalar(omniSql));
    double duckMs = median(() -> duck.scalar(duckSql));
    report.add(label, omniMs, duckMs, Unit.MS, note + String.format("; %,d", o));
  }

  private interface Query {
    long run() throws SQLException;
  }

  private static double median(Query q) throws SQLException {
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      q.run();
      ms[i] = msSince(t0);
    }
    return Report.percentile(ms, 50);
  }

  private static double msSince(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }
}

package io.omnigraph.tests.bench;

import io.omnigraph.tests.bench.Report.Unit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The same generated Person/Knows graph in OmniGraph and in DuckDB (a file database), each
 * measured through java.sql only. Not a test; run {@code bench/run-jdbc-bench.sh [persons [edges]]}
 * (defaults 1,000,000 persons and 5,000,000 edges). Prints progress to stderr and a Markdown table
 * to stdout; docs/benchmarks.md records a run.
 *
 * <p>System properties: {@code bench.dir} (work directory, default a new temp directory, deleted
 * afterwards unless {@code bench.keep=true}), {@code bench.lookups} (default 1,000),
 * {@code bench.batch} (default 100,000), {@code bench.singles} (default 200),
 * {@code bench.optimize} (default true: OPTIMIZE after the writes and measure once more).
 */
public final class JdbcVersusDuckDb {
  private static final long STARTED = System.nanoTime();
  /**
   * Runs behind each median of a sub-second statement: with 3, one cold run or one scheduler hiccup
   * on this shared machine decided the figure.
   */
  private static final int SHORT_RUNS = 11;

  private final BenchData data;
  private final Side omni;
  private final Side duck;
  private final Report report = new Report();
  private final int lookups = Integer.getInteger("bench.lookups", 1_000);

  private JdbcVersusDuckDb(BenchData data, Side omni, Side duck) {
    this.data = data;
    this.omni = omni;
    this.duck = duck;
  }

  public static void main(String[] args) throws Exception {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long edges = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
    String dirProperty = System.getProperty("bench.dir");
    Path dir = dirProperty == null
        ? Files.createTempDirectory("omnigraph-jdbc-bench")
        : Files.createDirectories(Path.of(dirProperty));
    BenchData data = new BenchData(persons, edges);
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    log("%,d persons, %,d edges; work directory %s; max heap %,d MB; %d processors; load average %.2f", persons, edges,
        dir, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), loadBefore);
    try {
      Path jsonl = dir.resolve("graph.jsonl");
      Path schema = dir.resolve("bench.pg");
      Files.writeString(schema, BenchData.SCHEMA);
      long t0 = System.nanoTime();
      data.writeJsonl(jsonl);
      log("wrote %s (%,d MB) in %.1f s", jsonl.getFileName(), Files.size(jsonl) >> 20, secondsSince(t0));
      String omniUrl = "jdbc:omnigraph:" + dir.resolve("graph") + "?create=true&schema=" + schema + "&actor=bench";
      try (Connection o = DriverManager.getConnection(omniUrl);
          Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("duck.db"))) {
        JdbcVersusDuckDb bench = new JdbcVersusDuckDb(data, new Side("omnigraph", o, true), new Side("duckdb", d, false));
        bench.run(jsonl);
        // Other processes on a small machine move the figures; the load average says how much.
        System.out.printf("%n%,d Person rows, %,d Knows rows loaded; %d processors, load average %.2f at start, %.2f "
            + "at end; ratio = OmniGraph time / DuckDB time (> 1: OmniGraph slower)%n%n", persons, edges,
            Runtime.getRuntime().availableProcessors(), loadBefore,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(bench.report.markdown());
      }
      log("done in %.1f min", secondsSince(STARTED) / 60);
    } finally {
      if (!Boolean.getBoolean("bench.keep")) deleteTree(dir);
    }
  }

  private void run(Path jsonl) throws SQLException {
    load(jsonl);
    fullScan("full scan `select * from Person`", "SELECT * FROM Person");
    filteredScan();
    lookups("lookup by id, no index", 1);
    counts();
    groupBy();
    twoHop("two-hop friends of friends, no index");

    log("ENSURE INDICES");
    long t0 = System.nanoTime();
    long indexRows = omni.drain("ENSURE INDICES");
    report.add("ENSURE INDICES (OmniGraph only)", secondsSince(t0) * 1000, Double.NaN, Unit.MS,
        indexRows + " tables indexed; DuckDB's primary-key indexes exist from the load");
    lookups("lookup by id, after ENSURE INDICES", 2);
    twoHop("two-hop friends of friends, after ENSURE INDICES");

    batchInsert();
    log("JDBC batch load against DuckDB's Appender");
    BatchLoadBench.measure(omni, duck, Integer.getInteger("bench.batch", 100_000), "bulk-", report);
    singleInserts("single-row auto-commit insert", "single-");
    bulkDml();

    lookups("lookup by id, after the writes", 3);
    fullScan("full scan, after the writes", "SELECT * FROM Person");
    if (Boolean.parseBoolean(System.getProperty("bench.optimize", "true"))) {
      log("OPTIMIZE");
      t0 = System.nanoTime();
      omni.drain("OPTIMIZE");
      report.add("OPTIMIZE after the writes (OmniGraph only)", secondsSince(t0) * 1000, Double.NaN, Unit.MS, "");
      lookups("lookup by id, after OPTIMIZE", 4);
      fullScan("full scan, after OPTIMIZE", "SELECT * FROM Person");
      singleInserts("single-row auto-commit insert, after OPTIMIZE", "late-");
    }
    // Last: the lookups above pick persons that must exist.
    deleteCity();
  }

  /**
   * DELETE of one city's persons, about a sixteenth of them, with their Knows edges: OmniGraph
   * deletes a node's edges with it; DuckDB is told to, in the same transaction.
   */
  private void deleteCity() throws SQLException {
    String label = "DELETE of one city's persons with their Knows edges";
    log(label);
    long t0 = System.nanoTime();
    long omniRows = omni.update("DELETE FROM Person WHERE city = 'Oslo'");
    double omniMs = secondsSince(t0) * 1000;
    t0 = System.nanoTime();
    // Two semi-joins: DuckDB plans `src IN (...) OR dst IN (...)` as a much slower nested loop.
    long duckRows = duck.updateTogether(
        "DELETE FROM Knows WHERE src IN (SELECT id FROM Person WHERE city = 'Oslo')",
        "DELETE FROM Knows WHERE dst IN (SELECT id FROM Person WHERE city = 'Oslo')",
        "DELETE FROM Person WHERE city = 'Oslo'");
    double duckMs = secondsSince(t0) * 1000;
    check(omniRows == duckRows, label + ": OmniGraph " + omniRows + " rows, DuckDB " + duckRows);
    check(omni.scalar("SELECT COUNT(*) FROM Knows") == duck.scalar("SELECT COUNT(*) FROM Knows"),
        label + ": the edges left differ");
    report.add(label, omniMs, duckMs, Unit.MS, String.format("%,d persons, one statement (DuckDB: three) and commit",
        omniRows));
  }

  private void load(Path jsonl) throws SQLException {
    long total = data.persons + data.edges;
    log("OmniGraph: LOAD DATA");
    long t0 = System.nanoTime();
    long loaded = omni.update("LOAD DATA FROM '" + jsonl + "' MODE OVERWRITE");
    double omniSec = secondsSince(t0);
    check(loaded == total, "LOAD DATA reported " + loaded + " entities, expected " + total);

    log("DuckDB: create tables and insert from read_json");
    t0 = System.nanoTime();
    BenchData.loadIntoDuckDb(duck, jsonl);
    double duckSec = secondsSince(t0);
    report.add("load " + String.format("%,d", total) + " rows from the same JSONL file", total / omniSec, total / duckSec,
        Unit.ROWS_PER_SEC, String.format("OmniGraph LOAD DATA %.1f s (one commit); DuckDB read_json %.1f s", omniSec, duckSec));
  }

  private void fullScan(String label, String sql) throws SQLException {
    log(label);
    double[] best = new double[2];
    long[] rows = new long[2];
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      best[s] = Double.MAX_VALUE;
      // Best of two: the first pass also pays class loading and JIT warm-up.
      for (int pass = 0; pass < 2; pass++) {
        long t0 = System.nanoTime();
        rows[s] = sides[s].drain(sql);
        best[s] = Math.min(best[s], secondsSince(t0));
      }
    }
    check(rows[0] == rows[1], label + ": OmniGraph read " + rows[0] + " rows, DuckDB " + rows[1]);
    report.add(label, rows[0] / best[0], rows[1] / best[1], Unit.ROWS_PER_SEC,
        String.format("%,d rows, every column read; best of 2", rows[0]));
  }

  private void filteredScan() throws SQLException {
    String sql = "SELECT * FROM Person WHERE age = 42";
    log("filtered scan");
    double[] ms = new double[2];
    long[] rows = new long[2];
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      double[] runs = new double[SHORT_RUNS];
      for (int i = 0; i < runs.length; i++) {
        long t0 = System.nanoTime();
        rows[s] = sides[s].drain(sql);
        runs[i] = secondsSince(t0) * 1000;
      }
      ms[s] = Report.percentile(runs, 50);
    }
    check(rows[0] == rows[1], "filtered scan: OmniGraph " + rows[0] + " rows, DuckDB " + rows[1]);
    report.add("filtered scan `where age = 42`", ms[0], ms[1], Unit.MS,
        String.format("%,d rows; median of " + SHORT_RUNS + "; no index on age in either", rows[0]));
  }

  /** Random existing ids through one PreparedStatement per side; the seed varies per round. */
  private void lookups(String label, int round) throws SQLException {
    log(label);
    Random r = new Random(round);
    String[] ids = new String[lookups];
    for (int i = 0; i < ids.length; i++) ids[i] = BenchData.personId(r.nextInt(data.persons));
    double[][] lat = new double[2][];
    double[] prepareMs = new double[2];
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      long t0 = System.nanoTime();
      try (PreparedStatement ps = sides[s].connection.prepareStatement("SELECT * FROM Person WHERE id = ?")) {
        prepareMs[s] = secondsSince(t0) * 1000;
        lat[s] = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
          long l0 = System.nanoTime();
          ps.setString(1, ids[i]);
          long n;
          try (ResultSet rs = ps.executeQuery()) {
            n = Side.drain(rs);
          }
          lat[s][i] = secondsSince(l0) * 1000;
          check(n == 1, label + ": " + sides[s].name + " found " + n + " rows for " + ids[i]);
        }
      }
    }
    String note = lookups + " random ids, one PreparedStatement";
    if (round == 1) {
      report.add("prepare `select * from Person where id = ?`", prepareMs[0], prepareMs[1], Unit.MS, "planning, once");
    }
    report.add(label + " p50", Report.percentile(lat[0], 50), Report.percentile(lat[1], 50), Unit.MS, note);
    report.add(label + " p99", Report.percentile(lat[0], 99), Report.percentile(lat[1], 99), Unit.MS, note);
  }

  private void counts() throws SQLException {
    for (String table : List.of("Person", "Knows")) {
      log("count(*) " + table);
      double[] ms = new double[2];
      long[] n = new long[2];
      Side[] sides = {omni, duck};
      for (int s = 0; s < 2; s++) {
        double[] runs = new double[SHORT_RUNS];
        for (int i = 0; i < runs.length; i++) {
          long t0 = System.nanoTime();
          n[s] = sides[s].scalar("SELECT COUNT(*) FROM " + table);
          runs[i] = secondsSince(t0) * 1000;
        }
        ms[s] = Report.percentile(runs, 50);
      }
      check(n[0] == n[1], "count(*) " + table + ": OmniGraph " + n[0] + ", DuckDB " + n[1]);
      report.add("`select count(*) from " + table + "`", ms[0], ms[1], Unit.MS,
          String.format("%,d; median of " + SHORT_RUNS, n[0]));
    }
  }

  /** Every row read and grouped; the answers are compared group by group. */
  private void groupBy() throws SQLException {
    String sql = "SELECT city, COUNT(*) AS n, AVG(CAST(age AS DOUBLE)) AS a FROM Person GROUP BY city ORDER BY city";
    log("group by");
    double[] ms = new double[2];
    List<List<String>> answers = new ArrayList<>(List.of(List.of(), List.of()));
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      double[] runs = new double[SHORT_RUNS];
      for (int i = 0; i < runs.length; i++) {
        long t0 = System.nanoTime();
        List<String> rows = new ArrayList<>();
        try (Statement st = sides[s].connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
          while (rs.next()) rows.add(rs.getString(1) + "=" + rs.getLong(2) + "/" + Math.round(rs.getDouble(3) * 1000));
        }
        runs[i] = secondsSince(t0) * 1000;
        answers.set(s, rows);
      }
      ms[s] = Report.percentile(runs, 50);
      // The engine holds a table's columns only once it has been aggregated a few times: the first runs show the cost.
      log("group by runs, %s: %s ms", s == 0 ? "omnigraph" : "duckdb", java.util.Arrays.stream(runs)
          .mapToObj(r -> String.format("%.1f", r)).collect(java.util.stream.Collectors.joining(" ")));
    }
    check(answers.get(0).equals(answers.get(1)), "group by: OmniGraph " + answers.get(0) + ", DuckDB " + answers.get(1));
    report.add("`group by city` with count(*) and avg(age)", ms[0], ms[1], Unit.MS,
        String.format("%d groups; median of " + SHORT_RUNS, answers.get(0).size()));
  }

  private void twoHop(String label) throws SQLException {
    log(label);
    String sql = "SELECT COUNT(DISTINCT k2.dst) FROM Knows k1 JOIN Knows k2 ON k1.dst = k2.src WHERE k1.src = ?";
    Random r = new Random(99);
    String[] starts = new String[10];
    for (int i = 0; i < starts.length; i++) starts[i] = BenchData.personId(r.nextInt(data.persons));
    double[][] lat = new double[2][starts.length];
    long[][] answers = new long[2][starts.length];
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      try (PreparedStatement ps = sides[s].connection.prepareStatement(sql)) {
        for (int i = 0; i < starts.length; i++) {
          long t0 = System.nanoTime();
          ps.setString(1, starts[i]);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            answers[s][i] = rs.getLong(1);
          }
          lat[s][i] = secondsSince(t0) * 1000;
        }
      }
    }
    for (int i = 0; i < starts.length; i++) {
      check(answers[0][i] == answers[1][i], label + " from " + starts[i] + ": OmniGraph " + answers[0][i]
          + ", DuckDB " + answers[1][i]);
    }
    report.add(label + " p50", Report.percentile(lat[0], 50), Report.percentile(lat[1], 50), Unit.MS,
        starts.length + " start persons, `count(distinct k2.dst)` over a self-join of Knows");
  }

  private void batchInsert() throws SQLException {
    int n = Integer.getInteger("bench.batch", 100_000);
    log("batch insert of %,d rows", n);
    double[] sec = new double[2];
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      Side side = sides[s];
      side.connection.setAutoCommit(false);
      long t0 = System.nanoTime();
      try (PreparedStatement ps = side.prepareInsertPerson()) {
        for (int i = 0; i < n; i++) {
          side.bindPerson(ps, "batch-" + i, BenchData.age(i), BenchData.city(i));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      side.connection.commit();
      sec[s] = secondsSince(t0);
      side.connection.setAutoCommit(true);
    }
    report.add(String.format("batch insert %,d rows (addBatch/executeBatch, one commit)", n), n / sec[0], n / sec[1],
        Unit.ROWS_PER_SEC, String.format("OmniGraph %.1f s, DuckDB %.1f s", sec[0], sec[1]));
  }

  private void singleInserts(String label, String namePrefix) throws SQLException {
    int n = Integer.getInteger("bench.singles", 200);
    log("%d × %s", n, label);
    double[][] lat = new double[2][n];
    Side[] sides = {omni, duck};
    for (int s = 0; s < 2; s++) {
      try (PreparedStatement ps = sides[s].prepareInsertPerson()) {
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          sides[s].bindPerson(ps, namePrefix + i, BenchData.age(i), BenchData.city(i));
          ps.executeUpdate();
          lat[s][i] = secondsSince(t0) * 1000;
        }
      }
    }
    String note = n + " inserts, each its own commit";
    report.add(label + " p50", Report.percentile(lat[0], 50), Report.percentile(lat[1], 50), Unit.MS, note);
    report.add(label + " p99", Report.percentile(lat[0], 99), Report.percentile(lat[1], 99), Unit.MS, note);
    if (n >= 2 * WINDOW) {
      // Whether a commit costs more once thousands came before it, with no OPTIMIZE in between.
      for (int[] range : new int[][] {{0, WINDOW}, {n - WINDOW, n}}) {
        double[] omniWindow = java.util.Arrays.copyOfRange(lat[0], range[0], range[1]);
        double[] duckWindow = java.util.Arrays.copyOfRange(lat[1], range[0], range[1]);
        String commits = String.format("commits %,d-%,d", range[0] + 1, range[1]);
        report.add(label + " p50, " + commits, Report.percentile(omniWindow, 50), Report.percentile(duckWindow, 50),
            Unit.MS, commits + " of " + n);
        report.add(label + " p99, " + commits, Report.percentile(omniWindow, 99), Report.percentile(duckWindow, 99),
            Unit.MS, commits + " of " + n);
      }
    }
  }

  /** Commits in each window compared when a run makes many single-row commits. */
  private static final int WINDOW = 200;

  /**
   * Set-based UPDATEs of a few percent and of most of the rows, and a DELETE of a few percent, each
   * one auto-committed statement.
   */
  private void bulkDml() throws SQLException {
    String[][] statements = {
        {"UPDATE of one city's persons", "UPDATE Person SET age = age + 1 WHERE city = 'Riga'"},
        {"UPDATE of every other city's persons", "UPDATE Person SET age = age - 1 WHERE city <> 'Riga'"},
        {"DELETE of the batch rows named `batch-1*`", "DELETE FROM Person WHERE name LIKE 'batch-1%'"}};
    Side[] sides = {omni, duck};
    for (String[] statement : statements) {
      log(statement[0]);
      double[] ms = new double[2];
      long[] rows = new long[2];
      for (int s = 0; s < 2; s++) {
        long t0 = System.nanoTime();
        rows[s] = sides[s].update(statement[1]);
        ms[s] = secondsSince(t0) * 1000;
      }
      check(rows[0] == rows[1], statement[0] + ": OmniGraph " + rows[0] + " rows, DuckDB " + rows[1]);
      report.add(statement[0], ms[0], ms[1], Unit.MS, String.format("%,d rows, one statement and commit", rows[0]));
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) throw new IllegalStateException("results differ: " + message);
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.err.printf("[%6.1f s] %s%n", secondsSince(STARTED), String.format(format, args));
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    List<Path> all;
    try (Stream<Path> paths = Files.walk(dir)) {
      all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
    }
    for (Path p : all) Files.deleteIfExists(p);
  }
}

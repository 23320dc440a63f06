package io.omnigraph.tests.bench;

import io.omnigraph.tests.bench.Report.Unit;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Bulk loading through each engine's fastest client path: a JDBC batch (one PreparedStatement,
 * addBatch per row, one executeBatch, auto-commit on so one commit) into OmniGraph against
 * DuckDB's Appender, first {@code n} new Person rows, then {@code n} Knows edges between them.
 * {@link JdbcVersusDuckDb} runs it as one of its phases; {@link #main} runs it alone on empty
 * databases: {@code bench/run-batch-load-bench.sh [rows]} (default 100,000). System properties:
 * {@code bench.dir} and {@code bench.keep} as for {@link JdbcVersusDuckDb}, {@code bench.rounds}
 * (default 1: the load is repeated with new rows, each round reported, so later rounds show the
 * figure once the JIT has compiled the path).
 */
public final class BatchLoadBench {
  private BatchLoadBench() {}

  /**
   * Loads {@code n} persons named {@code prefix + i} and {@code n} edges between them into both
   * sides, which must already have the Person and Knows tables, and reports both rates.
   *
   * @return the seconds of OmniGraph's and DuckDB's person load, then of their edge load
   */
  static double[] measure(Side omni, Side duck, int n, String prefix, Report report) throws SQLException {
    double omniNodes = omniLoad(omni, n, prefix, false);
    double duckNodes = duckLoad(duck, n, prefix, false);
    report.add(String.format("JDBC batch of %,d Person rows vs DuckDB Appender", n), n / omniNodes, n / duckNodes,
        Unit.ROWS_PER_SEC, String.format("OmniGraph executeBatch %.2f s (one commit), DuckDB Appender %.2f s",
            omniNodes, duckNodes));
    double omniEdges = omniLoad(omni, n, prefix, true);
    double duckEdges = duckLoad(duck, n, prefix, true);
    report.add(String.format("JDBC batch of %,d Knows rows vs DuckDB Appender", n), n / omniEdges, n / duckEdges,
        Unit.ROWS_PER_SEC, String.format("OmniGraph executeBatch %.2f s (one commit, endpoints checked), DuckDB "
            + "Appender %.2f s", omniEdges, duckEdges));
    long[] counts = {omni.scalar("SELECT COUNT(*) FROM Knows WHERE id LIKE '" + prefix + "%'"),
        duck.scalar("SELECT COUNT(*) FROM Knows WHERE id LIKE '" + prefix + "%'")};
    if (counts[0] != n || counts[1] != n) {
      throw new IllegalStateException("batch load: OmniGraph holds " + counts[0] + " new edges, DuckDB " + counts[1]);
    }
    return new double[] {omniNodes, duckNodes, omniEdges, duckEdges};
  }

  static String personName(String prefix, int i) {
    return prefix + "person-" + i;
  }

  static String edgeId(String prefix, int e) {
    return prefix + "knows-" + e;
  }

  static String edgeDst(String prefix, int e, int n) {
    return personName(prefix, (int) Long.remainderUnsigned(BenchData.mix(e ^ 0x2545F4914F6CDD1DL), n));
  }

  /** Seconds for one executeBatch of {@code n} rows with auto-commit on. */
  private static double omniLoad(Side omni, int n, String prefix, boolean edges) throws SQLException {
    long t0 = System.nanoTime();
    String sql = edges ? "INSERT INTO Knows (id, src, dst, since) VALUES (?, ?, ?, ?)"
        : "INSERT INTO Person (name, age, city) VALUES (?, ?, ?)";
    try (PreparedStatement ps = omni.connection.prepareStatement(sql)) {
      for (int i = 0; i < n; i++) {
        if (edges) {
          ps.setString(1, edgeId(prefix, i));
          ps.setString(2, personName(prefix, i));
          ps.setString(3, edgeDst(prefix, i, n));
          ps.setObject(4, BenchData.since(i));
        } else {
          ps.setString(1, personName(prefix, i));
          ps.setInt(2, BenchData.age(i));
          ps.setString(3, BenchData.city(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds to append {@code n} rows and close the appender (which flushes them). */
  private static double duckLoad(Side duck, int n, String prefix, boolean edges) throws SQLException {
    long t0 = System.nanoTime();
    DuckDBConnection c = duck.connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender a = c.createAppender(edges ? "Knows" : "Person")) {
      for (int i = 0; i < n; i++) {
        a.beginRow();
        if (edges) {
          a.append(edgeId(prefix, i));
          a.append(personName(prefix, i));
          a.append(edgeDst(prefix, i, n));
          LocalDate since = BenchData.since(i);
          if (since == null) a.appendNull();
          else a.append(since);
        } else {
          String name = personName(prefix, i);
          a.append(name);
          a.append(name);
          a.append(BenchData.age(i));
          a.append(BenchData.city(i));
        }
        a.endRow();
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = Integer.getInteger("bench.rounds", 1);
    String dirProperty = System.getProperty("bench.dir");
    Path dir = dirProperty == null
        ? Files.createTempDirectory("omnigraph-batch-bench")
        : Files.createDirectories(Path.of(dirProperty));
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    System.err.printf("%,d rows per load, %d round(s); work directory %s; %d processors; load average %.2f%n", n,
        rounds, dir, Runtime.getRuntime().availableProcessors(), loadBefore);
    try {
      Path schema = dir.resolve("bench.pg");
      Files.writeString(schema, BenchData.SCHEMA);
      String omniUrl = "jdbc:omnigraph:" + dir.resolve("graph") + "?create=true&schema=" + schema + "&actor=bench";
      try (Connection o = DriverManager.getConnection(omniUrl);
          Connection d = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("duck.db"))) {
        Side omni = new Side("omnigraph", o, true);
        Side duck = new Side("duckdb", d, false);
        duck.update("CREATE TABLE Person (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, age INTEGER NOT NULL, "
            + "city VARCHAR NOT NULL)");
        duck.update("CREATE TABLE Knows (id VARCHAR PRIMARY KEY, src VARCHAR NOT NULL, dst VARCHAR NOT NULL, "
            + "since DATE)");
        Report report = new Report();
        double[][] seconds = new double[4][rounds];
        for (int r = 0; r < rounds; r++) {
          double[] s = measure(omni, duck, n, "r" + r + "-", report);
          for (int i = 0; i < 4; i++) seconds[i][r] = s[i];
        }
        if (rounds > 1) {
          // Each side's median round: the first pays class loading and JIT compilation.
          double[] m = new double[4];
          for (int i = 0; i < 4; i++) m[i] = Report.percentile(seconds[i], 50);
          report.add(String.format("Person rows, median of %d rounds", rounds), n / m[0], n / m[1], Unit.ROWS_PER_SEC,
              String.format("OmniGraph %.2f s, DuckDB %.2f s", m[0], m[1]));
          report.add(String.format("Knows rows, median of %d rounds", rounds), n / m[2], n / m[3], Unit.ROWS_PER_SEC,
              String.format("OmniGraph %.2f s, DuckDB %.2f s", m[2], m[3]));
        }
        System.out.printf("%n%,d rows per load; %d processors, load average %.2f at start, %.2f at end; ratio = "
            + "OmniGraph time / DuckDB time (> 1: OmniGraph slower)%n%n", n, Runtime.getRuntime().availableProcessors(),
            loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(report.markdown());
      }
    } finally {
      if (!Boolean.getBoolean("bench.keep")) JdbcVersusDuckDb.deleteTree(dir);
    }
  }
}

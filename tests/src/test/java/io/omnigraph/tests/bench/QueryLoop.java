package io.omnigraph.tests.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

/**
 * Runs one statement many times on an existing database and prints its latency percentiles: a
 * steady load to attach a profiler to. Not a test; run with the benchmark classpath
 * ({@code bench/classpath.sh}):
 *
 * <pre>java ... io.omnigraph.tests.bench.QueryLoop &lt;jdbc-url&gt; &lt;sql&gt; [runs [param]]</pre>
 *
 * A {@code ?} in the statement is bound to {@code param} on every run. With one run, the rows are
 * printed too. A data change reports the rows it changed; each run is its own commit.
 */
public final class QueryLoop {
  private QueryLoop() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String sql = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    String param = args.length > 3 ? args[3] : null;
    double[] ms = new double[runs];
    long rows = 0;
    try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        if (param != null) ps.setString(1, param);
        if (!ps.execute()) {
          rows = ps.getLargeUpdateCount();
        } else {
          try (ResultSet rs = ps.getResultSet()) {
            int width = rs.getMetaData().getColumnCount();
            for (rows = 0; rs.next(); rows++) {
              for (int col = 1; col <= width; col++) {
                Object value = rs.getObject(col);
                if (runs == 1) System.out.print(value + (col == width ? "\n" : " | "));
              }
            }
          }
        }
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    Arrays.sort(ms);
    System.out.printf("%s: %d rows; p50 %.2f ms, p90 %.2f ms, min %.2f ms over %d runs%n", sql, rows, ms[runs / 2],
        ms[runs * 9 / 10], ms[0], runs);
  }
}

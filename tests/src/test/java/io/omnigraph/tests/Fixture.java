package io.omnigraph.tests;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Graphs for the end-to-end tests, created from the fixture schema the way a user would: through
 * {@link DriverManager} with {@code create=true&schema=...}, data loaded with LOAD DATA.
 */
final class Fixture {
  private Fixture() {}

  static Path resource(String name) {
    try {
      return Path.of(Fixture.class.getResource("/fixture/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String url(Path dir) {
    return "jdbc:omnigraph:" + dir.resolve("graph");
  }

  static String createUrl(Path dir) {
    return url(dir) + "?create=true&schema=" + resource("graph.pg");
  }

  /** A new empty graph under {@code dir}. */
  static Connection createEmpty(Path dir) throws SQLException {
    return DriverManager.getConnection(createUrl(dir));
  }

  /** A new graph under {@code dir} holding the fixture data (4 persons, 2 companies, 3 Knows, 2 WorksAt). */
  static Connection createLoaded(Path dir) throws SQLException {
    Connection c = createEmpty(dir);
    try (Statement s = c.createStatement()) {
      s.executeUpdate("LOAD DATA FROM '" + resource("graph.jsonl") + "' MODE OVERWRITE");
    }
    return c;
  }

  /** Another connection to the graph under {@code dir}; {@code query} is appended to the URL (may be empty). */
  static Connection connect(Path dir, String query) throws SQLException {
    return DriverManager.getConnection(url(dir) + (query.isEmpty() ? "" : "?" + query), new Properties());
  }

  static long count(Connection c, String table) throws SQLException {
    return scalar(c, "SELECT COUNT(*) FROM " + table);
  }

  static long scalar(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) throw new AssertionError("no row from " + sql);
      return rs.getLong(1);
    }
  }

  /** Every row of a query, values as getObject returns them. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) row.add(rs.getObject(i));
      out.add(row);
    }
    return out;
  }

  /** The single column of a query as strings. */
  static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> row : rows(c, sql)) out.add(row.get(0) == null ? null : row.get(0).toString());
    return out;
  }
}

package io.omnigraph.tests.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One database under test, reached only through java.sql. The two sides differ only in how a
 * new person is inserted: OmniGraph derives the id from the {@code @key}, DuckDB is given it.
 */
final class Side {
  final String name;
  final Connection connection;
  private final boolean derivesId;
  /** Published so the JIT cannot drop the reads {@link #drain} makes. */
  static volatile long sink;

  Side(String name, Connection connection, boolean derivesId) {
    this.name = name;
    this.connection = connection;
    this.derivesId = derivesId;
  }

  PreparedStatement prepareInsertPerson() throws SQLException {
    return connection.prepareStatement(derivesId
        ? "INSERT INTO Person (name, age, city) VALUES (?, ?, ?)"
        : "INSERT INTO Person (id, name, age, city) VALUES (?, ?, ?, ?)");
  }

  void bindPerson(PreparedStatement ps, String name, int age, String city) throws SQLException {
    int i = 1;
    if (!derivesId) ps.setString(i++, name);
    ps.setString(i++, name);
    ps.setInt(i++, age);
    ps.setString(i, city);
  }

  long update(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      return s.executeLargeUpdate(sql);
    }
  }

  /** Runs {@code sqls} as one transaction; returns the last one's count. */
  long updateTogether(String... sqls) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      long last = 0;
      for (String sql : sqls) last = s.executeLargeUpdate(sql);
      connection.commit();
      return last;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  long scalar(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) throw new IllegalStateException(name + ": no row from " + sql);
      return rs.getLong(1);
    }
  }

  /** Runs a query and reads every column of every row, as a client copying the result would. */
  long drain(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return drain(rs);
    }
  }

  static long drain(ResultSet rs) throws SQLException {
    int columns = rs.getMetaData().getColumnCount();
    long rows = 0;
    long checksum = 0;
    while (rs.next()) {
      for (int c = 1; c <= columns; c++) {
        Object v = rs.getObject(c);
        if (v != null) checksum += v.hashCode();
      }
      rows++;
    }
    sink += checksum;
    return rows;
  }
}

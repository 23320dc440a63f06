package io.omnigraph.tests;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One writer process of {@link MultiProcessWritersTest}, through java.sql only: two of every three
 * operations insert an Item with a unique label in auto-commit; every third is a transaction that
 * reads the counter, writes it back plus one and inserts a marker Item carrying the new value. Each
 * attempt that fails with 40001 is retried. Every outcome is printed as one line, flushed, before
 * the next attempt starts:
 *
 * <pre>
 * TRY label              an attempt starts
 * ACK label value        the attempt's commit returned (value: the counter it wrote, or 0)
 * FAIL label sqlstate    the attempt failed for good
 * </pre>
 *
 * Arguments: JDBC URL, writer name, number of operations, reopen the connection every N operations
 * (0: never).
 */
public final class ProcessWriter {
  private static final int MAX_ATTEMPTS = 500;

  private final String url;
  private final String name;
  private final PrintStream out = System.out;
  private Connection connection;

  private ProcessWriter(String url, String name) {
    this.url = url;
    this.name = name;
  }

  public static void main(String[] args) throws Exception {
    ProcessWriter w = new ProcessWriter(args[0], args[1]);
    w.run(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
  }

  private void run(int operations, int reopenEvery) throws SQLException {
    connection = DriverManager.getConnection(url);
    out.println("READY");
    out.flush();
    for (int i = 0; i < operations; i++) {
      if (reopenEvery > 0 && i > 0 && i % reopenEvery == 0) {
        connection.close();
        connection = DriverManager.getConnection(url);
      }
      boolean increment = i % 3 == 2;
      String label = name + (increment ? "-m" : "-i") + i;
      attempt(label, increment);
    }
    connection.close();
    out.println("DONE");
    out.flush();
  }

  private void attempt(String label, boolean increment) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      out.println("TRY " + label);
      out.flush();
      try {
        long value = increment ? increment(label) : insert(label, 0);
        out.println("ACK " + label + " " + value);
        out.flush();
        return;
      } catch (SQLException e) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        if (!"40001".equals(e.getSQLState()) || attempt >= MAX_ATTEMPTS) {
          out.println("FAIL " + label + " " + e.getSQLState() + " " + e.getMessage().replace('\n', ' '));
          out.flush();
          return;
        }
      }
    }
  }

  private long insert(String label, long n) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO Item (label, n) VALUES (?, ?)")) {
      ps.setString(1, label);
      ps.setLong(2, n);
      ps.executeUpdate();
    }
    return n;
  }

  private long increment(String label) throws SQLException {
    connection.setAutoCommit(false);
    long read;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT balance FROM Account WHERE name = 'counter'")) {
      rs.next();
      read = rs.getLong(1);
    }
    try (Statement s = connection.createStatement()) {
      s.executeUpdate("UPDATE Account SET balance = " + (read + 1) + " WHERE name = 'counter'");
    }
    insert(label, read + 1);
    connection.commit();
    connection.setAutoCommit(true);
    return read + 1;
  }
}

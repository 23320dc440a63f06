package io.omnigraph.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * A graph of accounts and the transfer transaction between two of them, shared by the transfer
 * benchmark and the row-conflict test: two {@code UPDATE ... WHERE name = ?} and a commit.
 */
public final class Bank {
  private Bank() {}

  /** Creates a graph of {@code accounts} accounts named a0, a1, ... under {@code dir}; returns its URL. */
  public static String create(Path dir, int accounts, long balance) throws Exception {
    Path schema = Files.writeString(dir.resolve("bank.pg"), "node Account {\n  name: String @key\n  balance: I64\n}\n");
    String url = "jdbc:omnigraph:" + dir.resolve("bank");
    try (Connection c = DriverManager.getConnection(url + "?create=true&schema=" + schema);
        PreparedStatement ps = c.prepareStatement("INSERT INTO Account (name, balance) VALUES (?, ?)")) {
      for (int i = 0; i < accounts; i++) {
        ps.setString(1, "a" + i);
        ps.setLong(2, balance);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return url;
  }

  /** The statement {@link #transfer} runs, prepared on a connection with auto-commit off. */
  public static PreparedStatement mover(Connection c) throws SQLException {
    c.setAutoCommit(false);
    return c.prepareStatement("UPDATE Account SET balance = balance + ? WHERE name = ?");
  }

  /** Two distinct random account numbers. */
  public static int[] pair(Random random, int accounts) {
    int from = random.nextInt(accounts);
    return new int[] {from, (from + 1 + random.nextInt(accounts - 1)) % accounts};
  }

  /**
   * Moves 10 from one account to another in one transaction.
   *
   * @return true when it committed, false when it lost to another commit (40001) and was rolled back
   */
  public static boolean transfer(Connection c, PreparedStatement move, int[] pair) throws SQLException {
    try {
      move.setLong(1, -10);
      move.setString(2, "a" + pair[0]);
      move.executeUpdate();
      move.setLong(1, 10);
      move.setString(2, "a" + pair[1]);
      move.executeUpdate();
      c.commit();
      return true;
    } catch (SQLException e) {
      if (!"40001".equals(e.getSQLState())) throw e;
      c.rollback();
      return false;
    }
  }

  /** The sum of every balance. */
  public static long total(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT SUM(balance) FROM Account")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

package io.omnigraph.tests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A plain application, run in a child JVM: creates a graph, loads it, queries it and prints one line
 * per query. Anything else on its stdout or stderr came from the driver or its libraries.
 */
public final class QuietApplication {
  private QuietApplication() {}

  /** Arguments: the create URL, then the JSONL file to load. */
  public static void main(String[] args) throws SQLException {
    try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
      s.executeUpdate("LOAD DATA FROM '" + args[1] + "' MODE OVERWRITE");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM Person")) {
        rs.next();
        System.out.println("persons=" + rs.getLong(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT name FROM Person WHERE age >= 30 ORDER BY name")) {
        StringBuilder names = new StringBuilder();
        while (rs.next()) names.append(names.length() == 0 ? "" : ",").append(rs.getString(1));
        System.out.println("older=" + names);
      }
    }
  }
}

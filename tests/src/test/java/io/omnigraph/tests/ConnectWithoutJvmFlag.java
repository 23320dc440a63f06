package io.omnigraph.tests;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Run in a child JVM started without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} (or with a
 * class path lacking Lance's native library): prints the SQLState and message the driver answers a
 * connection attempt with.
 */
public final class ConnectWithoutJvmFlag {
  private ConnectWithoutJvmFlag() {}

  public static void main(String[] args) {
    try {
      DriverManager.getConnection(args[0]).close();
      System.out.println("CONNECTED");
    } catch (SQLException e) {
      System.out.println(e.getSQLState() + " " + e.getMessage());
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OPTIMIZE on a table whose String key carries a text index, after updates on both sides of an
 * ENSURE INDICES and an earlier OPTIMIZE. Folding the new rows into that index used to abort the
 * JVM inside Lance; a regression here kills the test JVM, which fails the build.
 */
class OptimizeTextIndexTest {
  @TempDir Path dir;

  @Test
  void optimizeAfterUpdatesOnAnIndexedStringKeyKeepsWorking() throws Exception {
    String url = "jdbc:omnigraph:" + dir.resolve("g") + "?create=true&schema=" + schema();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      for (int i = 0; i < 6; i++) {
        s.executeUpdate("INSERT INTO Account (name, balance) VALUES ('acc" + (char) ('A' + i + 10) + "', 0)");
      }
      bump(s, 5);
      s.execute("ENSURE INDICES");
      bump(s, 5);
      s.execute("OPTIMIZE");
      for (int round = 0; round < 3; round++) {
        bump(s, 5);
        s.execute("OPTIMIZE");
      }
      assertEquals(25, Fixture.scalar(c, "SELECT balance FROM Account WHERE name = 'accK'"));
      assertEquals(6, Fixture.count(c, "Account"));
      assertEquals(1, Fixture.scalar(c, "SELECT COUNT(*) FROM Account WHERE name = 'accP'"));
    }
  }

  private static void bump(Statement s, int times) throws SQLException {
    for (int i = 0; i < times; i++) s.executeUpdate("UPDATE Account SET balance = balance + 1 WHERE name = 'accK'");
  }

  private static Path schema() throws URISyntaxException {
    return Path.of(OptimizeTextIndexTest.class.getResource("/maintenance/accounts.pg").toURI());
  }
}

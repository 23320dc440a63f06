package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client that goes silent in the middle of a transaction loses it once the server's idle timeout passes. */
class ServerIdleTimeoutTest {
  @TempDir
  Path dir;

  @Test
  void aSilentClientsOpenTransactionIsRolledBackAfterTheIdleTimeout() throws Exception {
    try (ServedGraph served = ServedGraph.start(dir, Duration.ofSeconds(3))) {
      Connection gone = served.alice();
      Statement s = gone.createStatement();
      gone.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Abandoned', 60)");
      assertEquals(1, served.server.openConnections());

      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (served.server.openConnections() > 0 && System.nanoTime() < deadline) Thread.sleep(100);
      assertEquals(0, served.server.openConnections(), "the server closed the silent connection");

      try (Connection c = served.embedded()) {
        assertEquals(List.of(), Fixture.strings(c, "SELECT name FROM Person WHERE name = 'Abandoned'"));
      }
      SQLException e = assertThrows(SQLException.class, () -> gone.commit());
      assertEquals("08003", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("idle timeout"), e.getMessage());
      try (Connection c = served.alice(); Statement t = c.createStatement()) {
        assertEquals(1, t.executeUpdate("INSERT INTO Person (name, age) VALUES ('Abandoned', 61)"),
            "nothing of the rolled-back transaction is left in the way");
      }
      try {
        gone.close();
      } catch (SQLException | RuntimeException alreadyClosedByTheServer) {
        // The server no longer knows the connection; there is nothing left to close.
      }
    }
  }
}

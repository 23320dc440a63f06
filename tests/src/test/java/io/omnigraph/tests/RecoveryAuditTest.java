package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code _graph_recoveries}: the audit of interrupted writes that a read-write open settled. */
class RecoveryAuditTest {
  /** The engine's switch for crash points, read when a graph handle opens. */
  private static final String FAILPOINTS = "omnigraph.failpoints";

  @TempDir Path dir;

  @Test
  void aCleanGraphHasNoRecoveries() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir)) {
      assertEquals(List.of(), Fixture.rows(c, "SELECT * FROM _graph_recoveries"));
    }
  }

  @Test
  void aWriteInterruptedBeforePublishShowsUpAfterTheNextOpen() throws SQLException {
    Fixture.createLoaded(dir).close();
    try (Connection crashing = connectWithFailpoint("commit.before_publish"); Statement s = crashing.createStatement()) {
      assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO Person (name) VALUES ('Eve')"));
    }
    try (Connection c = Fixture.connect(dir, "")) {
      assertEquals(List.of(List.of("RolledForward", "Mutation")),
          Fixture.rows(c, "SELECT recovery_kind, sidecar_writer_kind FROM _graph_recoveries"));
      assertEquals(List.of("Eve"), Fixture.strings(c, "SELECT name FROM Person WHERE name = 'Eve'"),
          "the interrupted insert was rolled forward");
      String head = Fixture.strings(c, "SELECT head_commit_id FROM _graph_branches WHERE name = 'main'").get(0);
      assertEquals(List.of(head), Fixture.strings(c, "SELECT graph_commit_id FROM _graph_recoveries"));
    }
  }

  @Test
  void writingToTheAuditIsRefused() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeUpdate("DELETE FROM _graph_recoveries"));
      assertEquals("42000", e.getSQLState());
    }
  }

  /** A connection whose graph handle is the only one open and has {@code failpoint} armed. */
  private Connection connectWithFailpoint(String failpoint) throws SQLException {
    String before = System.getProperty(FAILPOINTS);
    System.setProperty(FAILPOINTS, failpoint);
    try {
      // Failpoints sit on the direct publish path, which the commit log would bypass.
      return Fixture.connect(dir, "commitLog=false");
    } finally {
      if (before == null) System.clearProperty(FAILPOINTS);
      else System.setProperty(FAILPOINTS, before);
    }
  }
}

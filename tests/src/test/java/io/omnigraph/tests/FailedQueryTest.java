package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A query that fails while it runs releases what it held: the connection still closes cleanly. */
class FailedQueryTest {
  @TempDir Path dir;

  @Test
  void aComparisonWithABadLiteralFailsTypedAndTheConnectionClosesCleanly() throws Exception {
    Connection c = Fixture.createLoaded(dir);
    try (Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (ResultSet rs = s.executeQuery("select name from Person where age > 'abc'")) {
          while (rs.next()) rs.getString(1);
        }
      });
      assertNotNull(e.getSQLState(), e.toString());
      assertEquals("22", e.getSQLState().substring(0, 2), e.toString());
      assertEquals(4, Fixture.count(c, "Person"), "the connection still answers");
    }
    c.close();
    try (Connection again = Fixture.connect(dir, "")) {
      assertEquals(4, Fixture.count(again, "Person"));
    }
  }
}

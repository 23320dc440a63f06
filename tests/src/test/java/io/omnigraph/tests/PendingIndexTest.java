package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ENSURE INDICES and OPTIMIZE say why an index is left pending, in the row of its table. */
class PendingIndexTest {
  @TempDir Path dir;

  @Test
  void aVectorIndexWithTooFewVectorsIsPendingWithTheReason() throws Exception {
    Path schema = dir.resolve("docs.pg");
    Files.writeString(schema, "node Doc { slug: String @key, emb: Vector(3)? @index }\n");
    try (Connection c = DriverManager.getConnection("jdbc:omnigraph:" + dir.resolve("g") + "?create=true&schema=" + schema);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO Doc (slug, emb) VALUES ('a', ARRAY[1.0, 2.0, 3.0]), ('b', ARRAY[3.0, 2.0, 1.0])");
      try (ResultSet rs = s.executeQuery("ENSURE INDICES")) {
        assertTrue(rs.next());
        assertEquals("node:Doc", rs.getString("type_key"));
        assertEquals("emb", rs.getString("pending"));
        String reason = rs.getString("pending_reason");
        assertTrue(reason.startsWith("emb: vector index waits for at least 256 non-null vectors"), reason);
      }
      try (ResultSet rs = s.executeQuery("OPTIMIZE")) {
        assertTrue(rs.next());
        assertEquals("emb", rs.getString("pending_indexes"));
        assertTrue(rs.getString("pending_reason").contains("256 non-null vectors"), rs.getString("pending_reason"));
      }
    }
  }

  @Test
  void nothingPendingMeansNoReason() throws Exception {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("ENSURE INDICES")) {
      while (rs.next()) assertNull(rs.getString("pending_reason"), rs.getString("type_key"));
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSONL example of docs/schema-language.md loads, as documented, into a graph of the schema
 * shown above it, and every value type reads back as written.
 */
class JsonlFormatDocTest {
  private static final Pattern PG = Pattern.compile("(?ms)^```pg\\n(.*?)^```$");
  private static final Pattern JSONL = Pattern.compile("(?ms)^```jsonl\\n(.*?)^```$");

  @TempDir Path dir;

  @Test
  void theDocumentedDataFileLoadsIntoTheDocumentedSchema() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "schema-language.md"));
    Matcher data = JSONL.matcher(doc);
    assertTrue(data.find(), "the document has a jsonl example");
    String schema = null;
    Matcher pg = PG.matcher(doc.substring(0, data.start()));
    while (pg.find()) schema = pg.group(1);
    Path schemaFile = Files.writeString(dir.resolve("schema.pg"), schema);
    Path dataFile = Files.writeString(dir.resolve("data.jsonl"), data.group(1));
    long lines = data.group(1).lines().filter(l -> !l.isBlank()).count();

    try (Connection c = DriverManager.getConnection("jdbc:omnigraph:" + dir.resolve("g") + "?create=true&schema=" + schemaFile);
        Statement s = c.createStatement()) {
      assertEquals(lines, s.executeUpdate("LOAD DATA FROM '" + dataFile + "'"));
      assertEquals(3, Fixture.count(c, "Person"));
      assertEquals(4, Fixture.count(c, "Knows") + Fixture.count(c, "WorksAt") + Fixture.count(c, "About"));
      assertEquals(1, Fixture.scalar(c, "SELECT COUNT(*) FROM Knows WHERE id = 'k-bob-carol'"));
      try (ResultSet rs = s.executeQuery("SELECT * FROM Note WHERE id = 'note-1'")) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean("flag"));
        assertEquals(-7, rs.getInt("small"));
        assertEquals(9007199254740993L, rs.getLong("big"));
        assertEquals(4294967295L, rs.getLong("count32"));
        assertEquals(new BigDecimal("18446744073709551615"), rs.getBigDecimal("count64"));
        assertEquals(0.5f, rs.getFloat("ratio"));
        assertEquals(2.25, rs.getDouble("score"));
        assertEquals("2024-05-01", rs.getString("due"));
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), rs.getBytes("payload"));
        assertEquals("done", rs.getString("status"));
        assertEquals(2, ((Object[]) rs.getArray("tags").getArray()).length);
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, (float[]) rs.getArray("embedding").getArray());
      }
      try (ResultSet rs = s.executeQuery("SELECT due, stamp, payload, flag FROM Note WHERE id = 'note-2'")) {
        assertTrue(rs.next());
        assertEquals("2024-05-01", rs.getString("due"), "a day count");
        assertEquals(1714555800000L, rs.getTimestamp("stamp", java.util.Calendar.getInstance(
            java.util.TimeZone.getTimeZone("UTC"))).getTime(), "epoch milliseconds");
        assertEquals(0, rs.getBytes("payload").length, "base64: with no payload is empty, not null");
        assertNull(rs.getObject("flag"));
        assertFalse(rs.next());
      }
    }
  }
}

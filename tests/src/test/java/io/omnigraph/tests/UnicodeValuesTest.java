package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any Unicode scalar value round-trips through keys, parameters and filters. */
class UnicodeValuesTest {
  @TempDir Path dir;

  @Test
  void keysOutsideTheBasicPlaneAndWithNulWorkAsParameters() throws Exception {
    List<String> names = List.of("smile \uD83D\uDE00", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "nul\u0000inside", "日本");
    try (Connection c = Fixture.createLoaded(dir)) {
      try (PreparedStatement ins = c.prepareStatement("INSERT INTO Person (name, age) VALUES (?, ?)")) {
        for (String name : names) {
          ins.setString(1, name);
          ins.setInt(2, 40);
          assertEquals(1, ins.executeUpdate());
        }
      }
      try (PreparedStatement q = c.prepareStatement("SELECT name, age FROM Person WHERE name = ?")) {
        for (String name : names) {
          q.setString(1, name);
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            assertEquals(name, rs.getString(1));
            assertEquals(40, rs.getInt(2));
          }
        }
      }
      try (PreparedStatement up = c.prepareStatement("UPDATE Person SET age = 41 WHERE name = ?");
          PreparedStatement del = c.prepareStatement("DELETE FROM Person WHERE id = ?")) {
        up.setString(1, names.get(0));
        assertEquals(1, up.executeUpdate());
        del.setString(1, names.get(1));
        assertEquals(1, del.executeUpdate());
        del.setString(1, names.get(2));
        assertEquals(1, del.executeUpdate());
      }
      try (PreparedStatement q = c.prepareStatement("SELECT age FROM Person WHERE id = ?")) {
        q.setString(1, names.get(0));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          assertEquals(41, rs.getInt(1));
        }
      }
      assertEquals(0, Fixture.scalar(c, "SELECT COUNT(*) FROM Person WHERE name LIKE 'family%'"));
      assertEquals(6, Fixture.count(c, "Person"));
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine handle's settings (background maintenance, cache sizes) as connection properties: the
 * connection that opens a graph shapes its handle, a bad value is refused, and a connection whose
 * settings arrive too late is told so.
 */
class GraphSettingsTest {
  @TempDir Path dir;

  @Test
  void theConnectionThatOpensTheGraphSetsHowOftenItCompacts() throws Exception {
    // Without the commit log each insert is its own publish of the table, so the count is exact.
    String url = Fixture.createUrl(dir) + "&autoCompactEvery=3&actor=writer&commitLog=false";
    try (Connection c = DriverManager.getConnection(url)) {
      assertNull(c.getWarnings());
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO Person (name, age) VALUES (?, ?)")) {
        for (int i = 0; i < 8; i++) {
          insert.setString(1, "p" + i);
          insert.setInt(2, i);
          insert.executeUpdate();
        }
      }
      // With the default of 64 commits, eight would never compact; with 3 the background worker does.
      String maintenance = "SELECT COUNT(*) FROM \"_graph_commits\" WHERE actor_id IS NULL AND parent_commit_id IS NOT NULL";
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (Fixture.scalar(c, maintenance) == 0 && System.nanoTime() < deadline) Thread.sleep(50);
      assertTrue(Fixture.scalar(c, maintenance) > 0, "a background compaction committed");
      assertEquals(8, Fixture.count(c, "Person"));
    }
  }

  @Test
  void aSettingThatIsNotAWholeNumberRefusesTheConnection() throws Exception {
    try (Connection c = Fixture.createEmpty(dir)) {
      for (String bad : List.of("autoCompactEvery=often", "cache.knownIds=-1", "manifest.compactAt=1",
          "commitLog=maybe")) {
        SQLException e = assertThrows(SQLException.class, () -> Fixture.connect(dir, bad));
        assertEquals("08004", e.getSQLState(), bad);
        assertTrue(e.getMessage().contains(bad.substring(0, bad.indexOf('='))), e.getMessage());
      }
    }
  }

  @Test
  void settingsGivenToAnOpenGraphAreReportedAsNotApplied() throws Exception {
    try (Connection first = DriverManager.getConnection(Fixture.createUrl(dir) + "&autoCompactEvery=3")) {
      try (Connection same = Fixture.connect(dir, "autoCompactEvery=3")) {
        assertNull(same.getWarnings(), "the handle already has these settings");
      }
      try (Connection none = Fixture.connect(dir, "")) {
        assertNull(none.getWarnings(), "a connection without settings takes the handle as it is");
      }
      try (Connection other = Fixture.connect(dir, "autoCompactEvery=0")) {
        SQLWarning w = other.getWarnings();
        assertTrue(w != null && w.getMessage().contains("not applied") && w.getMessage().contains("autoCompactEvery=3"),
            String.valueOf(w));
        assertEquals("01000", w.getSQLState());
      }
    }
  }

  @Test
  void everySettingIsADriverProperty() throws Exception {
    List<String> names = Arrays.stream(DriverManager.getDriver("jdbc:omnigraph:/g").getPropertyInfo("jdbc:omnigraph:/g", new Properties()))
        .map(p -> p.name).toList();
    assertTrue(names.containsAll(List.of("autoCompactEvery", "autoIndexAtRows", "manifest.compactAt", "cache.knownIds",
        "cache.openVersions", "cache.indexBytes", "cache.metadataBytes", "cache.locatedRows", "cache.columnBytes")), names.toString());
    DriverPropertyInfo every = Arrays.stream(DriverManager.getDriver("jdbc:omnigraph:/g")
        .getPropertyInfo("jdbc:omnigraph:/g?autoCompactEvery=0", null)).filter(p -> p.name.equals("autoCompactEvery"))
        .findFirst().orElseThrow();
    assertEquals("0", every.value);
  }
}

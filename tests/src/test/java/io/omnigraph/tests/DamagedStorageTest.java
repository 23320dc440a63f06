package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graph whose files were damaged outside the driver fails to connect with 58030 (storage
 * failure) and a message naming where, never a raw exception or an "unknown branch".
 */
class DamagedStorageTest {
  @TempDir Path dir;

  @Test
  void aTruncatedManifestVersionFileIsAStorageFailure() throws Exception {
    Path versions = graph().resolve("__manifest/_versions");
    // Lance names version files by u64::MAX - version: the newest sorts first.
    Path newest = files(versions).stream().filter(p -> p.toString().endsWith(".manifest")).sorted().findFirst().orElseThrow();
    byte[] bytes = Files.readAllBytes(newest);
    Files.write(newest, Arrays.copyOf(bytes, bytes.length / 2));
    assertStorageFailure();
  }

  @Test
  void aManifestDataFileOverwrittenWithGarbageIsAStorageFailure() throws Exception {
    for (Path p : files(graph().resolve("__manifest/data"))) Files.write(p, new byte[64]);
    assertStorageFailure();
  }

  @Test
  void aMissingManifestDataFileIsAStorageFailure() throws Exception {
    for (Path p : files(graph().resolve("__manifest/data"))) Files.delete(p);
    assertStorageFailure();
  }

  @Test
  void aDeletedTableDataFileFailsTheQueryWith58030AndTheConnectionStillClosesCleanly() throws Exception {
    Path graph = graph();
    try (Stream<Path> all = Files.walk(graph.resolve("nodes"))) {
      for (Path p : all.filter(f -> f.toString().endsWith(".lance") && f.getParent().getFileName().toString().equals("data"))
          .toList()) {
        Files.delete(p);
      }
    }
    Connection c = Fixture.connect(dir, "");
    try (Statement s = c.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> {
        try (var rs = s.executeQuery("SELECT name, age FROM Person")) {
          while (rs.next()) rs.getString(1);
        }
      });
      assertEquals("58030", e.getSQLState(), e.toString());
    }
    // The last connection closing closes the graph handle, which fails if the scan kept Arrow memory.
    c.close();
  }

  private Path graph() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO Person (name) VALUES ('Zed')");
    }
    return dir.resolve("graph");
  }

  private void assertStorageFailure() {
    SQLException e = assertThrows(SQLException.class, () -> Fixture.connect(dir, "").close());
    assertEquals("58030", e.getSQLState(), e.toString());
    assertTrue(e.getMessage().contains(dir.resolve("graph").resolve("__manifest").toString()), e.getMessage());
  }

  private static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.toList();
    }
  }
}

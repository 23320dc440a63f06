package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create=true on a graph that exists opens it unchanged, and warns when the schema file says otherwise. */
class CreateExistingTest {
  @TempDir Path dir;

  @Test
  void aDifferentSchemaOnAnExistingGraphIsReportedAsAWarning() throws Exception {
    try (Connection first = Fixture.createLoaded(dir)) {
      assertNull(first.getWarnings(), "a new graph has nothing to warn about");
    }
    try (Connection same = DriverManager.getConnection(Fixture.createUrl(dir))) {
      assertNull(same.getWarnings(), "the same schema again: no warning");
    }
    Path other = dir.resolve("other.pg");
    Files.writeString(other, Files.readString(Fixture.resource("graph.pg")) + "\nnode Extra { name: String @key }\n");
    try (Connection c = DriverManager.getConnection(Fixture.url(dir) + "?create=true&schema=" + other)) {
      SQLWarning w = c.getWarnings();
      assertNotNull(w);
      assertTrue(w.getMessage().contains("already exists") && w.getMessage().contains("differs"), w.getMessage());
      assertEquals(4, Fixture.count(c, "Person"), "the existing graph was opened as it is");
    }
  }
}

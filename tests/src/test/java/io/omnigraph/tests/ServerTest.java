package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A served graph through java.sql: authentication, read-only users, actors, sessions and metadata. */
class ServerTest {
  @TempDir
  static Path dir;
  static ServedGraph served;

  @BeforeAll
  static void serve() throws Exception {
    served = ServedGraph.start(dir, Duration.ofMinutes(10));
  }

  @AfterAll
  static void stop() throws Exception {
    if (served != null) served.close();
  }

  @Test
  void aWrongOrMissingPasswordIsRefusedWith28000BeforeAnythingOpens() throws Exception {
    int before = served.server.openConnections();
    assertEquals("28000", assertThrows(SQLException.class, () -> served.connect("alice", "wrong")).getSQLState());
    assertEquals("28000", assertThrows(SQLException.class, () -> served.connect("nobody", "alice-s3cret")).getSQLState());
    assertEquals("28000", assertThrows(SQLException.class, () -> served.connect("alice", null)).getSQLState());
    assertEquals("28000", assertThrows(SQLException.class, () -> served.connect(null, null)).getSQLState());
    assertEquals(before, served.server.openConnections(), "no refused client got a connection");
  }

  @Test
  void theStockAvaticaDriverConnectsAndIsRefusedWithTheSameState() throws Exception {
    String url = "jdbc:avatica:remote:url=" + served.server.url() + ";serialization=PROTOBUF;authentication=BASIC";
    Properties good = new Properties();
    good.setProperty("avatica_user", "alice");
    good.setProperty("avatica_password", ServedGraph.ALICE_PASSWORD);
    try (Connection c = DriverManager.getConnection(url, good)) {
      assertEquals(List.of("Alice", "Bob"), Fixture.strings(c, "SELECT name FROM Person WHERE name IN ('Alice', 'Bob') ORDER BY name"));
    }
    Properties bad = new Properties();
    bad.setProperty("avatica_user", "alice");
    bad.setProperty("avatica_password", "wrong");
    Exception refused = assertThrows(Exception.class, () -> DriverManager.getConnection(url, bad));
    assertEquals("28000", stateOf(refused), refused.toString());
  }

  @Test
  void aReadOnlyUsersWritesAndGraphChangesAreRefusedWith42501AndChangeNothing() throws Exception {
    long commits;
    long persons;
    try (Connection c = served.embedded()) {
      commits = Fixture.count(c, "_graph_commits");
      persons = Fixture.count(c, "Person");
    }
    try (Connection c = served.reader(); Statement s = c.createStatement()) {
      assertEquals(persons, Fixture.count(c, "Person"), "a read-only user reads");
      for (String sql : List.of(
          "INSERT INTO Person (name, age) VALUES ('Mallory', 40)",
          "UPDATE Person SET age = 99 WHERE name = 'Alice'",
          "DELETE FROM Person WHERE name = 'Bob'",
          "CREATE BRANCH 'readers-branch'",
          "DROP BRANCH 'main'",
          "MERGE BRANCH 'main' INTO 'main'",
          "LOAD DATA FROM '" + Fixture.resource("graph.jsonl") + "'",
          "OPTIMIZE")) {
        SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
      }
      c.setReadOnly(false);
      c.setAutoCommit(false);
      SQLException inTx = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Mallory', 40)"));
      assertEquals("42501", inTx.getSQLState(), "setReadOnly(false) changes nothing for a read-only user");
      c.rollback();
      s.execute("USE BRANCH 'main'");
    }
    try (Connection c = served.embedded()) {
      assertEquals(commits, Fixture.count(c, "_graph_commits"), "no commit");
      assertEquals(persons, Fixture.count(c, "Person"));
      assertFalse(Fixture.strings(c, "SELECT name FROM _graph_branches").contains("readers-branch"));
    }
  }

  @Test
  void commitsRecordTheAuthenticatedUserWhateverActorTheClientSends() throws Exception {
    Properties claim = new Properties();
    claim.setProperty("actor", "mallory");
    try (Connection c = served.connect("alice", ServedGraph.ALICE_PASSWORD, claim); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Actor Check', 33)");
    }
    try (Connection c = served.embedded()) {
      assertEquals(List.of("alice"), Fixture.strings(c,
          "SELECT actor_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1"));
    }
  }

  @Test
  void eachRemoteConnectionKeepsItsOwnBranchAndSnapshot() throws Exception {
    String before;
    try (Connection c = served.alice(); Statement s = c.createStatement()) {
      before = Fixture.strings(c, "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1").get(0);
      s.execute("CREATE BRANCH 'remote-side'");
    }
    Properties onBranch = new Properties();
    onBranch.setProperty("branch", "remote-side");
    Properties pinned = new Properties();
    pinned.setProperty("snapshot", before);
    try (Connection side = served.connect("alice", ServedGraph.ALICE_PASSWORD, onBranch);
        Connection main = served.alice();
        Connection old = served.connect("alice", ServedGraph.ALICE_PASSWORD, pinned);
        Statement s = side.createStatement()) {
      long mainPersons = Fixture.count(main, "Person");
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Side Only', 20)");
      assertEquals(mainPersons + 1, Fixture.count(side, "Person"));
      assertEquals(mainPersons, Fixture.count(main, "Person"), "main does not see the branch's write");
      assertEquals(List.of("remote-side"), Fixture.strings(side, "SHOW BRANCH"));
      try (Statement m = main.createStatement()) {
        m.execute("USE BRANCH 'remote-side'");
      }
      assertEquals(mainPersons + 1, Fixture.count(main, "Person"), "USE BRANCH moved only that connection");
      assertEquals(List.of("remote-side"), Fixture.strings(side, "SHOW BRANCH"));
      try (Statement o = old.createStatement()) {
        SQLException e = assertThrows(SQLException.class,
            () -> o.executeUpdate("INSERT INTO Person (name, age) VALUES ('Too Late', 20)"));
        assertEquals("25006", e.getSQLState(), "a pinned snapshot is read-only, remotely too");
      }
    }
  }

  @Test
  void aRemoteTransactionCommitsAndRollsBackAsOne() throws Exception {
    try (Connection tx = served.alice(); Connection other = served.alice(); Statement s = tx.createStatement()) {
      long persons = Fixture.count(other, "Person");
      tx.setAutoCommit(false);
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Tx One', 51)");
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Tx Two', 52)");
      assertEquals(persons + 2, Fixture.count(tx, "Person"), "the transaction reads its own writes");
      assertEquals(persons, Fixture.count(other, "Person"), "nobody else sees them yet");
      tx.rollback();
      assertEquals(persons, Fixture.count(tx, "Person"));
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Tx Three', 53)");
      s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Tx Four', 54)");
      tx.commit();
      assertEquals(persons + 2, Fixture.count(other, "Person"));
      SQLException dup = assertThrows(SQLException.class,
          () -> s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Tx Three', 1)"));
      assertEquals("23505", dup.getSQLState(), "a constraint failure keeps its state through the server");
      tx.rollback();
    }
  }

  @Test
  void anotherUserCannotReachSomeoneElsesConnection() throws Exception {
    try (Connection alice = served.alice()) {
      alice.setAutoCommit(false);
      try (Statement s = alice.createStatement()) {
        s.executeUpdate("INSERT INTO Person (name, age) VALUES ('Private', 70)");
      }
      String id = alice.unwrap(org.apache.calcite.avatica.AvaticaConnection.class).id;
      org.apache.calcite.avatica.remote.Service reader = rawService("reader", ServedGraph.READER_PASSWORD);
      java.util.Map<String, org.junit.jupiter.api.function.Executable> requests = java.util.Map.of(
          "commit", () -> reader.apply(new org.apache.calcite.avatica.remote.Service.CommitRequest(id)),
          "create statement", () -> reader.apply(new org.apache.calcite.avatica.remote.Service.CreateStatementRequest(id)),
          "close", () -> reader.apply(new org.apache.calcite.avatica.remote.Service.CloseConnectionRequest(id)));
      for (var request : requests.entrySet()) {
        Exception e = assertThrows(Exception.class, request.getValue(), request.getKey());
        assertEquals("08003", stateOf(e), request.getKey() + ": " + e);
      }
      try (Statement s = alice.createStatement()) {
        assertEquals(List.of("Private"), Fixture.strings(alice, "SELECT name FROM Person WHERE name = 'Private'"),
            "alice's connection and transaction are untouched");
      }
      alice.rollback();
    }
    try (Connection c = served.embedded()) {
      assertEquals(List.of(), Fixture.strings(c, "SELECT name FROM Person WHERE name = 'Private'"));
    }
  }

  /** Avatica's protocol spoken directly, as any HTTP client could, with {@code user}'s credentials. */
  static org.apache.calcite.avatica.remote.Service rawService(String user, String password) throws Exception {
    Properties p = new Properties();
    p.setProperty("url", served.server.url());
    p.setProperty("serialization", "PROTOBUF");
    p.setProperty("authentication", "BASIC");
    p.setProperty("avatica_user", user);
    p.setProperty("avatica_password", password);
    org.apache.calcite.avatica.remote.AvaticaHttpClient http = org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl
        .getInstance().getClient(new java.net.URL(served.server.url()), new org.apache.calcite.avatica.ConnectionConfigImpl(p), null);
    return new org.apache.calcite.avatica.remote.RemoteProtobufService(http,
        new org.apache.calcite.avatica.remote.ProtobufTranslationImpl());
  }

  @Test
  void remoteMetadataAnswersWhatEmbeddedMetadataDoes() throws Exception {
    try (Connection remote = served.alice(); Connection local = served.embedded()) {
      DatabaseMetaData r = remote.getMetaData();
      DatabaseMetaData l = local.getMetaData();
      List<List<Object>> imported = Fixture.rows(r.getImportedKeys(null, null, "%"));
      assertEquals(typed(Fixture.rows(l.getImportedKeys(null, null, "%"))), typed(imported));
      assertTrue(imported.stream().anyMatch(row -> "Knows".equals(row.get(6)) && "Person".equals(row.get(2))),
          "edge tables import their endpoints' keys: " + imported);
      assertEquals(typed(Fixture.rows(l.getPrimaryKeys(null, null, "%"))), typed(Fixture.rows(r.getPrimaryKeys(null, null, "%"))));
      assertEquals(typed(Fixture.rows(l.getExportedKeys(null, null, "Person"))), typed(Fixture.rows(r.getExportedKeys(null, null, "Person"))));
      assertEquals(typed(Fixture.rows(l.getIndexInfo(null, null, "Person", false, true))),
          typed(Fixture.rows(r.getIndexInfo(null, null, "Person", false, true))));
      assertEquals(typed(Fixture.rows(l.getTables(null, null, "%", new String[] {"TABLE"}))),
          typed(Fixture.rows(r.getTables(null, null, "%", new String[] {"TABLE"}))));
      assertEquals(l.supportsTransactions(), r.supportsTransactions());
      assertEquals(l.getDefaultTransactionIsolation(), r.getDefaultTransactionIsolation());
      assertEquals(l.getDatabaseProductName(), r.getDatabaseProductName());
      assertEquals("alice", r.getUserName());
      assertTrue(r.getURL().startsWith("jdbc:omnigraph:remote:"), r.getURL());
      assertEquals(remote, r.getConnection());
    }
  }

  /**
   * Values with their kinds (text, number, boolean). Avatica's client answers getObject on a SMALLINT
   * column with a Short where the embedded driver follows JDBC's Integer; the numbers are the same.
   */
  static List<List<String>> typed(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(v -> {
      if (v == null) return "null";
      if (v instanceof Number n) return n.longValue() + ":number";
      return v + ":" + v.getClass().getSimpleName();
    }).toList()).toList();
  }

  static String stateOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && s.getSQLState() != null) return s.getSQLState();
      if (c instanceof org.apache.calcite.avatica.AvaticaClientRuntimeException a) return a.getSqlState();
    }
    return null;
  }
}

package io.omnigraph.tests;

import io.omnigraph.server.OmniGraphServer;
import io.omnigraph.server.ServerSettings;
import io.omnigraph.server.UsersFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A fixture graph served on loopback by a real {@link OmniGraphServer}, with two users: {@code alice}
 * (read-write) and {@code reader} (read-only).
 */
final class ServedGraph implements AutoCloseable {
  static final String ALICE_PASSWORD = "alice-s3cret";
  static final String READER_PASSWORD = "reader-s3cret";

  final Path graph;
  final OmniGraphServer server;

  private ServedGraph(Path graph, OmniGraphServer server) {
    this.graph = graph;
    this.server = server;
  }

  /** Creates the fixture graph under {@code dir} (once) and serves it. */
  static ServedGraph start(Path dir, Duration idleTimeout) throws Exception {
    Path users = dir.resolve("users");
    if (!java.nio.file.Files.exists(dir.resolve("graph"))) {
      Fixture.createLoaded(dir).close();
      UsersFile.add(users, "alice", false, ALICE_PASSWORD.toCharArray());
      UsersFile.add(users, "reader", true, READER_PASSWORD.toCharArray());
    }
    Path graph = dir.resolve("graph");
    ServerSettings settings = ServerSettings.of(graph.toString(), 0, users).withHost("127.0.0.1")
        .withIdleTimeout(idleTimeout);
    return new ServedGraph(graph, OmniGraphServer.start(settings));
  }

  String remoteUrl() {
    return "jdbc:omnigraph:remote:" + server.url();
  }

  Connection connect(String user, String password) throws SQLException {
    return connect(user, password, new Properties());
  }

  Connection connect(String user, String password, Properties more) throws SQLException {
    Properties p = new Properties();
    p.putAll(more);
    if (user != null) p.setProperty("user", user);
    if (password != null) p.setProperty("password", password);
    return DriverManager.getConnection(remoteUrl(), p);
  }

  Connection alice() throws SQLException {
    return connect("alice", ALICE_PASSWORD);
  }

  Connection reader() throws SQLException {
    return connect("reader", READER_PASSWORD);
  }

  /** A connection in this JVM, sharing the server's engine handle: what the graph really holds. */
  Connection embedded() throws SQLException {
    return DriverManager.getConnection("jdbc:omnigraph:" + graph);
  }

  @Override
  public void close() throws SQLException {
    server.close();
  }
}

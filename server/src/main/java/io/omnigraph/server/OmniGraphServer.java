package io.omnigraph.server;

import io.omnigraph.jdbc.ConnectionUrl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One graph served over HTTP with Avatica's protobuf protocol (what {@code omnigraph serve} runs).
 * Every remote connection is a {@code jdbc:omnigraph:} connection in this JVM, so all of them share
 * one engine handle, and each keeps its own branch, snapshot and transaction. The server holds one
 * connection of its own for its whole life: the handle stays open between clients, and a graph
 * that cannot be opened stops the start, not the first client.
 */
public final class OmniGraphServer implements AutoCloseable {
  private final ServerSettings settings;
  private final Connection anchor;
  private final ServerMeta meta;
  private final HttpServer http;
  private final ScheduledExecutorService sweeper;

  private OmniGraphServer(ServerSettings settings, Connection anchor, ServerMeta meta, HttpServer http,
      ScheduledExecutorService sweeper) {
    this.settings = settings;
    this.anchor = anchor;
    this.meta = meta;
    this.http = http;
    this.sweeper = sweeper;
  }

  /** Opens the graph and starts listening; returns once clients can connect. */
  public static OmniGraphServer start(ServerSettings settings) throws IOException, SQLException {
    UsersFile users = UsersFile.read(settings.users());
    if (users.size() == 0) {
      throw new IOException("no users in " + settings.users() + "; add one with: omnigraph users add "
          + settings.users() + " <name>");
    }
    String url = ConnectionUrl.PREFIX + settings.location();
    Connection anchor = DriverManager.getConnection(url);
    ScheduledExecutorService sweeper = null;
    HttpServer http = null;
    try {
      RequestUser requestUser = new RequestUser();
      ServerMeta meta = new ServerMeta(url, cacheSettings(settings.idleTimeout()), requestUser);
      AuthenticatingHandler handler = new AuthenticatingHandler(new Authenticator(users), requestUser,
          new LocalService(meta));
      http = new BoundHttpServer(settings, handler);
      http.start();
      sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "omnigraph-server-sweeper");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(100, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
      sweeper.scheduleWithFixedDelay(meta::sweep, every, every, TimeUnit.MILLISECONDS);
      return new OmniGraphServer(settings, anchor, meta, http, sweeper);
    } catch (RuntimeException | SQLException e) {
      if (sweeper != null) sweeper.shutdownNow();
      if (http != null) http.stop();
      anchor.close();
      throw e;
    }
  }

  /** The port it listens on (the one picked when the settings said 0). */
  public int port() {
    return http.getPort();
  }

  /** The URL clients put after {@code jdbc:omnigraph:remote:}, for this machine. */
  public String url() {
    String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
    return (settings.tls() ? "https://" : "http://") + host + ":" + port();
  }

  /** Remote connections open now. */
  public int openConnections() {
    return meta.openConnections();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  /** Stops listening, closes every remote connection (rolling back open transactions), then the graph. */
  @Override
  public void close() throws SQLException {
    sweeper.shutdownNow();
    http.stop();
    meta.closeAll();
    anchor.close();
  }

  private static Properties cacheSettings(Duration idleTimeout) {
    Properties p = new Properties();
    String millis = Long.toString(idleTimeout.toMillis());
    p.setProperty(JdbcMeta.ConnectionCacheSettings.EXPIRY_DURATION.key(), millis);
    p.setProperty(JdbcMeta.ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MILLISECONDS.name());
    p.setProperty(JdbcMeta.StatementCacheSettings.EXPIRY_DURATION.key(), millis);
    p.setProperty(JdbcMeta.StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MILLISECONDS.name());
    return p;
  }

  /** Avatica's server bound to the configured address, with TLS when a keystore is given. */
  private static final class BoundHttpServer extends HttpServer {
    private final String host;

    BoundHttpServer(ServerSettings settings, AuthenticatingHandler handler) {
      super(settings.port(), handler, null, null, tls(settings));
      this.host = settings.host();
    }

    @Override
    protected ServerConnector configureConnector(ServerConnector connector, int port) {
      ServerConnector configured = super.configureConnector(connector, port);
      configured.setHost(host);
      return configured;
    }

    private static SslContextFactory.Server tls(ServerSettings settings) {
      if (!settings.tls()) return null;
      SslContextFactory.Server factory = new SslContextFactory.Server();
      factory.setKeyStorePath(settings.tlsKeystore().toAbsolutePath().toString());
      factory.setKeyStorePassword(settings.tlsKeystorePassword());
      return factory;
    }
  }
}

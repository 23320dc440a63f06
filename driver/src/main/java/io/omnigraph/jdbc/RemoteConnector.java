package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Connections to an OmniGraph server ({@code omnigraph serve}):
 * {@code jdbc:omnigraph:remote:http://host:port[?key=value&...]}, or {@code https://}. The
 * connection is Avatica's remote client speaking protobuf, with {@code user} and {@code password}
 * sent as HTTP Basic credentials; {@code branch}, {@code snapshot} and {@code readOnly} travel to
 * the server, which opens the graph connection with them. Its {@code DatabaseMetaData} answers what
 * an embedded one does (see {@link RemoteMetadataCall}).
 */
final class RemoteConnector {
  static final String PREFIX = ConnectionUrl.PREFIX + "remote:";
  /** Avatica client settings a caller may pass through (TLS trust, timeouts). */
  private static final java.util.Set<String> AVATICA_SETTINGS = java.util.Set.of(
      "truststore", "truststore_password", "truststore_type", "hostname_verification",
      "http_connection_timeout", "http_response_timeout");

  private RemoteConnector() {}

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  static Connection connect(String url, Properties info) throws SQLException {
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    String server = parsed.location().substring("remote:".length());
    String lower = server.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception(
          "a remote URL names the server as http://host:port or https://host:port: " + url);
    }
    Properties given = parsed.properties();
    String user = given.getProperty("user");
    String password = given.getProperty("password");
    if (user == null || user.isEmpty() || password == null) {
      throw SqlState.INVALID_AUTHORIZATION.exception(
          "the server at " + server + " needs the connection properties user and password");
    }
    Properties avatica = new Properties();
    for (String key : given.stringPropertyNames()) {
      if (OmniGraphProperty.forName(key).isPresent() || AVATICA_SETTINGS.contains(key)) {
        avatica.setProperty(key, given.getProperty(key));
      }
    }
    avatica.setProperty("url", server);
    avatica.setProperty("serialization", "PROTOBUF");
    avatica.setProperty("authentication", "BASIC");
    avatica.setProperty("avatica_user", user);
    avatica.setProperty("avatica_password", password);
    Connection remote = open(server, avatica);
    return (Connection) Proxy.newProxyInstance(RemoteConnector.class.getClassLoader(),
        new Class<?>[] {Connection.class}, new RemoteConnection(remote, url, user));
  }

  private static Connection open(String server, Properties avatica) throws SQLException {
    try {
      Connection c = new org.apache.calcite.avatica.remote.Driver().connect("jdbc:avatica:remote:", avatica);
      if (c == null) throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("Avatica refused the URL of " + server);
      return c;
    } catch (org.apache.calcite.avatica.AvaticaClientRuntimeException e) {
      throw RemoteConnection.stated(e);
    } catch (RuntimeException e) {
      throw stated(server, e);
    }
  }

  /** A failure below Avatica's protocol: the HTTP status, or the network. */
  static SQLException stated(String server, RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("HTTP/401")) {
      return SqlState.INVALID_AUTHORIZATION.exception("the server at " + server + " refused the credentials", e);
    }
    return SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("cannot reach the server at " + server + ": " + message, e);
  }
}

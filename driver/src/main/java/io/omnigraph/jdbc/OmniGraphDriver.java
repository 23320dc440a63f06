package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The OmniGraph JDBC driver: {@code jdbc:omnigraph:<location>[?key=value&...]}, where the location
 * is a filesystem path, relative path or {@code file:} URI, and the keys are the
 * {@link OmniGraphProperty} names; or {@code jdbc:omnigraph:remote:http://host:port} for a graph
 * served by {@code omnigraph serve} (see {@link RemoteConnector}). Registered with {@link DriverManager} when loaded, and through
 * {@code META-INF/services/java.sql.Driver} for {@link java.util.ServiceLoader}.
 */
public final class OmniGraphDriver implements Driver {
  static final String VERSION = readVersion();

  static {
    try {
      DriverManager.registerDriver(new OmniGraphDriver());
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) return null;
    if (RemoteConnector.accepts(url)) return RemoteConnector.connect(url, info);
    ConnectionSettings settings = ConnectionSettings.from(ConnectionUrl.parse(url, info));
    GraphRegistry.Lease lease = GraphRegistry.SHARED.acquire(settings.location(), settings.readOnly(), settings.graph(),
        () -> GraphOpener.open(settings));
    try {
      return new OmniGraphConnection(url, settings, lease);
    } catch (SQLException | RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged = acceptsURL(url) ? ConnectionUrl.parse(url, info).properties() : new Properties();
    OmniGraphProperty[] all = OmniGraphProperty.values();
    DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
    for (int i = 0; i < all.length; i++) out[i] = all[i].toDriverPropertyInfo(merged);
    return out;
  }

  @Override
  public int getMajorVersion() {
    return versionPart(0);
  }

  @Override
  public int getMinorVersion() {
    return versionPart(1);
  }

  /** Not JDBC compliant in the spec's sense: there is no SQL-92 entry level DDL, procedures or savepoints. */
  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("the driver does not log through java.util.logging",
        SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  static int versionPart(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String readVersion() {
    try (InputStream in = OmniGraphDriver.class.getResourceAsStream("driver.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      String v = p.getProperty("version", "0.0.0");
      return v.startsWith("${") ? "0.0.0" : v;
    } catch (IOException e) {
      return "0.0.0";
    }
  }
}

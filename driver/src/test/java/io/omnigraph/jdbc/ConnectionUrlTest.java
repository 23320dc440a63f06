package io.omnigraph.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionUrlTest {
  @TempDir Path dir;

  @Test
  void acceptsOnlyOmniGraphUrls() {
    assertTrue(ConnectionUrl.accepts("jdbc:omnigraph:/data/g"));
    assertTrue(ConnectionUrl.accepts("JDBC:OmniGraph:/data/g"));
    assertFalse(ConnectionUrl.accepts("jdbc:postgresql://localhost/db"));
    assertFalse(ConnectionUrl.accepts(null));
  }

  @Test
  void splitsLocationFromQueryAndDecodesValues() throws SQLException {
    ConnectionUrl url = ConnectionUrl.parse("jdbc:omnigraph:/data/g.omni?branch=feature%2Fx&actor=etl+job", null);
    assertEquals("/data/g.omni", url.location());
    assertEquals("feature/x", url.properties().getProperty("branch"));
    assertEquals("etl+job", url.properties().getProperty("actor"), "'+' stays literal");
  }

  @Test
  void callerPropertiesWinOverTheUrlQuery() throws SQLException {
    Properties info = new Properties();
    info.setProperty("branch", "from-properties");
    ConnectionUrl url = ConnectionUrl.parse("jdbc:omnigraph:/g?branch=from-url&actor=a", info);
    assertEquals("from-properties", url.properties().getProperty("branch"));
    assertEquals("a", url.properties().getProperty("actor"));
  }

  @Test
  void knownPropertyNamesAreCanonicalizedIgnoringCase() throws SQLException {
    Properties info = new Properties();
    info.setProperty("READONLY", "false");
    ConnectionUrl url = ConnectionUrl.parse("jdbc:omnigraph:/g?readonly=true", info);
    assertEquals("false", url.properties().getProperty("readOnly"));
  }

  @Test
  void relativeAbsoluteAndFileUriLocationsResolveToOneAbsolutePath() throws SQLException {
    String absolute = dir.resolve("g").toString();
    String viaDots = dir.resolve("x/../g").toString();
    String viaUri = dir.resolve("g").toUri().toString();
    assertEquals(absolute, ConnectionUrl.parse("jdbc:omnigraph:" + absolute, null).resolvedLocation());
    assertEquals(absolute, ConnectionUrl.parse("jdbc:omnigraph:" + viaDots, null).resolvedLocation());
    assertEquals(absolute, ConnectionUrl.parse("jdbc:omnigraph:" + viaUri, null).resolvedLocation());
    String relative = ConnectionUrl.parse("jdbc:omnigraph:rel/g", null).resolvedLocation();
    assertEquals(Path.of("rel/g").toAbsolutePath().normalize().toString(), relative);
  }

  @Test
  void objectStoreUrisArePassedThrough() throws SQLException {
    assertEquals("s3://bucket/prefix", ConnectionUrl.parse("jdbc:omnigraph:s3://bucket/prefix", null).resolvedLocation());
  }

  @Test
  void missingLocationIsAConnectionError() {
    SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:omnigraph:?branch=x", null));
    assertEquals("08001", e.getSQLState());
  }

  @Test
  void bareQueryKeyMeansTrue() throws SQLException {
    assertEquals("true", ConnectionUrl.parse("jdbc:omnigraph:/g?create", null).properties().getProperty("create"));
  }

  @Test
  void settingsReportUnknownPropertiesButNotCredentials() throws SQLException {
    Properties info = new Properties();
    info.setProperty("user", "sa");
    info.setProperty("password", "");
    ConnectionSettings s = ConnectionSettings.from(ConnectionUrl.parse("jdbc:omnigraph:/g?brnach=x&actor=etl", info));
    assertEquals(java.util.List.of("brnach"), s.ignoredProperties());
    assertEquals("main", s.branch());
    assertEquals("etl", s.actor());
    assertFalse(s.refusesWrites());
  }

  @Test
  void snapshotOrReadOnlySettingsRefuseWrites() throws SQLException {
    assertTrue(ConnectionSettings.from(ConnectionUrl.parse("jdbc:omnigraph:/g?snapshot=01ABC", null)).refusesWrites());
    assertTrue(ConnectionSettings.from(ConnectionUrl.parse("jdbc:omnigraph:/g?readOnly=TRUE", null)).refusesWrites());
  }

  @Test
  void malformedBooleanIsRefusedAtConnect() {
    SQLException e = assertThrows(SQLException.class,
        () -> ConnectionSettings.from(ConnectionUrl.parse("jdbc:omnigraph:/g?create=yes", null)));
    assertEquals("08004", e.getSQLState());
    assertTrue(e.getMessage().contains("create"));
  }
}

package io.omnigraph.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The validated settings of one connection.
 *
 * @param location the resolved graph location (see {@link ConnectionUrl#resolvedLocation()})
 * @param snapshot a commit id to pin reads to, or null
 * @param actor recorded on commits, or null
 * @param schema the {@code .pg} file for {@code create=true}, or null
 * @param ignoredProperties property names the driver does not know, reported as warnings
 */
record ConnectionSettings(
    String location,
    String branch,
    String snapshot,
    String actor,
    boolean create,
    String schema,
    boolean readOnly,
    List<String> ignoredProperties) {

  /** Credentials that tools send to every driver; a local graph has no use for them. */
  private static final Set<String> SILENTLY_IGNORED = Set.of("user", "password");

  static ConnectionSettings from(ConnectionUrl url) throws SQLException {
    Properties p = url.properties();
    List<String> ignored = p.stringPropertyNames().stream()
        .filter(k -> OmniGraphProperty.forName(k).isEmpty() && !SILENTLY_IGNORED.contains(k))
        .sorted()
        .toList();
    return new ConnectionSettings(
        url.resolvedLocation(),
        OmniGraphProperty.BRANCH.get(p),
        OmniGraphProperty.SNAPSHOT.get(p),
        OmniGraphProperty.ACTOR.get(p),
        OmniGraphProperty.CREATE.getBoolean(p),
        OmniGraphProperty.SCHEMA.get(p),
        OmniGraphProperty.READ_ONLY.getBoolean(p),
        ignored);
  }

  /** True when the connection must refuse every write. */
  boolean refusesWrites() {
    return readOnly || snapshot != null;
  }
}

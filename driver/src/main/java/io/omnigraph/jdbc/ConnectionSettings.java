package io.omnigraph.jdbc;

import java.sql.SQLException;
import io.omnigraph.calcite.SqlState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.Set;

/**
 * The validated settings of one connection.
 *
 * @param location the resolved graph location (see {@link ConnectionUrl#resolvedLocation()})
 * @param snapshot a commit id to pin reads to, or null
 * @param actor recorded on commits, or null
 * @param schema the {@code .pg} file for {@code create=true}, or null
 * @param storage object-store options: every {@code storage.<key>} property, prefix removed
 * @param graph the graph settings given (by their names in {@code GraphSettings}), for the handle this
 *     connection opens
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
    Map<String, String> storage,
    Map<String, String> graph,
    List<String> ignoredProperties) {

  /** Properties named {@code storage.<key>} are object-store options, handed to the engine (and Lance) as {@code <key>}. */
  static final String STORAGE_PREFIX = "storage.";

  /** Credentials that tools send to every driver; a local graph has no use for them. */
  private static final Set<String> SILENTLY_IGNORED = Set.of("user", "password");

  static ConnectionSettings from(ConnectionUrl url) throws SQLException {
    Properties p = url.properties();
    List<String> ignored = p.stringPropertyNames().stream()
        .filter(k -> OmniGraphProperty.forName(k).isEmpty() && !SILENTLY_IGNORED.contains(k) && !k.startsWith(STORAGE_PREFIX))
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
        storageOptions(p),
        graphSettings(p),
        ignored);
  }

  /** The graph settings given, checked here so a bad value is refused whether or not the handle is open yet. */
  private static Map<String, String> graphSettings(Properties p) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (OmniGraphProperty setting : OmniGraphProperty.values()) {
      String value = setting.isGraphSetting() ? setting.get(p) : null;
      if (value != null) out.put(setting.getName(), value);
    }
    try {
      io.omnigraph.engine.GraphSettings.defaults().with(out);
    } catch (IllegalArgumentException e) {
      throw SqlState.CONNECTION_REJECTED.exception("connection property " + e.getMessage(), e);
    }
    return Map.copyOf(out);
  }

  /** The settings of the engine handle this connection would open: the JVM's defaults with {@link #graph} applied. */
  io.omnigraph.engine.GraphSettings graphSettings() {
    return io.omnigraph.engine.GraphSettings.defaults().with(graph);
  }

  private static Map<String, String> storageOptions(Properties p) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      if (!k.startsWith(STORAGE_PREFIX)) continue;
      String key = k.substring(STORAGE_PREFIX.length()).trim();
      if (key.isEmpty()) {
        throw SqlState.CONNECTION_REJECTED.exception("connection property " + k + " names no storage option: use storage.<key>=<value>");
      }
      out.put(key, p.getProperty(k));
    }
    return Map.copyOf(out);
  }

  /** Settings print without storage option values, which hold credentials. */
  @Override
  public String toString() {
    return "ConnectionSettings[" + location + ", branch=" + branch + ", storage=" + storage.keySet() + "]";
  }

  /** True when the connection must refuse every write. */
  boolean refusesWrites() {
    return readOnly || snapshot != null;
  }
}

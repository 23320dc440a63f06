package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Every connection property the driver understands, with its default and description. This enum is
 * the single source for URL parsing, {@link java.sql.Driver#getPropertyInfo} and the documentation
 * table; a property not listed here is ignored with a warning on the connection.
 */
public enum OmniGraphProperty {
  BRANCH("branch", "main", "The graph branch this connection reads and writes."),
  SNAPSHOT("snapshot", null,
      "A commit id: the connection reads the graph as of that commit and refuses every write."),
  ACTOR("actor", null, "Actor id recorded on every commit this connection makes."),
  CREATE("create", "false",
      "true: initialize a new graph at the location if none exists there (needs schema).", "true", "false"),
  SCHEMA("schema", null, "Path of the .pg schema file used by create=true."),
  READ_ONLY("readOnly", "false",
      "true: open the graph read-only; never runs recovery and refuses every write.", "true", "false"),
  // Graph settings: they shape the engine handle the JVM's connections to a location share, so they
  // take effect on the connection that opens it (no default here: the engine's own applies).
  AUTO_COMPACT_EVERY("autoCompactEvery", null,
      "Graph setting: compact a main table in the background after this many commits touched it; 0 = off (default 64)."),
  AUTO_INDEX_AT_ROWS("autoIndexAtRows", null,
      "Graph setting: build a main table's id, src and dst indexes once it holds this many rows (default 10000)."),
  MANIFEST_COMPACT_AT("manifest.compactAt", null,
      "Graph setting: compact the manifest once it has this many small fragments (default 64)."),
  COMMIT_LOG("commitLog", null,
      "Graph setting: true makes small insert-only commits on main durable in a commit log and publishes them in the "
          + "background; local graphs only (default false).", "true", "false"),
  CACHE_KNOWN_IDS("cache.knownIds", null,
      "Graph setting: ids held in memory for key checks, over all tables, about 40 bytes each (default 3000000)."),
  CACHE_OPEN_VERSIONS("cache.openVersions", null,
      "Graph setting: read handles of table versions kept open (default 16)."),
  CACHE_INDEX_BYTES("cache.indexBytes", null,
      "Graph setting: bytes of Lance's index cache, native memory (default 268435456)."),
  CACHE_METADATA_BYTES("cache.metadataBytes", null,
      "Graph setting: bytes of Lance's metadata cache, native memory (default 67108864)."),
  CACHE_LOCATED_ROWS("cache.locatedRows", null,
      "Graph setting: rows whose id is mapped to its row for lookups, about 32 bytes each; 0 = off (default 2000000)."),
  CACHE_COLUMN_BYTES("cache.columnBytes", null,
      "Graph setting: heap for table columns held for repeated aggregates; 0 = off (default 134217728).");

  private final String name;
  private final String defaultValue;
  private final String description;
  private final String[] choices;

  OmniGraphProperty(String name, String defaultValue, String description, String... choices) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices;
  }

  /** True for the settings of the shared engine handle, which {@code GraphSettings} names alike. */
  boolean isGraphSetting() {
    return description.startsWith("Graph setting:");
  }

  /** The name used in URLs and {@link Properties}. */
  public String getName() {
    return name;
  }

  /** The value used when the property is absent, or null when there is none. */
  public String getDefaultValue() {
    return defaultValue;
  }

  public String getDescription() {
    return description;
  }

  /** The allowed values, or an empty array when any value is allowed. */
  public String[] getChoices() {
    return choices.clone();
  }

  /** The property's value in {@code props}, else its default (may be null). */
  public String get(Properties props) {
    String value = props.getProperty(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  /** The value as a boolean; anything but {@code true}/{@code false} (any case) is refused. */
  public boolean getBoolean(Properties props) throws SQLException {
    String value = get(props);
    if ("true".equalsIgnoreCase(value)) return true;
    if ("false".equalsIgnoreCase(value)) return false;
    throw SqlState.CONNECTION_REJECTED.exception(
        "connection property " + name + " must be true or false, not '" + value + "'");
  }

  /** The entry {@link java.sql.Driver#getPropertyInfo} reports, showing the value given in {@code props}. */
  public DriverPropertyInfo toDriverPropertyInfo(Properties props) {
    DriverPropertyInfo info = new DriverPropertyInfo(name, get(props));
    info.description = description;
    info.required = false;
    info.choices = choices.length == 0 ? null : choices.clone();
    return info;
  }

  /** The property with this name (exact, or ignoring case as a convenience for hand-typed URLs). */
  public static Optional<OmniGraphProperty> forName(String name) {
    for (OmniGraphProperty p : values()) {
      if (p.name.equals(name)) return Optional.of(p);
    }
    String folded = name.toLowerCase(Locale.ROOT);
    for (OmniGraphProperty p : values()) {
      if (p.name.toLowerCase(Locale.ROOT).equals(folded)) return Optional.of(p);
    }
    return Optional.empty();
  }
}

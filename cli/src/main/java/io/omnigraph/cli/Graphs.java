package io.omnigraph.cli;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Connections to a graph location through the JDBC driver, so the command behaves as the driver does. */
final class Graphs {
  static final String PREFIX = "jdbc:omnigraph:";

  private Graphs() {}

  /** Connection properties with the null values left out. */
  static Properties properties(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  /** Opens {@code location}; the connection's warnings (a differing schema, say) go to {@code err}. */
  static Connection open(GraphLocation location, Properties properties, PrintStream err) throws SQLException {
    Connection c = DriverManager.getConnection(PREFIX + location.value, location.with(properties));
    for (SQLWarning w = c.getWarnings(); w != null; w = w.getNextWarning()) {
      err.println("omnigraph: warning: " + w.getMessage());
    }
    c.clearWarnings();
    return c;
  }

  /** The URL naming {@code location} with {@code properties} in its query (for the interactive shell). */
  static String url(GraphLocation location, Properties properties) {
    StringBuilder url = new StringBuilder(PREFIX).append(location.value);
    char sep = '?';
    Map<String, String> sorted = new TreeMap<>();
    Properties all = location.with(properties);
    for (String key : all.stringPropertyNames()) sorted.put(key, all.getProperty(key));
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      url.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return url.toString();
  }

  /** A name or path as a single-quoted SQL string, which every graph control statement accepts. */
  static String quoted(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  // The driver keeps '+' literal, so a space must travel as %20.
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

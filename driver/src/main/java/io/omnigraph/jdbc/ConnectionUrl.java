package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A parsed {@code jdbc:omnigraph:<location>[?key=value&...]} URL merged with the caller's
 * {@link Properties}. The caller's properties win over the URL query on a clash, as in most drivers,
 * so a tool can override what a saved URL says.
 *
 * @param location the graph location as written in the URL
 * @param properties URL query and caller properties merged; known property names in canonical spelling
 */
public record ConnectionUrl(String location, Properties properties) {
  public static final String PREFIX = "jdbc:omnigraph:";

  /** True when the driver handles this URL. */
  public static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Parses {@code url}; {@code info} may be null. */
  public static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("not an OmniGraph URL (expected " + PREFIX + "<location>): " + url);
    }
    String rest = url.substring(PREFIX.length());
    int q = rest.indexOf('?');
    String location = (q < 0 ? rest : rest.substring(0, q)).trim();
    if (location.isEmpty()) {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception(
          "the URL names no graph location: use " + PREFIX + "/path/to/graph");
    }
    Properties merged = new Properties();
    if (q >= 0) {
      for (String pair : rest.substring(q + 1).split("&")) {
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "true" : decode(pair.substring(eq + 1));
        merged.setProperty(canonical(key), value);
      }
    }
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        merged.setProperty(canonical(key), info.getProperty(key));
      }
    }
    return new ConnectionUrl(location, merged);
  }

  /**
   * The location handed to the engine: an absolute, normalized filesystem path for paths and
   * {@code file:} URIs (so that two spellings of one directory share one graph handle), or the
   * URI unchanged for object stores.
   */
  public String resolvedLocation() throws SQLException {
    try {
      if (location.regionMatches(true, 0, "file:", 0, 5)) {
        URI uri = URI.create(location);
        Path path = uri.isOpaque() ? Path.of(uri.getSchemeSpecificPart()) : Path.of(uri);
        return path.toAbsolutePath().normalize().toString();
      }
      if (location.contains("://")) return location;
      return Path.of(location).toAbsolutePath().normalize().toString();
    } catch (IllegalArgumentException e) {
      throw SqlState.CONNECTION_UNABLE_TO_CONNECT.exception("invalid graph location '" + location + "': " + e.getMessage(), e);
    }
  }

  private static String canonical(String key) {
    return OmniGraphProperty.forName(key).map(OmniGraphProperty::getName).orElse(key);
  }

  // '+' stays literal: it is common in paths and rarely meant as a space in a JDBC URL.
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}

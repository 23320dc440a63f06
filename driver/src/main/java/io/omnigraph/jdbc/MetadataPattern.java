package io.omnigraph.jdbc;

import java.util.regex.Pattern;

/**
 * A {@link java.sql.DatabaseMetaData} name pattern: {@code %} matches any run of characters,
 * {@code _} any one character, {@code \} escapes either; null matches everything. Matching is exact
 * otherwise, since metadata reports names exactly as declared and tools pass those names back.
 */
final class MetadataPattern {
  private static final MetadataPattern ANY = new MetadataPattern(null);

  private final Pattern regex;

  private MetadataPattern(Pattern regex) {
    this.regex = regex;
  }

  static MetadataPattern of(String pattern) {
    if (pattern == null || pattern.equals("%")) return ANY;
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        literal.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        flush(re, literal);
        re.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    flush(re, literal);
    return new MetadataPattern(Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  /**
   * For arguments JDBC defines as exact table names: exact, unless the caller passes a pattern with
   * {@code %} anyway (DBeaver loads keys of every table at once with {@code "%"}).
   */
  static MetadataPattern exactOrPattern(String name) {
    if (name == null || name.contains("%")) return of(name);
    return new MetadataPattern(Pattern.compile(Pattern.quote(name)));
  }

  private static void flush(StringBuilder re, StringBuilder literal) {
    if (literal.length() > 0) re.append(Pattern.quote(literal.toString()));
    literal.setLength(0);
  }

  boolean matches(String name) {
    return regex == null || (name != null && regex.matcher(name).matches());
  }
}

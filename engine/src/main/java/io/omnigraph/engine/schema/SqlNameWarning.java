package io.omnigraph.engine.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A type or property whose name SQL reads as a keyword (a property named {@code order},
 * {@code user} or {@code value}): the schema is valid, but SQL must write the name in double
 * quotes. The compiler accepts such names; this class says which ones will surprise a SQL user.
 *
 * @param typeName the node or edge type
 * @param propertyName the property, or null when the type's own name is the reserved word
 */
public record SqlNameWarning(String typeName, String propertyName) {
  private static final Set<String> RESERVED = load();

  /** One warning per node or edge type, then per property, whose name is reserved, in declaration order. */
  public static List<SqlNameWarning> of(Catalog catalog) {
    List<SqlNameWarning> out = new ArrayList<>();
    for (EntityType t : catalog.allTypes()) {
      if (isReserved(t.name())) out.add(new SqlNameWarning(t.name(), null));
      for (Property p : t.properties()) {
        if (isReserved(p.name())) out.add(new SqlNameWarning(t.name(), p.name()));
      }
    }
    return List.copyOf(out);
  }

  /** True when the SQL parser reserves {@code name} (compared without case, as unquoted SQL names are). */
  public static boolean isReserved(String name) {
    return RESERVED.contains(name.toUpperCase(Locale.ROOT));
  }

  /** The reserved words, upper case. */
  public static Set<String> reservedWords() {
    return RESERVED;
  }

  /** What to tell the user, with the quoted spelling that works. */
  public String message() {
    if (propertyName == null) {
      return "type name " + typeName + " is a reserved word in SQL: write it in double quotes, as in"
          + " SELECT * FROM \"" + typeName + "\"";
    }
    return "property " + typeName + "." + propertyName + " is a reserved word in SQL: write it in double"
        + " quotes, as in SELECT \"" + propertyName + "\" FROM " + typeName;
  }

  private static Set<String> load() {
    Set<String> words = new TreeSet<>();
    try (InputStream in = SqlNameWarning.class.getResourceAsStream("sql-reserved-words.txt")) {
      if (in == null) throw new IllegalStateException("sql-reserved-words.txt is missing from the engine jar");
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) words.add(w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}

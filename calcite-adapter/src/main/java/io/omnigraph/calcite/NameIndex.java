package io.omnigraph.calcite;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every name SQL can refer to in one catalog (schema, tables, columns), to resolve unquoted
 * identifiers. An unquoted identifier that matches one of them ignoring case takes its exact
 * spelling ({@code person} is {@code Person}); one that matches none is folded to lower case, as
 * PostgreSQL does, so aliases written in different cases still meet. Quoted identifiers are left
 * exactly as written.
 */
final class NameIndex {
  private final Set<String> exact = new HashSet<>();
  private final Map<String, Set<String>> byFolded = new HashMap<>();

  NameIndex(Catalog catalog) {
    add(GraphSchema.NAME);
    for (EntityType t : catalog.allTypes()) {
      add(t.name());
      t.columnNames().forEach(this::add);
    }
    SystemTable.NAMES.forEach(this::add);
    for (List<SystemTable.Column> columns : SystemTable.ALL_COLUMNS) columns.forEach(c -> add(c.name()));
  }

  /**
   * The spelling an unquoted function name stands for: the graph's own function as it is
   * registered, any other in upper case, the spelling Calcite's built-in functions are registered
   * under. Kept apart from the other names so that a column called {@code year} cannot capture
   * {@code YEAR(...)}.
   */
  String resolveFunction(String unquoted) {
    for (String own : SqlSession.TABLE_FUNCTIONS) {
      if (own.equalsIgnoreCase(unquoted)) return own;
    }
    return unquoted.toUpperCase(Locale.ROOT);
  }

  private void add(String name) {
    exact.add(name);
    byFolded.computeIfAbsent(fold(name), k -> new HashSet<>()).add(name);
  }

  /** The spelling an unquoted identifier stands for. */
  String resolve(String unquoted) {
    if (exact.contains(unquoted)) return unquoted;
    Set<String> candidates = byFolded.get(fold(unquoted));
    if (candidates == null) return fold(unquoted);
    // Two names differing only in case: the user has to quote to say which.
    return candidates.size() == 1 ? candidates.iterator().next() : unquoted;
  }

  private static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.SqlNameWarning;
import java.sql.SQLWarning;
import java.util.List;

/** The warnings the driver attaches to a connection, with their SQLStates (class 01). */
final class SqlWarnings {
  /** A type or property name that SQL must quote. */
  static final String NAME_NEEDS_QUOTES = "01000";

  private SqlWarnings() {}

  /** One warning per type or property of {@code catalog} whose name SQL reserves. */
  static List<SQLWarning> namesNeedingQuotes(Catalog catalog) {
    return SqlNameWarning.of(catalog).stream().map(w -> new SQLWarning(w.message(), NAME_NEEDS_QUOTES)).toList();
  }
}

package io.omnigraph.calcite.pgq;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the rows a match produces, one row per match: for each bound element variable
 * {@code v} its identity {@code v#id} and type name {@code v#type}, then for each path variable
 * {@code p} its length in edges {@code p#length}. The SQL around the match joins the elements'
 * tables on {@code v#id} to reach their properties.
 */
public final class BindingColumns {
  private final List<String> names = new ArrayList<>();
  private final List<Boolean> lengths = new ArrayList<>();

  BindingColumns(GraphTableQuery query) {
    for (ElementPattern e : query.boundElements()) {
      add(idColumn(e.variable()), false);
      add(typeColumn(e.variable()), false);
    }
    for (String p : query.pathVariables()) add(lengthColumn(p), true);
  }

  /** The columns of the match written as {@code pattern} (the text inside GRAPH_TABLE's parentheses). */
  public static BindingColumns of(String pattern) throws java.sql.SQLException {
    return new BindingColumns(PatternParser.parse(pattern));
  }

  private void add(String name, boolean length) {
    names.add(name);
    lengths.add(length);
  }

  public List<String> names() {
    return List.copyOf(names);
  }

  /** True for a path length (INTEGER NOT NULL); the others are VARCHAR NOT NULL. */
  public boolean isLength(int column) {
    return lengths.get(column);
  }

  static String idColumn(String variable) {
    return variable + "#id";
  }

  static String typeColumn(String variable) {
    return variable + "#type";
  }

  static String lengthColumn(String pathVariable) {
    return pathVariable + "#length";
  }
}

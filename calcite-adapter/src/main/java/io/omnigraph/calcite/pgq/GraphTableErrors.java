package io.omnigraph.calcite.pgq;

import io.omnigraph.calcite.SqlState;
import java.sql.SQLException;

/** The SQLExceptions of GRAPH_TABLE, one state per kind of mistake. */
final class GraphTableErrors {
  private GraphTableErrors() {}

  /** Malformed pattern syntax: 42601. */
  static SQLException syntax(String message) {
    return SqlState.SYNTAX_ERROR.exception("GRAPH_TABLE: " + message);
  }

  /** Well-formed syntax of the standard that this implementation does not run: 42000, naming it. */
  static SQLException unsupported(String construct) {
    return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.exception(
        "GRAPH_TABLE: " + construct + " is not supported (see the GRAPH_TABLE section of the SQL reference)");
  }

  /** An unknown graph or label: 42704. */
  static SQLException unknownObject(String message) {
    return SqlState.UNDEFINED_OBJECT.exception("GRAPH_TABLE: " + message);
  }

  /** An unknown property: 42S22, as for any unknown column. */
  static SQLException unknownProperty(String message) {
    return SqlState.UNDEFINED_COLUMN.exception("GRAPH_TABLE: " + message);
  }

  /** A variable used in two incompatible ways: 42000. */
  static SQLException misuse(String message) {
    return SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.exception("GRAPH_TABLE: " + message);
  }
}

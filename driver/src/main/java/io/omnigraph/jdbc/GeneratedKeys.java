package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How callers ask for generated keys, and the int views of long counts. Every node and edge table
 * has exactly one generated key, {@code id}, so asking by column index 1 or by the name "id" is the
 * same request as {@link Statement#RETURN_GENERATED_KEYS}.
 */
final class GeneratedKeys {
  private GeneratedKeys() {}

  static int requested(int[] columnIndexes) throws SQLException {
    if (columnIndexes == null || columnIndexes.length == 0) return Statement.NO_GENERATED_KEYS;
    for (int i : columnIndexes) {
      if (i != 1) throw SqlState.INVALID_PARAMETER_VALUE.exception("the only generated key is column 1 (id), not " + i);
    }
    return Statement.RETURN_GENERATED_KEYS;
  }

  static int requested(String[] columnNames) throws SQLException {
    if (columnNames == null || columnNames.length == 0) return Statement.NO_GENERATED_KEYS;
    for (String n : columnNames) {
      if (!"id".equalsIgnoreCase(n)) {
        throw SqlState.UNDEFINED_COLUMN.exception("the only generated key is id, not '" + n + "'");
      }
    }
    return Statement.RETURN_GENERATED_KEYS;
  }

  /** A count as JDBC's int API reports it; counts beyond int range are capped, as the JDBC javadoc allows. */
  static int toInt(long count) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, count));
  }

  static int[] toInts(long[] counts) {
    int[] out = new int[counts.length];
    for (int i = 0; i < counts.length; i++) out[i] = toInt(counts[i]);
    return out;
  }
}

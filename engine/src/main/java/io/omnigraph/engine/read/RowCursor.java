package io.omnigraph.engine.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A forward-only stream of rows from one scan. Rows are produced batch by batch, so a scan never
 * holds more than one Arrow batch of the table in memory. Must be closed.
 */
public interface RowCursor extends AutoCloseable {
  /** The column names, in the order of {@link #row()}. */
  List<String> columns();

  /** Moves to the next row; false at the end. */
  boolean next();

  /** The current row's values in {@link #columns()} order; the array is owned by the caller. */
  Object[] row();

  /** The current row keyed by column name. */
  default Map<String, Object> rowMap() {
    Object[] values = row();
    List<String> names = columns();
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < values.length; i++) out.put(names.get(i), values[i]);
    return out;
  }

  @Override
  void close();

  /** A cursor with these columns and no rows. */
  static RowCursor empty(List<String> columns) {
    List<String> names = List.copyOf(columns);
    return new RowCursor() {
      public List<String> columns() {
        return names;
      }

      public boolean next() {
        return false;
      }

      public Object[] row() {
        throw new IllegalStateException("an empty cursor has no current row");
      }

      public void close() {}
    };
  }

  /** A cursor over rows already in memory; each row is handed out as a copy. */
  static RowCursor of(List<String> columns, List<Object[]> rows) {
    List<String> names = List.copyOf(columns);
    java.util.Iterator<Object[]> it = rows.iterator();
    return new RowCursor() {
      private Object[] current;

      public List<String> columns() {
        return names;
      }

      public boolean next() {
        current = it.hasNext() ? it.next() : null;
        return current != null;
      }

      public Object[] row() {
        if (current == null) throw new IllegalStateException("no current row");
        return current.clone();
      }

      public void close() {}
    };
  }
}

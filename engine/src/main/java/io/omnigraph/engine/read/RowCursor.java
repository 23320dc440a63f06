package io.omnigraph.engine.read;

import java.util.List;

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

  @Override
  void close();
}

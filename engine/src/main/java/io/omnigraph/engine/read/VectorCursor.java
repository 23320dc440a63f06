package io.omnigraph.engine.read;

import org.apache.arrow.vector.FieldVector;

/**
 * A {@link RowCursor} whose current row can be read in place, from the Arrow vectors of the batch
 * it lies in, without building the row's values. Only a cursor that hands out a table's stored
 * values unchanged offers this; one that merges pending rows or filters in memory does not.
 */
public interface VectorCursor extends RowCursor {
  /**
   * The current batch's vector of column {@code column} (0-based, in {@link #columns()} order). It
   * belongs to the cursor and is valid until the next call to {@link #next()} or {@link #close()}.
   */
  FieldVector vector(int column);

  /** The current row's position in the vectors {@link #vector} returns. */
  int rowIndex();
}

package io.omnigraph.engine.storage;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The {@code _rowaddr} column of a Lance scan asked for row addresses: fragment id in the high 32
 * bits. Scans and lookups of a table version ({@link TableStore#scan}, {@link TableStore#lookup})
 * return it, as a number, when it is among the columns asked for.
 */
public final class RowAddresses {
  public static final String COLUMN = "_rowaddr";

  private RowAddresses() {}

  /** The address of row {@code i} of a batch; Lance types the column as UInt64 or Int64 by version. */
  static long at(VectorSchemaRoot batch, int i) {
    var vector = batch.getVector(COLUMN);
    return vector instanceof UInt8Vector u ? u.get(i) : ((BigIntVector) vector).get(i);
  }
}

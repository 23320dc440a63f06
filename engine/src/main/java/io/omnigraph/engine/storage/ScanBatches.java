package io.omnigraph.engine.storage;

import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * How many rows a scan asks Lance for at a time. A filtered scan pays Lance's per-batch work
 * (decoding, evaluating the filter, taking the matching rows) once per batch of the table, so it
 * reads bigger batches, as many rows as fit about {@link #FILTERED_BYTES} of its columns: at most
 * that much is held if every row matches. Unfiltered scans keep small batches, which cost the same.
 */
final class ScanBatches {
  static final int ROWS = 8192;
  static final int MAX_FILTERED_ROWS = 65_536;
  static final long FILTERED_BYTES = 8L << 20;
  /** What a column of variable width (strings, lists, blobs, vectors) is taken to hold per row. */
  private static final int VARIABLE_BYTES = 32;
  private static final int NESTED_BYTES = 1024;

  private ScanBatches() {}

  /** Rows per batch for a scan of {@code columns} of a table of {@code schema}, read only when filtered. */
  static int rows(Supplier<Schema> schema, List<String> columns, boolean filtered) {
    if (!filtered) return ROWS;
    long width = 0;
    for (Field f : schema.get().getFields()) if (columns.contains(f.getName())) width += bytes(f);
    long fit = FILTERED_BYTES / Math.max(1, width);
    if (fit <= ROWS) return ROWS;
    return (int) Math.min(MAX_FILTERED_ROWS, Long.highestOneBit(fit));
  }

  private static long bytes(Field f) {
    ArrowType t = f.getType();
    if (t instanceof ArrowType.Int i) return i.getBitWidth() / 8;
    if (t instanceof ArrowType.FloatingPoint fp) return fp.getPrecision() == org.apache.arrow.vector.types.FloatingPointPrecision.SINGLE ? 4 : 8;
    if (t instanceof ArrowType.Bool || t instanceof ArrowType.Date || t instanceof ArrowType.Timestamp) return 8;
    if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.Binary) return VARIABLE_BYTES;
    return NESTED_BYTES;
  }
}

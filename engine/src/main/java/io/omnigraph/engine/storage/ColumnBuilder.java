package io.omnigraph.engine.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;

/** Gathers one column of one fragment from Arrow batches into a {@link CachedColumn}. Not thread-safe. */
final class ColumnBuilder {
  /**
   * Distinct strings a fragment may hold beyond a quarter of its rows before the column is refused:
   * a dictionary of mostly unique values (ids, names) costs more than it saves and groups nothing.
   */
  static final int DICTIONARY_SLACK = 1024;

  /** A string column with too many distinct values to be worth a dictionary. */
  static final class TooManyValues extends RuntimeException {
    private final String column;

    TooManyValues(String column) {
      super("too many distinct values in " + column, null, false, false);
      this.column = column;
    }

    String column() {
      return column;
    }
  }

  private final String column;
  private final ColumnKind kind;
  private final int maxDistinct;
  private int rows;
  private int capacity;
  private long[] longs = new long[0];
  private double[] doubles = new double[0];
  private int[] codes = new int[0];
  private long[] nulls;
  private final Map<String, Integer> dictionary = new HashMap<>();

  ColumnBuilder(String column, ColumnKind kind, long expectedRows) {
    this.column = column;
    this.kind = kind;
    this.maxDistinct = (int) Math.min(Integer.MAX_VALUE, expectedRows / 4 + DICTIONARY_SLACK);
    ensure((int) Math.min(expectedRows, 1 << 24));
  }

  /** Appends every row of {@code v} from {@code from} (inclusive) to {@code to} (exclusive). */
  void append(FieldVector v, int from, int to) {
    ensure(rows + (to - from));
    for (int i = from; i < to; i++, rows++) {
      if (v.isNull(i)) {
        markNull(rows);
        if (kind == ColumnKind.STRING) codes[rows] = -1;
        continue;
      }
      switch (kind) {
        case STRING -> codes[rows] = code(new String(((VarCharVector) v).get(i), StandardCharsets.UTF_8));
        case BOOL -> longs[rows] = ((BitVector) v).get(i);
        case I32 -> longs[rows] = ((IntVector) v).get(i);
        case I64 -> longs[rows] = ((BigIntVector) v).get(i);
        case U32 -> longs[rows] = Integer.toUnsignedLong(((UInt4Vector) v).get(i));
        case DATE -> longs[rows] = ((DateDayVector) v).get(i);
        case F32 -> doubles[rows] = ((Float4Vector) v).get(i);
        case F64 -> doubles[rows] = ((Float8Vector) v).get(i);
        case OTHER -> { }
      }
    }
  }

  CachedColumn build() {
    if (nulls != null) nulls = Arrays.copyOf(nulls, (rows + 63) >>> 6);
    return switch (kind) {
      case STRING -> {
        String[] values = new String[dictionary.size()];
        dictionary.forEach((v, c) -> values[c] = v);
        yield new CachedColumn.Dictionary(values, Arrays.copyOf(codes, rows));
      }
      case F32, F64 -> new CachedColumn.Doubles(kind, Arrays.copyOf(doubles, rows), nulls);
      case OTHER -> new CachedColumn.Presence(rows, nulls);
      default -> new CachedColumn.Longs(kind, Arrays.copyOf(longs, rows), nulls);
    };
  }

  private int code(String value) {
    Integer c = dictionary.get(value);
    if (c != null) return c;
    if (dictionary.size() >= maxDistinct) throw new TooManyValues(column);
    int next = dictionary.size();
    dictionary.put(value, next);
    return next;
  }

  private void markNull(int row) {
    if (nulls == null) nulls = new long[Math.max(1, (capacity + 63) >>> 6)];
    if ((row >>> 6) >= nulls.length) nulls = Arrays.copyOf(nulls, Math.max(nulls.length * 2, (row >>> 6) + 1));
    nulls[row >>> 6] |= 1L << row;
  }

  private void ensure(int needed) {
    if (needed <= capacity) return;
    capacity = Math.max(needed, capacity * 2);
    switch (kind) {
      case STRING -> codes = Arrays.copyOf(codes, capacity);
      case F32, F64 -> doubles = Arrays.copyOf(doubles, capacity);
      case OTHER -> { }
      default -> longs = Arrays.copyOf(longs, capacity);
    }
  }
}

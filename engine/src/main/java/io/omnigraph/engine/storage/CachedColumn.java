package io.omnigraph.engine.storage;

/**
 * The live rows of one column of one fragment, in row order, as primitive arrays: what the
 * {@link ColumnCache} keeps so an aggregate reads no Arrow or Lance data. Immutable once built, so
 * readers share them without locks.
 */
sealed interface CachedColumn {
  int rows();

  /** Approximate heap held, for the cache's budget. */
  long bytes();

  boolean isNull(int row);

  /** Bit {@code row} set for each null row; null when no row is null (dictionaries answer by code instead). */
  long[] nullBits();

  /** Rows whose bit is set in {@code nulls} (null = no null row) are null. */
  private static boolean bit(long[] nulls, int row) {
    return nulls != null && (nulls[row >>> 6] & (1L << row)) != 0;
  }

  private static long bitmapBytes(long[] nulls) {
    return nulls == null ? 0 : 16 + 8L * nulls.length;
  }

  /**
   * Strings as codes into {@code values}; code -1 is null. {@code counts[c + 1]} is how many rows
   * hold code {@code c} (so {@code counts[0]} the null rows): an unfiltered grouping counts its
   * groups from these without reading the codes.
   */
  record Dictionary(String[] values, int[] codes, long[] counts) implements CachedColumn {
    static Dictionary of(String[] values, int[] codes) {
      long[] counts = new long[values.length + 1];
      for (int c : codes) counts[c + 1]++;
      return new Dictionary(values, codes, counts);
    }

    public int rows() {
      return codes.length;
    }

    public long bytes() {
      long b = 32 + 16 + 4L * codes.length + 16 + 4L * values.length + 16 + 8L * counts.length;
      for (String v : values) b += 40 + 2L * v.length();
      return b;
    }

    public boolean isNull(int row) {
      return codes[row] < 0;
    }

    public long[] nullBits() {
      throw new UnsupportedOperationException("a dictionary marks nulls by code");
    }
  }

  /**
   * Integers, booleans (0 and 1) and dates (epoch days); null rows hold 0.
   *
   * @param maxAbs the largest magnitude among the values ({@code Long.MAX_VALUE} for {@code Long.MIN_VALUE})
   */
  record Longs(ColumnKind kind, long[] values, long[] nulls, long maxAbs) implements CachedColumn {
    static Longs of(ColumnKind kind, long[] values, long[] nulls) {
      long max = 0;
      for (long v : values) max = Math.max(max, v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v));
      return new Longs(kind, values, nulls, max);
    }

    public int rows() {
      return values.length;
    }

    public long bytes() {
      return 32 + 16 + 8L * values.length + bitmapBytes(nulls);
    }

    public boolean isNull(int row) {
      return bit(nulls, row);
    }

    public long[] nullBits() {
      return nulls;
    }
  }

  /** Floating-point values; a 32-bit float widens to a double exactly. */
  record Doubles(ColumnKind kind, double[] values, long[] nulls) implements CachedColumn {
    public int rows() {
      return values.length;
    }

    public long bytes() {
      return 32 + 16 + 8L * values.length + bitmapBytes(nulls);
    }

    public boolean isNull(int row) {
      return bit(nulls, row);
    }

    public long[] nullBits() {
      return nulls;
    }
  }

  /** Only which rows are null, for columns no aggregate reads the values of. */
  record Presence(int rows, long[] nulls) implements CachedColumn {
    public long bytes() {
      return 32 + bitmapBytes(nulls);
    }

    public boolean isNull(int row) {
      return bit(nulls, row);
    }

    public long[] nullBits() {
      return nulls;
    }
  }
}

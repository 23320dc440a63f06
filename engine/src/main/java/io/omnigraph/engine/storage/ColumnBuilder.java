package io.omnigraph.engine.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * Gathers one column of one fragment from Arrow batches into a {@link CachedColumn}. Strings are
 * looked up in the dictionary by their UTF-8 bytes where Arrow holds them, so reading a column
 * makes one {@code String} per distinct value, not one per row. Not thread-safe.
 */
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
  /** The dictionary: each value's UTF-8 bytes by code, found through an open-addressing table of code + 1. */
  private final List<byte[]> values = new ArrayList<>();
  private int[] slots = new int[64];
  private int[] slotHashes = new int[64];

  ColumnBuilder(String column, ColumnKind kind, long expectedRows) {
    this.column = column;
    this.kind = kind;
    this.maxDistinct = (int) Math.min(Integer.MAX_VALUE, expectedRows / 4 + DICTIONARY_SLACK);
    ensure((int) Math.min(expectedRows, 1 << 24));
  }

  /** Appends every row of {@code v} from {@code from} (inclusive) to {@code to} (exclusive). */
  void append(FieldVector v, int from, int to) {
    ensure(rows + (to - from));
    int at = rows;
    for (int i = from; i < to; i++) if (v.isNull(i)) markNull(at + i - from);
    // One loop per kind, so the loop bodies stay small enough to compile well.
    switch (kind) {
      case STRING -> appendStrings((VarCharVector) v, from, to, at);
      case BOOL -> {
        BitVector b = (BitVector) v;
        for (int i = from; i < to; i++) longs[at + i - from] = b.isNull(i) ? 0 : b.get(i);
      }
      case I32 -> {
        IntVector x = (IntVector) v;
        for (int i = from; i < to; i++) longs[at + i - from] = x.isNull(i) ? 0 : x.get(i);
      }
      case I64 -> {
        BigIntVector x = (BigIntVector) v;
        for (int i = from; i < to; i++) longs[at + i - from] = x.isNull(i) ? 0 : x.get(i);
      }
      case U32 -> {
        UInt4Vector x = (UInt4Vector) v;
        for (int i = from; i < to; i++) longs[at + i - from] = x.isNull(i) ? 0 : Integer.toUnsignedLong(x.get(i));
      }
      case DATE -> {
        DateDayVector x = (DateDayVector) v;
        for (int i = from; i < to; i++) longs[at + i - from] = x.isNull(i) ? 0 : x.get(i);
      }
      case F32 -> {
        Float4Vector x = (Float4Vector) v;
        for (int i = from; i < to; i++) doubles[at + i - from] = x.isNull(i) ? 0 : x.get(i);
      }
      case F64 -> {
        Float8Vector x = (Float8Vector) v;
        for (int i = from; i < to; i++) doubles[at + i - from] = x.isNull(i) ? 0 : x.get(i);
      }
      case OTHER -> { }
    }
    rows += to - from;
  }

  CachedColumn build() {
    if (nulls != null) nulls = Arrays.copyOf(nulls, (rows + 63) >>> 6);
    return switch (kind) {
      case STRING -> {
        String[] strings = new String[values.size()];
        for (int c = 0; c < strings.length; c++) strings[c] = new String(values.get(c), StandardCharsets.UTF_8);
        yield CachedColumn.Dictionary.of(strings, Arrays.copyOf(codes, rows));
      }
      case F32, F64 -> new CachedColumn.Doubles(kind, Arrays.copyOf(doubles, rows), nulls);
      case OTHER -> new CachedColumn.Presence(rows, nulls);
      default -> CachedColumn.Longs.of(kind, Arrays.copyOf(longs, rows), nulls);
    };
  }

  private void appendStrings(VarCharVector v, int from, int to, int at) {
    ArrowBuf offsets = v.getOffsetBuffer();
    int first = offsets.getInt((long) from * VarCharVector.OFFSET_WIDTH);
    int last = offsets.getInt((long) to * VarCharVector.OFFSET_WIDTH);
    // One copy of the batch's bytes, then hashing and comparing on a Java array.
    byte[] bytes = new byte[last - first];
    v.getDataBuffer().getBytes(first, bytes);
    for (int i = from; i < to; i++) {
      if (v.isNull(i)) {
        codes[at + i - from] = -1;
        continue;
      }
      int start = offsets.getInt((long) i * VarCharVector.OFFSET_WIDTH) - first;
      int end = offsets.getInt((long) (i + 1) * VarCharVector.OFFSET_WIDTH) - first;
      codes[at + i - from] = code(bytes, start, end - start);
    }
  }

  /** The code of the string held in {@code data} at {@code start}, given one if it is new. */
  private int code(byte[] data, int start, int length) {
    int hash = 0x811c9dc5;
    for (int j = start; j < start + length; j++) hash = (hash ^ data[j]) * 0x01000193;
    int mask = slots.length - 1;
    for (int s = hash & mask; ; s = (s + 1) & mask) {
      int held = slots[s];
      if (held == 0) break;
      if (slotHashes[s] == hash
          && Arrays.equals(values.get(held - 1), 0, values.get(held - 1).length, data, start, start + length)) {
        return held - 1;
      }
    }
    if (values.size() >= maxDistinct) throw new TooManyValues(column);
    values.add(Arrays.copyOfRange(data, start, start + length));
    if (values.size() * 2 > slots.length) rehash(slots.length * 2);
    place(values.size(), hash);
    return values.size() - 1;
  }

  private void place(int codePlusOne, int hash) {
    int mask = slots.length - 1;
    int s = hash & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = codePlusOne;
    slotHashes[s] = hash;
  }

  private void rehash(int size) {
    int[] oldSlots = slots;
    int[] oldHashes = slotHashes;
    slots = new int[size];
    slotHashes = new int[size];
    for (int s = 0; s < oldSlots.length; s++) if (oldSlots[s] != 0) place(oldSlots[s], oldHashes[s]);
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

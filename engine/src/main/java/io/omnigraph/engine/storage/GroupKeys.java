package io.omnigraph.engine.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the groups of an aggregate over cached columns: each grouping column's distinct values
 * (null included) get dense numbers, dictionary codes translated once per fragment rather than once
 * per row, and a combination of two columns gets a number of its own. A group's number is what the
 * accumulators index by. Not thread-safe.
 */
final class GroupKeys {
  private final KeyColumn[] columns;
  private final KeyNumbering pairs = new KeyNumbering();
  private int[] firstOfPair = new int[16];
  private int[] secondOfPair = new int[16];
  /** Kept rows per group number. */
  private long[] rowsOf = new long[16];

  /** {@code kinds}: the grouping columns' kinds, at most two. */
  GroupKeys(List<ColumnKind> kinds) {
    if (kinds.size() > 2) throw new IllegalArgumentException("at most two grouping columns");
    columns = new KeyColumn[kinds.size()];
    for (int i = 0; i < columns.length; i++) columns[i] = new KeyColumn(kinds.get(i), columns.length == 1);
  }

  /**
   * Numbers each kept row's group and counts it ({@code keep} null = every row kept; rows not kept
   * are left alone), returning the group numbers by row: {@code out}, or a fragment's own dictionary
   * codes when those already are the group numbers (never to be written). {@code fragment} holds
   * the grouping columns in order.
   */
  int[] number(CachedColumn[] fragment, boolean[] keep, int rows, int[] out, int[] scratch) {
    if (columns.length == 0) {
      Arrays.fill(out, 0, rows, 0);
      long kept = rows;
      if (keep != null) for (int i = 0; i < rows; i++) if (!keep[i]) kept--;
      rowsOf[0] += kept;
      return out;
    }
    int[] first = columns[0].number(fragment[0], keep, rows, out);
    if (columns.length == 1) return first;
    columns[1].number(fragment[1], keep, rows, scratch);
    for (int i = 0; i < rows; i++) {
      if (keep != null && !keep[i]) continue;
      int before = pairs.size();
      int id = pairs.idOf(((long) out[i] << 32) | (scratch[i] & 0xffffffffL));
      if (id == before) remember(id, out[i], scratch[i]);
      out[i] = id;
      rowsOf[id]++;
    }
    return out;
  }

  /** The kept rows of group {@code id}. */
  long rows(int id) {
    return id < rowsOf.length ? rowsOf[id] : 0;
  }

  private void room(int ids) {
    if (ids > rowsOf.length) rowsOf = Arrays.copyOf(rowsOf, Math.max(ids, rowsOf.length * 2));
  }

  /** How many group numbers are given out so far (some may have had no kept row). */
  int size() {
    return switch (columns.length) {
      case 0 -> 1;
      case 1 -> columns[0].values.size();
      default -> pairs.size();
    };
  }

  /** The grouping columns' scan values of group {@code id}. */
  Object[] key(int id) {
    return switch (columns.length) {
      case 0 -> new Object[0];
      case 1 -> new Object[] {columns[0].values.get(id)};
      default -> new Object[] {columns[0].values.get(firstOfPair[id]), columns[1].values.get(secondOfPair[id])};
    };
  }

  private void remember(int id, int first, int second) {
    room(id + 1);
    if (id >= firstOfPair.length) {
      firstOfPair = Arrays.copyOf(firstOfPair, firstOfPair.length * 2);
      secondOfPair = Arrays.copyOf(secondOfPair, secondOfPair.length * 2);
    }
    firstOfPair[id] = first;
    secondOfPair[id] = second;
  }

  /** One grouping column: its values numbered in order of first appearance. */
  private final class KeyColumn {
    final ColumnKind kind;
    /** The only grouping column, so its value numbers are the group numbers and it counts their rows. */
    final boolean counts;
    final List<Object> values = new ArrayList<>();
    final Map<String, Integer> strings = new HashMap<>();
    final KeyNumbering longs = new KeyNumbering();
    int[] valueOfLong = new int[16];
    int nullId = -1;

    KeyColumn(ColumnKind kind, boolean counts) {
      this.kind = kind;
      this.counts = counts;
    }

    /** As {@link GroupKeys#number}, for this column alone. */
    int[] number(CachedColumn column, boolean[] keep, int rows, int[] out) {
      if (column instanceof CachedColumn.Dictionary d) {
        // Codes shifted by one, so that null (code -1) needs no branch.
        int[] remap = new int[d.values().length + 1];
        // A null group is numbered only where a null occurs, so a fragment without one can keep its codes.
        remap[0] = d.counts()[0] > 0 ? nullId() : -1;
        for (int k = 1; k < remap.length; k++) {
          String v = d.values()[k - 1];
          Integer id = strings.get(v);
          if (id == null) {
            id = values.size();
            strings.put(v, id);
            values.add(v);
          }
          remap[k] = id;
        }
        int[] codes = d.codes();
        if (!counts) {
          for (int i = 0; i < rows; i++) if (keep == null || keep[i]) out[i] = remap[codes[i] + 1];
          return out;
        }
        room(values.size());
        if (keep == null) {
          long[] perCode = d.counts();
          for (int k = 0; k < remap.length; k++) if (perCode[k] > 0) rowsOf[remap[k]] += perCode[k];
          if (perCode[0] == 0 && identity(remap)) return codes;
          remapAll(codes, remap, rows, out);
          return out;
        }
        // Four counters per group, so that rows of one group in a row do not wait on one another.
        long[] lanes = new long[values.size() * 4];
        for (int i = 0; i < rows; i++) {
          if (!keep[i]) continue;
          int id = remap[codes[i] + 1];
          out[i] = id;
          lanes[(id << 2) | (i & 3)]++;
        }
        for (int g = 0; g < values.size(); g++) {
          rowsOf[g] += lanes[g << 2] + lanes[(g << 2) | 1] + lanes[(g << 2) | 2] + lanes[(g << 2) | 3];
        }
        return out;
      } else {
        CachedColumn.Longs l = (CachedColumn.Longs) column;
        long[] v = l.values();
        long[] bits = l.nullBits();
        for (int i = 0; i < rows; i++) {
          if (keep != null && !keep[i]) continue;
          int id = bits != null && (bits[i >>> 6] & (1L << i)) != 0 ? nullId() : longId(v[i]);
          out[i] = id;
          if (counts) rowsOf[id]++;
        }
        return out;
      }
    }

    /** True when code {@code c} is group {@code c} for every code: the fragment first to show its values. */
    private static boolean identity(int[] remap) {
      for (int k = 1; k < remap.length; k++) if (remap[k] != k - 1) return false;
      return true;
    }

    /** The loop of an unfiltered aggregate grouped by a string column: kept small so it compiles early. */
    private static void remapAll(int[] codes, int[] remap, int rows, int[] out) {
      for (int i = 0; i < rows; i++) out[i] = remap[codes[i] + 1];
    }

    private int nullId() {
      if (nullId < 0) {
        nullId = values.size();
        values.add(null);
        if (counts) room(values.size());
      }
      return nullId;
    }

    private int longId(long v) {
      int before = longs.size();
      int id = longs.idOf(v);
      if (id == before) {
        if (id >= valueOfLong.length) valueOfLong = Arrays.copyOf(valueOfLong, valueOfLong.length * 2);
        valueOfLong[id] = values.size();
        values.add(kind.box(v));
        if (counts) room(values.size());
      }
      return valueOfLong[id];
    }
  }
}

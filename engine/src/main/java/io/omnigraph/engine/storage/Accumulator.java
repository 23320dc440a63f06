package io.omnigraph.engine.storage;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One measure of an aggregate over cached columns, accumulated per group number in primitive
 * arrays. Results are the objects {@code read.ScanAggregator} gives for the same rows: a COUNT a
 * {@code Long}, an integer SUM a {@code Long} or beyond 64 bits a {@code BigInteger}, a floating SUM
 * a {@code Double} added in row order, MIN and MAX the column's scan value ({@code Double} when cast),
 * null where no value was seen.
 *
 * <p>How many values a group saw is its kept rows (counted by {@link GroupKeys}) less its null
 * values, so a column without nulls costs one tight loop and no per-row bookkeeping. Not thread-safe.
 */
abstract sealed class Accumulator {
  /** Null values seen per group. */
  long[] nulls = new long[0];

  /**
   * Adds the kept rows of one fragment ({@code keep} null = all) to their groups
   * ({@code groups[i]} for row i).
   */
  abstract void add(CachedColumn column, int[] groups, boolean[] keep, int rows);

  /** Makes room for group numbers below {@code groups}. */
  void grow(int groups) {
    nulls = Arrays.copyOf(nulls, capacity(nulls.length, groups));
  }

  /** The measure of group {@code group}, which kept {@code rows} rows. */
  abstract Object result(int group, long rows);

  final boolean sawValue(int group, long rows) {
    return rows - nulls[group] > 0;
  }

  static int capacity(int current, int wanted) {
    return wanted <= current ? current : Math.max(wanted, current * 2);
  }

  /** Counts the kept null rows of {@code column} into {@link #nulls}. */
  final void countNulls(CachedColumn column, int[] groups, boolean[] keep, int rows) {
    if (column instanceof CachedColumn.Dictionary d) {
      int[] codes = d.codes();
      for (int i = 0; i < rows; i++) if (codes[i] < 0 && (keep == null || keep[i])) nulls[groups[i]]++;
      return;
    }
    long[] bits = column.nullBits();
    if (bits == null) return;
    for (int w = 0; w < bits.length; w++) {
      for (long word = bits[w]; word != 0; word &= word - 1) {
        int i = (w << 6) + Long.numberOfTrailingZeros(word);
        if (i < rows && (keep == null || keep[i])) nulls[groups[i]]++;
      }
    }
  }

  /** COUNT(column): the non-null values. */
  static final class Values extends Accumulator {
    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      countNulls(column, groups, keep, rows);
    }

    Object result(int group, long rows) {
      return rows - nulls[group];
    }
  }

  /**
   * SUM of an integer column, exact: a 64-bit sum banked into a BigInteger whenever it would
   * overflow. Null rows hold 0 in the cached column, so they are added without effect.
   */
  static final class ExactSum extends Accumulator {
    long[] sums = new long[0];
    BigInteger[] banked = new BigInteger[0];

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      countNulls(column, groups, keep, rows);
      long[] v = ((CachedColumn.Longs) column).values();
      for (int i = 0; i < rows; i++) {
        if (keep != null && !keep[i]) continue;
        int g = groups[i];
        long before = sums[g];
        long sum = before + v[i];
        if (((before ^ sum) & (v[i] ^ sum)) < 0) {
          banked[g] = (banked[g] == null ? BigInteger.ZERO : banked[g]).add(BigInteger.valueOf(before));
          sum = v[i];
        }
        sums[g] = sum;
      }
    }

    @Override
    void grow(int groups) {
      super.grow(groups);
      sums = Arrays.copyOf(sums, nulls.length);
      banked = Arrays.copyOf(banked, nulls.length);
    }

    Object result(int group, long rows) {
      if (!sawValue(group, rows)) return null;
      if (banked[group] == null) return sums[group];
      BigInteger total = banked[group].add(BigInteger.valueOf(sums[group]));
      return total.bitLength() < 64 ? (Object) total.longValue() : total;
    }
  }

  /**
   * SUM as a double: of a floating column, or of any numeric column cast to double. Null rows hold
   * 0 and a sum that starts at +0.0 is never -0.0, so adding them changes nothing.
   *
   * <p>Integers are added as longs while the magnitudes seen add up to at most 2^53: every partial
   * sum is then a double exactly, so the result is bit for bit the row-order double sum, and long
   * additions may be spread over four lanes per group (no chain of dependent additions through
   * one slot). Past that bound the sums continue as doubles, in row order.
   */
  static final class DoubleSum extends Accumulator {
    private static final long EXACT_BOUND = 1L << 53;
    double[] sums = new double[0];
    /** Four lanes per group while the sums are exact. */
    long[] lanes = new long[0];
    /** The magnitudes seen may add up to this much; past EXACT_BOUND the sums are doubles. */
    long magnitude;
    boolean inexact;

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      countNulls(column, groups, keep, rows);
      if (column instanceof CachedColumn.Longs c) {
        long[] v = c.values();
        if (!inexact && c.maxAbs() <= EXACT_BOUND && rows <= EXACT_BOUND / Math.max(1, c.maxAbs())
            && magnitude + c.maxAbs() * rows <= EXACT_BOUND) {
          magnitude += c.maxAbs() * rows;
          long[] l = lanes;
          if (keep == null) {
            addAll(v, groups, rows, l);
          } else {
            for (int i = 0; i < rows; i++) if (keep[i]) l[(groups[i] << 2) | (i & 3)] += v[i];
          }
          return;
        }
        toDoubles();
        double[] s = sums;
        if (keep == null) {
          for (int i = 0; i < rows; i++) s[groups[i]] += (double) v[i];
        } else {
          for (int i = 0; i < rows; i++) if (keep[i]) s[groups[i]] += (double) v[i];
        }
      } else {
        toDoubles();
        double[] s = sums;
        double[] v = ((CachedColumn.Doubles) column).values();
        if (keep == null) {
          for (int i = 0; i < rows; i++) s[groups[i]] += v[i];
        } else {
          for (int i = 0; i < rows; i++) if (keep[i]) s[groups[i]] += v[i];
        }
      }
    }

    /** The loop of an unfiltered sum of integers: kept small so it compiles early. */
    private static void addAll(long[] v, int[] groups, int rows, long[] lanes) {
      for (int i = 0; i < rows; i++) lanes[(groups[i] << 2) | (i & 3)] += v[i];
    }

    /** Continues in doubles from the exact sums so far, which are doubles exactly. */
    private void toDoubles() {
      if (inexact) return;
      inexact = true;
      for (int g = 0; g < sums.length; g++) sums[g] = exact(g);
    }

    private long exact(int g) {
      return lanes[g << 2] + lanes[(g << 2) | 1] + lanes[(g << 2) | 2] + lanes[(g << 2) | 3];
    }

    @Override
    void grow(int groups) {
      super.grow(groups);
      sums = Arrays.copyOf(sums, nulls.length);
      lanes = Arrays.copyOf(lanes, nulls.length * 4);
    }

    Object result(int group, long rows) {
      if (!sawValue(group, rows)) return null;
      return inexact ? (Object) sums[group] : (Object) (double) exact(group);
    }
  }

  /** MIN or MAX of a column held as longs; casting to double is monotonic, so it is applied to the result. */
  static final class LongExtreme extends Accumulator {
    final ColumnKind kind;
    final boolean max;
    final boolean asDouble;
    long[] best = new long[0];

    LongExtreme(ColumnKind kind, boolean max, boolean asDouble) {
      this.kind = kind;
      this.max = max;
      this.asDouble = asDouble;
    }

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      countNulls(column, groups, keep, rows);
      CachedColumn.Longs c = (CachedColumn.Longs) column;
      long[] v = c.values();
      long[] bits = c.nullBits();
      for (int i = 0; i < rows; i++) {
        if ((keep != null && !keep[i]) || (bits != null && (bits[i >>> 6] & (1L << i)) != 0)) continue;
        int g = groups[i];
        if (max ? v[i] > best[g] : v[i] < best[g]) best[g] = v[i];
      }
    }

    @Override
    void grow(int groups) {
      super.grow(groups);
      int from = best.length;
      best = Arrays.copyOf(best, nulls.length);
      // The first value always replaces the start, and a group seeing only the start's value keeps it.
      Arrays.fill(best, from, best.length, max ? Long.MIN_VALUE : Long.MAX_VALUE);
    }

    Object result(int group, long rows) {
      if (!sawValue(group, rows)) return null;
      return asDouble ? (Object) (double) best[group] : kind.box(best[group]);
    }
  }

  /**
   * MIN or MAX of a floating column, ordered as {@code Double.compare} orders (-Infinity first, NaN
   * last, -0.0 below 0.0).
   */
  static final class DoubleExtreme extends Accumulator {
    final ColumnKind kind;
    final boolean max;
    final boolean asDouble;
    double[] best = new double[0];

    DoubleExtreme(ColumnKind kind, boolean max, boolean asDouble) {
      this.kind = kind;
      this.max = max;
      this.asDouble = asDouble;
    }

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      countNulls(column, groups, keep, rows);
      CachedColumn.Doubles c = (CachedColumn.Doubles) column;
      double[] v = c.values();
      long[] bits = c.nullBits();
      for (int i = 0; i < rows; i++) {
        if ((keep != null && !keep[i]) || (bits != null && (bits[i >>> 6] & (1L << i)) != 0)) continue;
        int g = groups[i];
        int cmp = Double.compare(v[i], best[g]);
        if (max ? cmp > 0 : cmp < 0) best[g] = v[i];
      }
    }

    @Override
    void grow(int groups) {
      super.grow(groups);
      int from = best.length;
      best = Arrays.copyOf(best, nulls.length);
      Arrays.fill(best, from, best.length, max ? Double.NEGATIVE_INFINITY : Double.NaN);
    }

    Object result(int group, long rows) {
      if (!sawValue(group, rows)) return null;
      return asDouble ? (Object) best[group] : kind.box(best[group]);
    }
  }
}

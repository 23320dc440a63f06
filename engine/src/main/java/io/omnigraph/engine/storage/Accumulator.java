package io.omnigraph.engine.storage;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One measure of an aggregate over cached columns, accumulated per group number in primitive
 * arrays. Results are the objects {@code read.ScanAggregator} gives for the same rows: a COUNT a
 * {@code Long}, an integer SUM a {@code Long} or beyond 64 bits a {@code BigInteger}, a floating SUM
 * a {@code Double} added in row order, MIN and MAX the column's scan value ({@code Double} when cast),
 * null where no value was seen. Not thread-safe.
 */
abstract sealed class Accumulator {
  /** Rows of group numbers {@code groups[i]} for the kept rows of one fragment ({@code keep} null = all). */
  abstract void add(CachedColumn column, int[] groups, boolean[] keep, int rows);

  /** Makes room for group numbers below {@code groups}. */
  abstract void grow(int groups);

  abstract Object result(int group);

  static int capacity(int current, int wanted) {
    return wanted <= current ? current : Math.max(wanted, current * 2);
  }

  /** COUNT(*), and how many rows each group has (a group with none is not a result row). */
  static final class Rows extends Accumulator {
    long[] counts = new long[0];

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      for (int i = 0; i < rows; i++) if (keep == null || keep[i]) counts[groups[i]]++;
    }

    void grow(int groups) {
      counts = Arrays.copyOf(counts, capacity(counts.length, groups));
    }

    Object result(int group) {
      return counts[group];
    }
  }

  /** COUNT(column): the non-null values. */
  static final class Values extends Accumulator {
    long[] counts = new long[0];

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      for (int i = 0; i < rows; i++) if ((keep == null || keep[i]) && !column.isNull(i)) counts[groups[i]]++;
    }

    void grow(int groups) {
      counts = Arrays.copyOf(counts, capacity(counts.length, groups));
    }

    Object result(int group) {
      return counts[group];
    }
  }

  /** SUM of an integer column, exact: a 64-bit sum banked into a BigInteger whenever it would overflow. */
  static final class ExactSum extends Accumulator {
    long[] sums = new long[0];
    long[] seen = new long[0];
    BigInteger[] banked = new BigInteger[0];

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      CachedColumn.Longs c = (CachedColumn.Longs) column;
      long[] v = c.values();
      for (int i = 0; i < rows; i++) {
        if ((keep != null && !keep[i]) || c.isNull(i)) continue;
        int g = groups[i];
        long before = sums[g];
        long sum = before + v[i];
        if (((before ^ sum) & (v[i] ^ sum)) < 0) {
          banked[g] = (banked[g] == null ? BigInteger.ZERO : banked[g]).add(BigInteger.valueOf(before));
          sum = v[i];
        }
        sums[g] = sum;
        seen[g]++;
      }
    }

    void grow(int groups) {
      int n = capacity(sums.length, groups);
      sums = Arrays.copyOf(sums, n);
      seen = Arrays.copyOf(seen, n);
      banked = Arrays.copyOf(banked, n);
    }

    Object result(int group) {
      if (seen[group] == 0) return null;
      if (banked[group] == null) return sums[group];
      BigInteger total = banked[group].add(BigInteger.valueOf(sums[group]));
      return total.bitLength() < 64 ? (Object) total.longValue() : total;
    }
  }

  /** SUM as a double: of a floating column, or of any numeric column cast to double. */
  static final class DoubleSum extends Accumulator {
    double[] sums = new double[0];
    long[] seen = new long[0];

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      if (column instanceof CachedColumn.Longs c) {
        long[] v = c.values();
        for (int i = 0; i < rows; i++) {
          if ((keep != null && !keep[i]) || c.isNull(i)) continue;
          sums[groups[i]] += (double) v[i];
          seen[groups[i]]++;
        }
      } else {
        CachedColumn.Doubles c = (CachedColumn.Doubles) column;
        double[] v = c.values();
        for (int i = 0; i < rows; i++) {
          if ((keep != null && !keep[i]) || c.isNull(i)) continue;
          sums[groups[i]] += v[i];
          seen[groups[i]]++;
        }
      }
    }

    void grow(int groups) {
      int n = capacity(sums.length, groups);
      sums = Arrays.copyOf(sums, n);
      seen = Arrays.copyOf(seen, n);
    }

    Object result(int group) {
      return seen[group] == 0 ? null : (Object) sums[group];
    }
  }

  /** MIN or MAX of a column held as longs; casting to double is monotonic, so it is applied to the result. */
  static final class LongExtreme extends Accumulator {
    final ColumnKind kind;
    final boolean max;
    final boolean asDouble;
    long[] best = new long[0];
    boolean[] seen = new boolean[0];

    LongExtreme(ColumnKind kind, boolean max, boolean asDouble) {
      this.kind = kind;
      this.max = max;
      this.asDouble = asDouble;
    }

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      CachedColumn.Longs c = (CachedColumn.Longs) column;
      long[] v = c.values();
      for (int i = 0; i < rows; i++) {
        if ((keep != null && !keep[i]) || c.isNull(i)) continue;
        int g = groups[i];
        if (!seen[g] || (max ? v[i] > best[g] : v[i] < best[g])) {
          best[g] = v[i];
          seen[g] = true;
        }
      }
    }

    void grow(int groups) {
      int n = capacity(best.length, groups);
      best = Arrays.copyOf(best, n);
      seen = Arrays.copyOf(seen, n);
    }

    Object result(int group) {
      if (!seen[group]) return null;
      return asDouble ? (Object) (double) best[group] : kind.box(best[group]);
    }
  }

  /** MIN or MAX of a floating column, ordered as {@code Double.compare} orders (NaN above all, -0.0 below 0.0). */
  static final class DoubleExtreme extends Accumulator {
    final ColumnKind kind;
    final boolean max;
    final boolean asDouble;
    double[] best = new double[0];
    boolean[] seen = new boolean[0];

    DoubleExtreme(ColumnKind kind, boolean max, boolean asDouble) {
      this.kind = kind;
      this.max = max;
      this.asDouble = asDouble;
    }

    void add(CachedColumn column, int[] groups, boolean[] keep, int rows) {
      CachedColumn.Doubles c = (CachedColumn.Doubles) column;
      double[] v = c.values();
      for (int i = 0; i < rows; i++) {
        if ((keep != null && !keep[i]) || c.isNull(i)) continue;
        int g = groups[i];
        int cmp = seen[g] ? Double.compare(v[i], best[g]) : 0;
        if (!seen[g] || (max ? cmp > 0 : cmp < 0)) {
          best[g] = v[i];
          seen[g] = true;
        }
      }
    }

    void grow(int groups) {
      int n = capacity(best.length, groups);
      best = Arrays.copyOf(best, n);
      seen = Arrays.copyOf(seen, n);
    }

    Object result(int group) {
      if (!seen[group]) return null;
      return asDouble ? (Object) best[group] : kind.box(best[group]);
    }
  }
}

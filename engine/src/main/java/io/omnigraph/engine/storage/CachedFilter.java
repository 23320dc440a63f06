package io.omnigraph.engine.storage;

import io.omnigraph.engine.read.Predicate;
import java.util.HashMap;
import java.util.Map;

/**
 * The filters an aggregate over cached columns evaluates itself, as a mask of the rows that pass:
 * conjunctions of equality tests on string columns (compared once per dictionary value), integer
 * comparisons with integer literals, and null tests. Anything else, where Lance's and Java's
 * comparisons could disagree (NaN, string order, LIKE), is left to Lance.
 */
final class CachedFilter {
  private CachedFilter() {}

  /** True when {@link #keep} can evaluate {@code p} over columns of these kinds. */
  static boolean supported(Predicate p, Map<String, ColumnKind> kinds) {
    if (p instanceof Predicate.True) return true;
    if (p instanceof Predicate.And and) return and.parts().stream().allMatch(q -> supported(q, kinds));
    if (p instanceof Predicate.IsNull n) return kinds.containsKey(n.column());
    if (p instanceof Predicate.Compare c) {
      ColumnKind kind = kinds.get(c.column());
      if (kind == ColumnKind.STRING) {
        return c.value() instanceof String && (c.op() == Predicate.Op.EQ || c.op() == Predicate.Op.NE);
      }
      return (kind == ColumnKind.I32 || kind == ColumnKind.I64 || kind == ColumnKind.U32) && integral(c.value()) != null;
    }
    if (p instanceof Predicate.In in) {
      return kinds.get(in.column()) == ColumnKind.STRING && in.values().stream().allMatch(v -> v instanceof String);
    }
    return false;
  }

  /**
   * A literal compared with an integer column as the whole number it is, or null when it is not
   * one that fits a long (SQL literals arrive as decimals).
   */
  private static Long integral(Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof java.math.BigDecimal d) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException notWhole) {
        return null;
      }
    }
    if (v instanceof java.math.BigInteger b && b.bitLength() < 64) return b.longValue();
    return null;
  }

  /**
   * The rows of one fragment that pass {@code p}, or null when all do. {@code at} gives each
   * column's place in {@code fragment}.
   */
  static boolean[] keep(Predicate p, Map<String, Integer> at, CachedColumn[] fragment, int rows) {
    if (p instanceof Predicate.True) return null;
    boolean[] keep = new boolean[rows];
    java.util.Arrays.fill(keep, true);
    apply(p, at, fragment, rows, keep);
    return keep;
  }

  /** Clears {@code keep} for the rows {@code p} does not hold for (false or unknown). */
  private static void apply(Predicate p, Map<String, Integer> at, CachedColumn[] fragment, int rows, boolean[] keep) {
    if (p instanceof Predicate.True) return;
    if (p instanceof Predicate.And and) {
      for (Predicate q : and.parts()) apply(q, at, fragment, rows, keep);
      return;
    }
    if (p instanceof Predicate.IsNull n) {
      CachedColumn c = fragment[at.get(n.column())];
      for (int i = 0; i < rows; i++) if (c.isNull(i) == n.negated()) keep[i] = false;
      return;
    }
    String column = p instanceof Predicate.Compare c ? c.column() : ((Predicate.In) p).column();
    CachedColumn c = fragment[at.get(column)];
    if (c instanceof CachedColumn.Dictionary d) {
      // The test depends on the value alone: decided once per dictionary value, with the engine's own rules.
      boolean[] passes = new boolean[d.values().length];
      Map<String, Object> row = new HashMap<>();
      for (int k = 0; k < passes.length; k++) {
        row.put(column, d.values()[k]);
        passes[k] = p.test(row);
      }
      int[] codes = d.codes();
      for (int i = 0; i < rows; i++) if (codes[i] < 0 || !passes[codes[i]]) keep[i] = false;
      return;
    }
    Predicate.Compare cmp = (Predicate.Compare) p;
    CachedColumn.Longs l = (CachedColumn.Longs) c;
    long[] v = l.values();
    long literal = integral(cmp.value());
    Predicate.Op op = cmp.op();
    for (int i = 0; i < rows; i++) {
      if (!keep[i]) continue;
      if (l.isNull(i)) {
        keep[i] = false;
        continue;
      }
      int sign = Long.compare(v[i], literal);
      boolean holds = switch (op) {
        case EQ -> sign == 0;
        case NE -> sign != 0;
        case LT -> sign < 0;
        case LE -> sign <= 0;
        case GT -> sign > 0;
        case GE -> sign >= 0;
      };
      if (!holds) keep[i] = false;
    }
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.ValueType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;

/**
 * A filter pushed into a graph table scan, kept as a template until execution because it may hold
 * {@code ?} parameters. It is in negation normal form (no NOT above an atom), which is what lets a
 * comparison with a NULL parameter simply match nothing: without an enclosing NOT, "unknown" and
 * "false" reject the same rows.
 */
sealed interface ScanFilter {

  /** The engine predicate for one execution. */
  Predicate bind(DataContext execution);

  record Compare(String column, ValueType type, Predicate.Op op, ScanOperand operand) implements ScanFilter {
    @Override
    public Predicate bind(DataContext execution) {
      Object v = asColumnType(operand.value(execution), type);
      return v == null ? ScanOperand.never(column) : new Predicate.Compare(column, op, v);
    }

    @Override
    public String toString() {
      return column + " " + symbol(op) + " " + operand;
    }
  }

  record In(String column, ValueType type, List<ScanOperand> operands) implements ScanFilter {
    @Override
    public Predicate bind(DataContext execution) {
      List<Object> values = new ArrayList<>();
      for (ScanOperand o : operands) {
        Object v = asColumnType(o.value(execution), type);
        // x IN (a, NULL) is true for a, unknown otherwise: without an enclosing NOT that is "a only".
        if (v != null) values.add(v);
      }
      return new Predicate.In(column, values);
    }

    @Override
    public String toString() {
      return column + " IN (" + operands.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
  }

  record IsNull(String column, boolean negated) implements ScanFilter {
    @Override
    public Predicate bind(DataContext execution) {
      return new Predicate.IsNull(column, negated);
    }

    @Override
    public String toString() {
      return column + (negated ? " IS NOT NULL" : " IS NULL");
    }
  }

  record Like(String column, String pattern, boolean negated) implements ScanFilter {
    @Override
    public Predicate bind(DataContext execution) {
      return new Predicate.Like(column, pattern, negated);
    }

    @Override
    public String toString() {
      return column + (negated ? " NOT LIKE " : " LIKE ") + new ScanOperand.Literal(pattern);
    }
  }

  record And(List<ScanFilter> parts) implements ScanFilter {
    @Override
    public Predicate bind(DataContext execution) {
      return new Predicate.And(parts.stream().map(p -> p.bind(execution)).toList());
    }

    @Override
    public String toString() {
      return join(parts, " AND ");
    }
  }

  record Or(List<ScanFilter> parts) implements ScanFilter {
    @Override
    public Predicate bind(DataContext execution) {
      return new Predicate.Or(parts.stream().map(p -> p.bind(execution)).toList());
    }

    @Override
    public String toString() {
      return join(parts, " OR ");
    }
  }

  static ScanFilter and(List<ScanFilter> parts) {
    List<ScanFilter> flat = new ArrayList<>();
    for (ScanFilter p : parts) {
      if (p instanceof And a) flat.addAll(a.parts());
      else flat.add(p);
    }
    return flat.size() == 1 ? flat.get(0) : new And(List.copyOf(flat));
  }

  private static String join(List<ScanFilter> parts, String separator) {
    return parts.stream()
        .map(p -> p instanceof And || p instanceof Or ? "(" + p + ")" : p.toString())
        .collect(Collectors.joining(separator));
  }

  private static String symbol(Predicate.Op op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "<>";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  /** Parameters of DATE columns may arrive as a day count; everything else compares as is. */
  private static Object asColumnType(Object v, ValueType type) {
    if (!(type instanceof ValueType.Scalar s)) return v;
    if (s.base() == BaseType.DATE && v instanceof Number n) return LocalDate.ofEpochDay(n.longValue());
    if (s.base() == BaseType.DATETIME) {
      if (v instanceof Number n) return Instant.ofEpochMilli(n.longValue());
      if (v instanceof java.sql.Timestamp t) return UtcClock.instant(t.toLocalDateTime());
    }
    return v;
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.Aggregation.Function;
import io.omnigraph.engine.read.Aggregation.Measure;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What one planned {@link EnumerableGraphAggregate} asks of the engine, and how the answers become
 * Calcite values of the aggregate's declared types. A sum that does not fit its declared type
 * fails with {@link ArithmeticException} (SQLState 22003) instead of wrapping around.
 *
 * <p>Public only because the code Calcite generates for a plan calls {@link #enumerable}.
 */
public final class AggregateSpec {
  private final String typeName;
  private final List<String> groupBy;
  private final List<Measure> measures;
  /** Per measure: true for {@code $SUM0}, whose sum of nothing is zero rather than null. */
  private final List<Boolean> zeroWhenEmpty;
  /** Per output column, its declared SQL type. */
  private final List<SqlTypeName> types;
  private final ScanFilter filter;

  AggregateSpec(String typeName, List<String> groupBy, List<Measure> measures,
      List<Boolean> zeroWhenEmpty, List<SqlTypeName> types, ScanFilter filter) {
    this.typeName = typeName;
    this.groupBy = List.copyOf(groupBy);
    this.measures = List.copyOf(measures);
    this.zeroWhenEmpty = List.copyOf(zeroWhenEmpty);
    this.types = List.copyOf(types);
    this.filter = filter;
  }

  /** The groups of one execution; a row is an {@code Object[]}, or the bare value with one column. */
  public Enumerable<Object> enumerable(DataContext execution) {
    ReadView view = GraphExecution.of(execution).view();
    Predicate predicate = filter == null ? Predicate.TRUE : filter.bind(execution);
    Aggregation aggregation = new Aggregation(groupBy, measures, predicate);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        List<Object> rows = new ArrayList<>();
        try (RowCursor c = view.aggregate(typeName, aggregation)) {
          while (c.next()) rows.add(toRow(c.row()));
        }
        return Linq4j.enumerator(rows);
      }
    };
  }

  private Object toRow(Object[] engineRow) {
    Object[] out = new Object[engineRow.length];
    int groups = groupBy.size();
    for (int i = 0; i < out.length; i++) {
      Object v = engineRow[i];
      if (i < groups) {
        out[i] = InternalValues.of(v);
      } else if (v == null) {
        out[i] = zeroWhenEmpty.get(i - groups) ? convert(0L, types.get(i)) : null;
      } else if (measures.get(i - groups).function() == Function.COUNT || v instanceof Number) {
        out[i] = convert((Number) v, types.get(i));
      } else {
        out[i] = InternalValues.of(v);
      }
    }
    return out.length == 1 ? out[0] : out;
  }

  /** {@code n} as {@code type}'s Calcite value; an integer that does not fit fails with ArithmeticException. */
  private static Object convert(Number n, SqlTypeName type) {
    if (n instanceof BigInteger big) {
      return switch (type) {
        case DECIMAL -> new BigDecimal(big);
        case DOUBLE, FLOAT -> big.doubleValue();
        default -> throw new ArithmeticException("sum " + big + " is out of range for " + type);
      };
    }
    boolean integral = n instanceof Long || n instanceof Integer;
    return switch (type) {
      case INTEGER -> Math.toIntExact(n.longValue());
      case BIGINT -> integral ? n.longValue() : (long) n.doubleValue();
      case DOUBLE, FLOAT -> n.doubleValue();
      case REAL -> n.floatValue();
      case DECIMAL -> integral ? BigDecimal.valueOf(n.longValue()) : BigDecimal.valueOf(n.doubleValue());
      default -> n;
    };
  }
}

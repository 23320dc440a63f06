package io.omnigraph.engine.storage;

import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.Aggregation.Measure;
import io.omnigraph.engine.read.RowCursor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An {@link Aggregation} as one SQL statement for Lance's embedded query engine over one table
 * version, so the rows are scanned and grouped natively and only the groups cross into Java.
 * Integer sums are computed as 38-digit decimals, so a sum beyond 64 bits is exact rather than
 * wrapped (a {@code BigInteger}, as {@link Aggregation} promises). Casts
 * to double are applied to the results: the query engine names an aggregate by its column alone,
 * so {@code SUM(x)} and {@code SUM(CAST(x AS DOUBLE))} in one statement would collide.
 */
final class AggregateQuery {
  /** The name the statement gives the table. */
  static final String TABLE = "t";

  private final Aggregation aggregation;
  private final String sql;
  /** Per measure, the select item holding its value. */
  private final int[] itemOf;
  private final List<String> items = new ArrayList<>();

  AggregateQuery(Aggregation a, Schema schema) {
    this.aggregation = a;
    List<String> select = new ArrayList<>();
    for (int i = 0; i < a.groupBy().size(); i++) {
      select.add(quote(a.groupBy().get(i)) + " AS " + quote(name(select.size())));
    }
    List<String> expressions = new ArrayList<>();
    itemOf = new int[a.measures().size()];
    for (int i = 0; i < itemOf.length; i++) {
      String e = expression(a.measures().get(i), schema);
      int at = expressions.indexOf(e);
      if (at < 0) {
        at = expressions.size();
        expressions.add(e);
        select.add(e + " AS " + quote(name(a.groupBy().size() + at)));
      }
      itemOf[i] = a.groupBy().size() + at;
    }
    for (int i = 0; i < select.size(); i++) items.add(name(i));
    StringBuilder sb = new StringBuilder("SELECT ").append(String.join(", ", select)).append(" FROM ").append(TABLE);
    String filter = a.filter().toLance();
    if (!filter.equals("true")) sb.append(" WHERE ").append(filter);
    if (!a.groupBy().isEmpty()) {
      List<String> keys = new ArrayList<>();
      for (String g : a.groupBy()) keys.add(quote(g));
      sb.append(" GROUP BY ").append(String.join(", ", keys));
    }
    this.sql = sb.toString();
  }

  String sql() {
    return sql;
  }

  /** The names of the statement's result columns. */
  List<String> items() {
    return items;
  }

  private static String name(int item) {
    return "c" + item;
  }

  private static String expression(Measure m, Schema schema) {
    if (m.column() == null) return "COUNT(*)";
    String arg = quote(m.column());
    if (m.function() == Aggregation.Function.SUM && schema.findField(m.column()).getType() instanceof ArrowType.Int) {
      arg = "CAST(" + arg + " AS DECIMAL(38, 0))";
    }
    return m.function().name() + "(" + arg + ")";
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The statement's rows as {@link Aggregation} promises them: grouping columns, then one value per measure. */
  RowCursor results(RowCursor raw) {
    List<String> names = new ArrayList<>(aggregation.groupBy());
    for (int i = 0; i < itemOf.length; i++) names.add("m" + i);
    int groups = aggregation.groupBy().size();
    return new RowCursor() {
      @Override
      public List<String> columns() {
        return names;
      }

      @Override
      public boolean next() {
        return raw.next();
      }

      @Override
      public Object[] row() {
        Object[] in = raw.row();
        Object[] out = new Object[groups + itemOf.length];
        System.arraycopy(in, 0, out, 0, groups);
        for (int i = 0; i < itemOf.length; i++) {
          Object v = in[itemOf[i]];
          if (v instanceof BigDecimal d) {
            BigInteger exact = d.toBigIntegerExact();
            v = exact.bitLength() < 64 ? (Object) exact.longValue() : exact;
          }
          if (v != null && aggregation.measures().get(i).asDouble()) v = ((Number) v).doubleValue();
          out[groups + i] = v;
        }
        return out;
      }

      @Override
      public void close() {
        raw.close();
      }
    };
  }
}

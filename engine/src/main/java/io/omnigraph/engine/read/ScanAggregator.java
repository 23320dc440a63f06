package io.omnigraph.engine.read;

import io.omnigraph.engine.read.Aggregation.Function;
import io.omnigraph.engine.read.Aggregation.Measure;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Computes an {@link Aggregation} by scanning the view, for views whose rows exist only in memory
 * (a transaction's pending writes) or filters the table cannot evaluate. Equal to the pushed-down
 * computation by contract: both are held to the same results in tests.
 */
public final class ScanAggregator {
  private ScanAggregator() {}

  public static RowCursor aggregate(ReadView view, String typeName, Aggregation a) {
    List<String> read = a.columnsRead();
    int[] groupAt = a.groupBy().stream().mapToInt(read::indexOf).toArray();
    int[] measureAt = a.measures().stream().mapToInt(m -> m.column() == null ? -1 : read.indexOf(m.column())).toArray();
    Map<List<Object>, Object[]> groups = new LinkedHashMap<>();
    try (RowCursor c = view.scan(typeName, new ScanRequest(read, a.filter(), OptionalLong.empty()))) {
      while (c.next()) {
        Object[] row = c.row();
        Object[] key = new Object[groupAt.length];
        for (int i = 0; i < key.length; i++) key[i] = row[groupAt[i]];
        Object[] acc = groups.computeIfAbsent(Arrays.asList(key), k -> new Object[measureAt.length]);
        for (int i = 0; i < measureAt.length; i++) {
          acc[i] = add(a.measures().get(i), acc[i], measureAt[i] < 0 ? Boolean.TRUE : row[measureAt[i]]);
        }
      }
    }
    if (groups.isEmpty() && groupAt.length == 0) groups.put(List.of(), new Object[measureAt.length]);
    List<String> columns = new ArrayList<>(a.groupBy());
    for (int i = 0; i < measureAt.length; i++) columns.add("m" + i);
    List<Object[]> rows = new ArrayList<>(groups.size());
    for (Map.Entry<List<Object>, Object[]> g : groups.entrySet()) {
      Object[] out = new Object[columns.size()];
      int k = 0;
      for (Object v : g.getKey()) out[k++] = v;
      for (int i = 0; i < measureAt.length; i++) {
        Object v = g.getValue()[i];
        out[k++] = v == null && a.measures().get(i).function() == Function.COUNT ? 0L : v;
      }
      rows.add(out);
    }
    return RowCursor.of(columns, rows);
  }

  private static Object add(Measure m, Object acc, Object value) {
    if (value == null) return acc;
    if (m.asDouble()) value = ((Number) value).doubleValue();
    return switch (m.function()) {
      case COUNT -> acc == null ? 1L : (Long) acc + 1;
      case SUM -> {
        if (value instanceof Double || value instanceof Float) {
          yield (acc == null ? 0.0 : (Double) acc) + ((Number) value).doubleValue();
        }
        yield exactSum(acc == null ? 0L : (Number) acc, ((Number) value).longValue());
      }
      case MIN -> acc == null || compare(value, acc) < 0 ? value : acc;
      case MAX -> acc == null || compare(value, acc) > 0 ? value : acc;
    };
  }

  /** A 64-bit sum while it fits, a {@link BigInteger} beyond. */
  private static Number exactSum(Number acc, long value) {
    if (acc instanceof Long l) {
      long sum = l + value;
      if (((l ^ sum) & (value ^ sum)) >= 0) return sum;
    }
    BigInteger base = acc instanceof BigInteger b ? b : BigInteger.valueOf(acc.longValue());
    BigInteger big = base.add(BigInteger.valueOf(value));
    return big.bitLength() < 64 ? (Number) big.longValue() : big;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}

package io.omnigraph.engine.storage;

import io.omnigraph.engine.read.Aggregation;
import io.omnigraph.engine.read.Aggregation.Function;
import io.omnigraph.engine.read.Aggregation.Measure;
import io.omnigraph.engine.read.RowCursor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link Aggregation} computed over columns held by the {@link ColumnCache}: group numbers from
 * dictionary codes or integer keys, measures added up in primitive arrays, fragment by fragment in
 * the table's row order, so the results are the ones {@code read.ScanAggregator} gives for the same
 * rows. Covers up to two grouping columns of string, boolean, integer or date type, every measure
 * over integer and floating columns, MIN and MAX of dates, COUNT of any column, and the filters of
 * {@link CachedFilter}; {@link #plan} declines the rest.
 */
final class CachedAggregate {
  private static final Set<ColumnKind> GROUPABLE =
      EnumSet.of(ColumnKind.STRING, ColumnKind.BOOL, ColumnKind.I32, ColumnKind.I64, ColumnKind.U32, ColumnKind.DATE);
  private static final Set<ColumnKind> NUMERIC =
      EnumSet.of(ColumnKind.I32, ColumnKind.I64, ColumnKind.U32, ColumnKind.F32, ColumnKind.F64);

  private final Aggregation aggregation;
  /** The columns to take from the cache, each in the form it is needed in. */
  private final Map<String, ColumnKind> forms;
  private final Map<String, Integer> at = new HashMap<>();

  private CachedAggregate(Aggregation aggregation, Map<String, ColumnKind> forms) {
    this.aggregation = aggregation;
    this.forms = forms;
    for (String c : forms.keySet()) at.put(c, at.size());
  }

  /**
   * How to compute {@code a} from cached columns over a table whose columns are of {@code columnKinds},
   * or empty when this cannot.
   */
  static Optional<CachedAggregate> plan(Aggregation a, Map<String, ColumnKind> columnKinds) {
    Map<String, ColumnKind> kinds = new HashMap<>();
    for (String c : a.columnsRead()) {
      ColumnKind kind = columnKinds.get(c);
      if (kind == null) return Optional.empty();
      kinds.put(c, kind);
    }
    if (a.groupBy().size() > 2) return Optional.empty();
    for (String g : a.groupBy()) if (!GROUPABLE.contains(kinds.get(g))) return Optional.empty();
    for (Measure m : a.measures()) if (!computable(m, kinds)) return Optional.empty();
    if (!CachedFilter.supported(a.filter(), kinds)) return Optional.empty();
    // Columns only counted are kept as null bitmaps: their values are never read.
    Set<String> valued = new java.util.HashSet<>(a.groupBy());
    valued.addAll(io.omnigraph.engine.read.Predicate.columnsOf(a.filter()));
    for (Measure m : a.measures()) if (m.column() != null && m.function() != Function.COUNT) valued.add(m.column());
    Map<String, ColumnKind> forms = new LinkedHashMap<>();
    for (String c : a.columnsRead()) forms.put(c, valued.contains(c) ? kinds.get(c) : ColumnKind.OTHER);
    return Optional.of(new CachedAggregate(a, forms));
  }

  private static boolean computable(Measure m, Map<String, ColumnKind> kinds) {
    if (m.column() == null) return true;
    ColumnKind kind = kinds.get(m.column());
    if (m.function() == Function.COUNT) return true;
    if (m.asDouble() && !NUMERIC.contains(kind)) return false;
    if (m.function() == Function.SUM) return NUMERIC.contains(kind);
    return NUMERIC.contains(kind) || kind == ColumnKind.DATE;
  }

  /** The columns to ask the cache for, with the form each is needed in. */
  Map<String, ColumnKind> forms() {
    return forms;
  }

  /** The aggregate over {@code fragments}: per fragment, the columns of {@link #forms} in order. */
  RowCursor run(List<CachedColumn[]> fragments) {
    List<ColumnKind> groupKinds = new ArrayList<>();
    for (String g : aggregation.groupBy()) groupKinds.add(forms.get(g));
    GroupKeys keys = new GroupKeys(groupKinds);
    List<Measure> measures = aggregation.measures();
    // COUNT(*) is the group's row count: it has no accumulator.
    Accumulator[] acc = new Accumulator[measures.size()];
    int[] measureAt = new int[acc.length];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = accumulator(measures.get(i));
      measureAt[i] = measures.get(i).column() == null ? -1 : at.get(measures.get(i).column());
    }
    int[] groupAt = aggregation.groupBy().stream().mapToInt(at::get).toArray();
    int most = 0;
    for (CachedColumn[] f : fragments) most = Math.max(most, f[0].rows());
    int[] groups = new int[most];
    int[] scratch = new int[groupAt.length > 1 ? most : 0];
    CachedColumn[] groupColumns = new CachedColumn[groupAt.length];
    for (CachedColumn[] f : fragments) {
      int rows = f[0].rows();
      boolean[] keep = CachedFilter.keep(aggregation.filter(), at, f, rows);
      for (int i = 0; i < groupAt.length; i++) groupColumns[i] = f[groupAt[i]];
      int[] numbered = keys.number(groupColumns, keep, rows, groups, scratch);
      int size = keys.size();
      for (int i = 0; i < acc.length; i++) {
        if (acc[i] == null) continue;
        acc[i].grow(size);
        acc[i].add(f[measureAt[i]], numbered, keep, rows);
      }
    }
    List<String> columns = new ArrayList<>(aggregation.groupBy());
    for (int i = 0; i < acc.length; i++) columns.add("m" + i);
    List<Object[]> out = new ArrayList<>();
    int size = keys.size();
    for (Accumulator a : acc) if (a != null) a.grow(size);
    for (int g = 0; g < size; g++) {
      long rows = keys.rows(g);
      // Every group number but the single one of an ungrouped aggregate stands for rows that passed.
      if (groupAt.length > 0 && rows == 0) continue;
      Object[] key = keys.key(g);
      Object[] row = new Object[key.length + acc.length];
      System.arraycopy(key, 0, row, 0, key.length);
      for (int i = 0; i < acc.length; i++) row[key.length + i] = acc[i] == null ? (Object) rows : acc[i].result(g, rows);
      out.add(row);
    }
    return RowCursor.of(columns, out);
  }

  private Accumulator accumulator(Measure m) {
    if (m.column() == null) return null;
    if (m.function() == Function.COUNT) return new Accumulator.Values();
    ColumnKind kind = forms.get(m.column());
    if (m.function() == Function.SUM) {
      return m.asDouble() || kind.floating() ? new Accumulator.DoubleSum() : new Accumulator.ExactSum();
    }
    boolean max = m.function() == Function.MAX;
    return kind.floating()
        ? new Accumulator.DoubleExtreme(kind, max, m.asDouble())
        : new Accumulator.LongExtreme(kind, max, m.asDouble());
  }
}

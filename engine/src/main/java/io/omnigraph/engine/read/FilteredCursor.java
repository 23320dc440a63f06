package io.omnigraph.engine.read;

import java.util.List;
import java.util.Map;

/**
 * Applies a filter in memory to a scan that could not carry it (see {@link Predicate#pushable}),
 * then keeps only the requested columns and at most {@code limit} rows.
 */
public final class FilteredCursor implements RowCursor {
  private final RowCursor source;
  private final Predicate filter;
  private final List<String> columns;
  private final long limit;
  private long returned;
  private Object[] current;

  /** @param source a scan whose columns include {@code columns} and every column of {@code filter} */
  public FilteredCursor(RowCursor source, Predicate filter, List<String> columns, long limit) {
    this.source = source;
    this.filter = filter;
    this.columns = List.copyOf(columns);
    this.limit = limit;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    while (returned < limit && source.next()) {
      Map<String, Object> row = source.rowMap();
      if (!filter.test(row)) continue;
      Object[] out = new Object[columns.size()];
      for (int i = 0; i < out.length; i++) out[i] = row.get(columns.get(i));
      current = out;
      returned++;
      return true;
    }
    current = null;
    return false;
  }

  @Override
  public Object[] row() {
    return current.clone();
  }

  @Override
  public void close() {
    source.close();
  }
}

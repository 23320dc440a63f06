package io.omnigraph.engine.read;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A table's committed rows, then rows appended to it that its version does not hold yet (commits
 * only the commit log holds), those that match the filter: what a handle that cannot publish the
 * log reads. The appended rows are new ids, so no committed row is hidden.
 */
public final class AppendedRowsCursor implements RowCursor {
  private final RowCursor base;
  private final List<String> columns;
  private final Iterator<Map<String, Object>> appended;
  private final Predicate filter;
  private long remaining;
  private Object[] current;
  private boolean baseDone;

  public AppendedRowsCursor(RowCursor base, List<String> columns, List<Map<String, Object>> appended, Predicate filter,
      long limit) {
    this.base = base;
    this.columns = List.copyOf(columns);
    this.appended = appended.iterator();
    this.filter = filter;
    this.remaining = limit;
  }

  @Override
  public List<String> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (remaining <= 0) return false;
    if (!baseDone) {
      if (base.next()) {
        current = base.row();
        remaining--;
        return true;
      }
      baseDone = true;
    }
    while (appended.hasNext()) {
      Map<String, Object> row = appended.next();
      if (!filter.test(row)) continue;
      Object[] out = new Object[columns.size()];
      for (int i = 0; i < out.length; i++) out[i] = row.get(columns.get(i));
      current = out;
      remaining--;
      return true;
    }
    return false;
  }

  @Override
  public Object[] row() {
    return current;
  }

  @Override
  public void close() {
    base.close();
  }
}

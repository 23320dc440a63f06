package io.omnigraph.engine.read;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Committed rows, then rows held as maps (a transaction's own rows, commits only the commit log
 * holds) that match the filter, as the cells of the asked columns, up to a limit: what a view
 * with changes on top of its version reads. Subclasses decide which committed rows pass.
 */
public abstract class OverlayRows implements RowCursor {
  private final RowCursor base;
  private final List<String> columns;
  private final Iterator<Map<String, Object>> extra;
  private final Predicate filter;
  private long remaining;
  private Object[] current;
  private boolean baseDone;

  protected OverlayRows(RowCursor base, List<String> columns, Iterator<Map<String, Object>> extra, Predicate filter,
      long limit) {
    this.base = base;
    this.columns = List.copyOf(columns);
    this.extra = extra;
    this.filter = filter;
    this.remaining = limit;
  }

  /** The committed row as passed on, in the asked columns, or null when the changes hide it. */
  protected abstract Object[] kept(Object[] committed);

  @Override
  public final List<String> columns() {
    return columns;
  }

  @Override
  public final boolean next() {
    if (remaining <= 0) return false;
    while (!baseDone) {
      if (!base.next()) {
        baseDone = true;
        break;
      }
      Object[] row = kept(base.row());
      if (row == null) continue;
      current = row;
      remaining--;
      return true;
    }
    while (extra.hasNext()) {
      Map<String, Object> row = extra.next();
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
  public final Object[] row() {
    return current;
  }

  @Override
  public final void close() {
    base.close();
  }
}

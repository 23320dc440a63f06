package io.omnigraph.engine.read;

import java.util.List;
import java.util.Map;

/**
 * A table's committed rows, then rows appended to it that its version does not hold yet (commits
 * only the commit log holds), those that match the filter: what a handle that cannot publish the
 * log reads. The appended rows are new ids, so no committed row is hidden.
 */
public final class AppendedRowsCursor extends OverlayRows {
  public AppendedRowsCursor(RowCursor base, List<String> columns, List<Map<String, Object>> appended, Predicate filter,
      long limit) {
    super(base, columns, appended.iterator(), filter, limit);
  }

  @Override
  protected Object[] kept(Object[] committed) {
    return committed;
  }
}

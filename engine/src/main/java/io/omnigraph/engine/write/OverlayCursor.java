package io.omnigraph.engine.write;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Committed rows minus those a transaction touched, then the transaction's own rows that match the
 * filter: what a statement inside a transaction reads.
 */
final class OverlayCursor implements RowCursor {
  private final RowCursor base;
  private final int baseIdIndex;
  private final int outWidth;
  private final PendingTable pending;
  private final Iterator<Map<String, Object>> extra;
  private final Predicate filter;
  private final List<String> columns;
  private long remaining;
  private Object[] current;
  private boolean baseDone;

  /**
   * The rows {@code request} asks of a table with {@code pending} changes: {@code committed} is
   * asked for the committed rows, with the id column and room for the rows the changes hide.
   */
  static OverlayCursor over(PendingTable pending, ScanRequest request,
      java.util.function.Function<ScanRequest, RowCursor> committed) {
    List<String> columns = request.columns().isEmpty() ? pending.type.columnNames() : request.columns();
    List<String> baseColumns = new java.util.ArrayList<>(columns);
    if (!baseColumns.contains("id")) baseColumns.add("id");
    long limit = request.limit().orElse(Long.MAX_VALUE);
    ScanRequest baseRequest = request.withColumns(baseColumns);
    if (request.limit().isPresent()) {
      long slack = (long) pending.upserts.size() + pending.deletes.size();
      baseRequest = pending.replaceAll ? baseRequest.withLimit(0) : baseRequest.withLimit(limit + slack);
    }
    return new OverlayCursor(committed.apply(baseRequest), columns, pending, request.filter(), limit);
  }

  /**
   * @param base a committed scan of {@code columns} plus, if absent from them, a trailing id column
   */
  OverlayCursor(RowCursor base, List<String> columns, PendingTable pending, Predicate filter, long limit) {
    this.base = base;
    this.columns = List.copyOf(columns);
    this.baseIdIndex = base.columns().indexOf("id");
    this.outWidth = columns.size();
    this.pending = pending;
    this.extra = pending.upserts.values().iterator();
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
    while (!baseDone) {
      if (!base.next()) {
        baseDone = true;
        break;
      }
      Object[] row = base.row();
      if (pending.touches((String) row[baseIdIndex])) continue;
      current = row.length == outWidth ? row : java.util.Arrays.copyOf(row, outWidth);
      remaining--;
      return true;
    }
    while (extra.hasNext()) {
      Map<String, Object> row = extra.next();
      if (!filter.test(row)) continue;
      Object[] out = new Object[outWidth];
      for (int i = 0; i < outWidth; i++) out[i] = row.get(columns.get(i));
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

package io.omnigraph.engine.write;

import io.omnigraph.engine.read.OverlayRows;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import java.util.List;

/**
 * Committed rows minus those a transaction touched, then the transaction's own rows that match the
 * filter: what a statement inside a transaction reads.
 */
final class OverlayCursor extends OverlayRows {
  private final int baseIdIndex;
  private final int outWidth;
  private final PendingTable pending;

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
    super(base, columns, pending.upserts.values().iterator(), filter, limit);
    this.baseIdIndex = base.columns().indexOf("id");
    this.outWidth = columns.size();
    this.pending = pending;
  }

  @Override
  protected Object[] kept(Object[] committed) {
    if (pending.touches((String) committed[baseIdIndex])) return null;
    return committed.length == outWidth ? committed : java.util.Arrays.copyOf(committed, outWidth);
  }
}

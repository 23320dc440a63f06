package io.omnigraph.engine.read;

import io.omnigraph.engine.schema.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A consistent view of one graph state: a committed snapshot, or a write transaction's snapshot
 * plus its own pending changes (read-your-writes). Every read through one view sees the same
 * state, whatever commits later.
 */
public interface ReadView {
  Catalog catalog();

  /** The branch this view reads. */
  String branch();

  /** The manifest version the view is pinned to. */
  long manifestVersion();

  /** The head commit id of the branch at this view (the inherited commit on a fresh branch). */
  String headCommitId();

  /** Streams rows of a node or edge type. Unknown types fail with NOT_FOUND. */
  RowCursor scan(String typeName, ScanRequest request);

  /**
   * This view's uncommitted changes to {@code typeName}, or empty when what it reads of that type is
   * the pinned table version unchanged.
   */
  default Optional<PendingChanges> pendingChanges(String typeName) {
    return Optional.empty();
  }

  /** One entity by id, every column, or empty. */
  Optional<Map<String, Object>> get(String typeName, String id);

  /** Rows matching the filter. */
  long count(String typeName, Predicate filter);

  /**
   * Grouped aggregates of a node or edge type, as {@link Aggregation} describes; the cursor's
   * columns are the grouping columns, then one per measure.
   */
  default RowCursor aggregate(String typeName, Aggregation aggregation) {
    return ScanAggregator.aggregate(this, typeName, aggregation);
  }

  /** The physical state of every table: published version, row count, owning Lance branch. */
  List<TableInfo> tables();
}

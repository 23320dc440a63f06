package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.storage.TableIndexes;
import java.util.List;

/**
 * What {@code optimize} did to one main table (SPEC §9).
 *
 * @param committed the table got at least one new version, published by the optimize commit
 * @param skipped the table's Lance HEAD was ahead of the manifest (drift that needs repair), so it
 *     was left untouched
 * @param publishedDatasetVersion the version the manifest pins afterwards
 * @param lanceHeadVersion the table's Lance HEAD afterwards
 * @param pendingIndexes columns still without an index, each with the reason
 */
public record TableOptimizeStats(
    String typeKey,
    long fragmentsRemoved,
    long fragmentsAdded,
    boolean committed,
    boolean skipped,
    long publishedDatasetVersion,
    long lanceHeadVersion,
    List<TableIndexes.PendingIndex> pendingIndexes) {
  public TableOptimizeStats {
    pendingIndexes = List.copyOf(pendingIndexes);
  }
}

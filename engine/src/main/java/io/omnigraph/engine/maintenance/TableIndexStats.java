package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.storage.TableIndexes;
import java.util.List;

/**
 * What {@code ensureIndices} did to one table.
 *
 * @param built columns whose index was built and committed
 * @param pending columns still without an index, each with the reason (too few vectors to train
 *     on; a text index this machine cannot build without LANCE_CPU_THREADS)
 * @param skipped why the table was left alone (inherited from another branch, empty, HEAD ahead of
 *     the manifest), or null
 * @param publishedVersion the table version the manifest pins afterwards
 */
public record TableIndexStats(
    String typeKey, List<String> built, List<TableIndexes.PendingIndex> pending, String skipped,
    long publishedVersion) {
  public TableIndexStats {
    built = List.copyOf(built);
    pending = List.copyOf(pending);
  }

  /** The columns of {@link #pending}. */
  public List<String> pendingColumns() {
    return pending.stream().map(TableIndexes.PendingIndex::column).toList();
  }

  public boolean committed() {
    return !built.isEmpty();
  }
}

package io.omnigraph.engine.maintenance;

import java.util.List;

/**
 * What {@code ensureIndices} did to one table.
 *
 * @param built columns whose index was built and committed
 * @param pending vector columns still without an index: too few vectors to train one
 * @param skipped why the table was left alone (inherited from another branch, empty, HEAD ahead of
 *     the manifest), or null
 * @param publishedVersion the table version the manifest pins afterwards
 */
public record TableIndexStats(
    String typeKey, List<String> built, List<String> pending, String skipped, long publishedVersion) {
  public TableIndexStats {
    built = List.copyOf(built);
    pending = List.copyOf(pending);
  }

  public boolean committed() {
    return !built.isEmpty();
  }
}

package io.omnigraph.engine.storage;

/**
 * Lance stamps every row with the table version that last wrote it (tables keep stable row ids,
 * so compaction keeps the stamps). A stamp of 1 or none means Lance did not track the row (the
 * table's version 1 is always its empty creation; a fork of a never-written table loses them), so
 * such rows count as possibly changed.
 */
public final class RowStamps {
  private RowStamps() {}

  /** A Lance filter for the rows written after {@code version} of their lineage, or untracked. */
  public static String changedAfter(long version) {
    String stamp = "_row_last_updated_at_version";
    return stamp + " > " + version + " OR " + stamp + " <= 1 OR " + stamp + " IS NULL";
  }
}

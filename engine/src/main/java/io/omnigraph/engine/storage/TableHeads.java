package io.omnigraph.engine.storage;

/**
 * The Lance side of recovery: where a table's HEAD stands on a Lance branch, which commit put it
 * there, and putting an earlier version's content back as the new HEAD.
 */
public final class TableHeads {
  /** HEAD of a Lance branch that no longer exists (a reclaimed fork). */
  public static final long GONE = -1;

  private final TableStore tables;

  public TableHeads(TableStore tables) {
    this.tables = tables;
  }

  /** HEAD of the table on {@code lanceBranch} (null = main lineage), or {@link #GONE}. */
  public long head(String uri, String lanceBranch) {
    if (lanceBranch != null && !tables.branches(uri).contains(lanceBranch)) return GONE;
    return tables.latestVersion(uri, lanceBranch);
  }

  /** A transaction property recorded by the commit that produced HEAD, or null. */
  public String headProperty(String uri, String lanceBranch, String key) {
    return tables.headTransactionProperties(uri, lanceBranch).get(key);
  }

  /**
   * Commits {@code version}'s content as a new HEAD, unconditionally: equal fragment ids do not
   * prove equal content (index and deletion-vector commits keep them), so no restore is skipped.
   *
   * @return the new HEAD version
   */
  public long rollBackTo(String uri, String lanceBranch, long version) {
    return tables.restore(uri, lanceBranch, version);
  }
}

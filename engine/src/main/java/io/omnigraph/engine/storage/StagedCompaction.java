package io.omnigraph.engine.storage;

import java.util.List;
import org.lance.Dataset;
import org.lance.compaction.Compaction;
import org.lance.compaction.CompactionOptions;
import org.lance.compaction.RewriteResult;

/**
 * A merge of a dataset's fragments, written as new data files but not committed: the handle of the
 * version it read, kept open until it is committed or dropped.
 */
public final class StagedCompaction implements AutoCloseable {
  private final String uri;
  private final Dataset ds;
  private final List<RewriteResult> results;
  private final CompactionOptions options;

  StagedCompaction(String uri, Dataset ds, List<RewriteResult> results, CompactionOptions options) {
    this.uri = uri;
    this.ds = ds;
    this.results = results;
    this.options = options;
  }

  String uri() {
    return uri;
  }

  /** Commits the merge onto the newest version; Lance carries it over what was committed since. */
  void commit() {
    Compaction.commitCompaction(ds, results, options);
  }

  @Override
  public void close() {
    ds.close();
  }
}

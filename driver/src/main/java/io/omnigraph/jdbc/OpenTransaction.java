package io.omnigraph.jdbc;

import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.write.GraphTransaction;

/**
 * The transaction a connection with auto-commit off holds from its first statement to
 * {@code commit()}/{@code rollback()}. On a writable connection it is an engine transaction, whose
 * reads see the start snapshot plus its own writes; on a read-only one it is just the snapshot
 * captured at the first statement, which gives the same repeatable reads.
 */
final class OpenTransaction {
  private final GraphTransaction writes;
  private final ReadView view;
  /**
   * Set when a statement failed unexpectedly (an internal error rather than a violated rule): its
   * changes were undone, but the transaction is not trusted to commit any more.
   */
  private boolean failed;

  private OpenTransaction(GraphTransaction writes, ReadView view) {
    this.writes = writes;
    this.view = view;
  }

  static OpenTransaction writable(GraphTransaction tx) {
    return new OpenTransaction(tx, tx);
  }

  static OpenTransaction readOnly(ReadView snapshot) {
    return new OpenTransaction(null, snapshot);
  }

  ReadView view() {
    return view;
  }

  /** The engine transaction; only writable connections open one. */
  GraphTransaction writes() {
    return writes;
  }

  boolean hasChanges() {
    return writes != null && writes.hasChanges();
  }

  boolean failed() {
    return failed;
  }

  void markFailed() {
    failed = true;
  }

  void discard() {
    if (writes != null && writes.isOpen()) writes.rollback();
  }
}

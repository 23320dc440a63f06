package io.omnigraph.engine.recovery;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer's open sidecar, from {@link RecoveryJournal#begin} to its publish. Tells the writer
 * the commit id to publish under, and on failure decides whether the sidecar must outlive the
 * writer: it does exactly when a table moved and the manifest did not publish it. Not
 * thread-safe: one writer, one thread.
 */
public final class JournalEntry {
  private static final Logger LOG = LoggerFactory.getLogger(JournalEntry.class);

  private final RecoveryJournal journal;
  private RecoverySidecar sidecar;
  private final boolean durable;
  private boolean moved;
  private boolean published;
  private boolean closed;

  JournalEntry(RecoveryJournal journal, RecoverySidecar sidecar, boolean durable) {
    this.journal = journal;
    this.sidecar = sidecar;
    this.durable = durable;
  }

  public String operationId() {
    return sidecar.operationId();
  }

  /** The id the writer's commit row must carry (and its Lance commits record), so recovery can recognise it. */
  public String commitId() {
    return sidecar.commitId();
  }

  public RecoverySidecar sidecar() {
    return sidecar;
  }

  /** True when a sidecar file was written. */
  boolean durable() {
    return durable;
  }

  /** Notes that a pinned table is committed at its post-commit pin. No I/O. */
  public void committed(String identity, long version) {
    moved = true;
  }

  /**
   * Notes that a pinned table reached {@code version} and records it in the sidecar, for writers
   * whose final version is not known up front; recovery then rolls forward only at that version.
   */
  public void confirm(String identity, long version) {
    moved = true;
    List<TablePin> next = new ArrayList<>();
    for (TablePin t : sidecar.tables()) next.add(t.identity().equals(identity) ? t.confirmed(version) : t);
    sidecar = sidecar.withTables(next);
    journal.write(sidecar);
  }

  /** Notes that the manifest publish landed; from here on the sidecar is only litter. */
  public void published() {
    published = true;
  }

  /** Deletes the sidecar after the publish. A failed delete only warns: the next open tidies it. */
  public void finish() {
    if (closed) return;
    closed = true;
    journal.stopped(sidecar);
    if (!durable) return;
    try {
      journal.delete(sidecar);
    } catch (RuntimeException e) {
      LOG.warn("could not delete recovery sidecar {} after its publish; the next read-write open removes it: {}",
          sidecar.path(), e.toString());
    }
  }

  /**
   * Settles the sidecar after the writer failed with {@code error} and returns what to throw. A
   * simulated crash leaves everything as a dead process would; a failure before any table moved
   * removes the sidecar; a failure between a table commit and the publish keeps it and becomes
   * {@link RecoveryRequired}.
   */
  public RuntimeException failed(RuntimeException error) {
    if (closed) return error;
    closed = true;
    journal.stopped(sidecar);
    if (error instanceof FailpointTriggered || published || !durable) return error;
    // A commit that failed may still have landed; only HEADs can tell.
    if (!moved) moved = journal.anyMoved(sidecar);
    if (!moved) {
      try {
        journal.delete(sidecar);
      } catch (RuntimeException e) {
        error.addSuppressed(e);
      }
      return error;
    }
    return new RecoveryRequired(sidecar.operationId(), "operation " + sidecar.operationId() + " committed tables on branch '"
        + sidecar.branchName() + "' but did not publish them (" + error.getMessage() + "); reopen the graph read-write"
        + " to recover", error);
  }
}

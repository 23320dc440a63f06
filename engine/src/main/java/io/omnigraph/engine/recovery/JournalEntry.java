package io.omnigraph.engine.recovery;

import io.omnigraph.engine.storage.StoreLock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer's open sidecar, from {@link RecoveryJournal#begin} to its publish. Tells the writer
 * the commit id to publish under, holds the sidecar's owner lock (the proof that its writer is
 * alive), and on failure settles what the writer left. Not
 * thread-safe: one writer, one thread.
 */
public final class JournalEntry {
  private static final Logger LOG = LoggerFactory.getLogger(JournalEntry.class);

  private final RecoveryJournal journal;
  private RecoverySidecar sidecar;
  /** The owner lock held while the sidecar exists; null when no sidecar was written. */
  private final StoreLock owner;
  private boolean moved;
  private boolean published;
  private boolean closed;

  JournalEntry(RecoveryJournal journal, RecoverySidecar sidecar, StoreLock owner) {
    this.journal = journal;
    this.sidecar = sidecar;
    this.owner = owner;
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
    return owner != null;
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
    if (!durable()) return;
    try {
      journal.delete(sidecar);
      journal.releaseClaim(sidecar.operationId(), owner);
    } catch (RuntimeException e) {
      owner.close();
      LOG.warn("could not delete recovery sidecar {} after its publish; the next read-write open removes it: {}",
          sidecar.path(), e.toString());
    }
  }

  /**
   * Settles the sidecar after the writer failed with {@code error} and returns what to throw. A
   * simulated crash leaves everything as a dead process would; a failure before any table moved
   * removes the sidecar; a failure between a table commit and the publish rolls the moved tables
   * back at once, so the caller sees {@code error} with nothing of its work left behind. Only when
   * that roll-back fails too does the sidecar outlive the writer, as {@link RecoveryRequired}, for
   * the next writer on the branch or the next read-write open to settle.
   */
  public RuntimeException failed(RuntimeException error) {
    if (closed) return error;
    closed = true;
    journal.stopped(sidecar);
    if (!durable()) return error;
    if (error instanceof FailpointTriggered || published) {
      owner.close();
      return error;
    }
    // A commit that failed may still have landed; only HEADs can tell.
    if (!moved) moved = journal.anyMoved(sidecar);
    try {
      if (moved) journal.settleOwn(sidecar);
      else journal.delete(sidecar);
      journal.releaseClaim(sidecar.operationId(), owner);
      return error;
    } catch (RuntimeException settle) {
      owner.close();
      error.addSuppressed(settle);
      if (!moved) return error;
      return new RecoveryRequired(sidecar.operationId(), "operation " + sidecar.operationId() + " committed tables on "
          + "branch '" + sidecar.branchName() + "' but did not publish them (" + error.getMessage() + ") and could not"
          + " roll them back (" + settle.getMessage() + "); the next write on the branch or read-write open recovers it",
          error);
    }
  }
}

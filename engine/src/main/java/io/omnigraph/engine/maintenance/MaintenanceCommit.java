package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.recovery.JournalEntry;
import io.omnigraph.engine.recovery.RecoveryIntent;
import io.omnigraph.engine.recovery.RecoverySweep;
import io.omnigraph.engine.recovery.TableClassifier;
import io.omnigraph.engine.recovery.TablePin;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.storage.ManifestRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commit of a maintenance writer: a recovery sidecar pinning exactly the tables it will move
 * (a pinned table that ends up unmoved would make recovery roll the others back), then one manifest
 * publish of their new versions with a commit row. Maintenance never changes rows, so a publish
 * that lost a race to a commit on other tables is simply redone on the new head.
 */
final class MaintenanceCommit {
  /** Crash point after every table effect and before the manifest publish. */
  static final String BEFORE_PUBLISH = "maintenance.before_publish";
  private static final int PUBLISH_ATTEMPTS = 5;

  private final EngineContext ctx;
  private final String branch;
  private final JournalEntry op;
  /** Held from the sidecar to the publish: maintenance moves table HEADs like any writer. */
  private final BranchLocks.Held lock;
  private boolean released;
  private final Map<Long, TableEntry> pinned = new LinkedHashMap<>();
  private final Map<Long, Long> reached = new LinkedHashMap<>();

  /** Writes the sidecar; {@code tables} are the pins the writer starts from, all on {@code branch}. */
  MaintenanceCommit(EngineContext ctx, WriterKind kind, String branch, List<TableEntry> tables) {
    this.ctx = ctx;
    this.branch = branch;
    List<TablePin> pins = new ArrayList<>();
    for (TableEntry e : tables) {
      pinned.put(e.stableTableId(), e);
      pins.add(TablePin.of(e, e.tableBranch(), e.version() + 1));
    }
    this.lock = ctx.branchLocks().acquire(branch);
    try {
      new RecoverySweep(ctx).runFor(branch);
      this.op = ctx.recovery().begin(new RecoveryIntent(kind, branch, null, pins));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** Properties for the Lance commits this writer makes itself, so recovery recognises them. */
  Map<String, String> commitProperties() {
    return Map.of(TableClassifier.COMMIT_ID_PROPERTY, op.commitId());
  }

  /** Records that a pinned table's work ended at {@code version}. */
  void reached(TableEntry table, long version) {
    if (version == table.version()) return;
    op.confirm(table.registrationId(), version);
    reached.put(table.stableTableId(), version);
  }

  /**
   * Publishes every table that moved, with one commit; publishes nothing when none did.
   *
   * @return the new manifest version, or -1 when nothing moved
   */
  long publish() {
    if (reached.isEmpty()) {
      op.finish();
      release();
      return -1;
    }
    ctx.failpoints().hit(BEFORE_PUBLISH);
    for (int attempt = 1; ; attempt++) {
      ManifestState base = ctx.latest(branch).state();
      requirePinsUnchanged(base);
      try {
        long version = ctx.publish(branch, base, rows(base));
        op.published();
        // Maintenance rewrites files, never rows: the next key check need not read the ids again.
        reached.forEach((sid, reachedVersion) -> {
          TableEntry e = pinned.get(sid);
          ctx.knownIds().sameRows(new TableRef(ctx.store().uri(e.location()), e.tableBranch(), e.version()),
              reachedVersion);
        });
        op.finish();
        release();
        return version;
      } catch (WriteConflict e) {
        if (attempt >= PUBLISH_ATTEMPTS) throw e;
      }
    }
  }

  /** Settles the sidecar after a failure and returns what to throw. */
  RuntimeException failed(RuntimeException error) {
    try {
      return op.failed(error);
    } finally {
      release();
    }
  }

  private void release() {
    if (released) return;
    released = true;
    lock.close();
  }

  private void requirePinsUnchanged(ManifestState base) {
    for (TableEntry before : pinned.values()) {
      TableEntry now = base.table(before.stableTableId());
      if (now == null || now.incarnationId() != before.incarnationId() || now.version() != before.version()
          || !Objects.equals(now.tableBranch(), before.tableBranch())) {
        throw new WriteConflict("table " + before.tableKey() + " on branch '" + branch
            + "' changed while maintenance ran on it");
      }
    }
  }

  private List<ManifestRow> rows(ManifestState base) {
    List<ManifestRow> rows = new ArrayList<>();
    reached.forEach((sid, version) -> {
      TableEntry e = base.table(sid);
      rows.add(ManifestState.versionRow(new TableEntry(e.tableKey(), sid, e.incarnationId(), e.location(), version,
          e.tableBranch(), e.rowCount())));
    });
    GraphCommit commit = new GraphCommit(op.commitId(), branch.equals("main") ? null : branch, base.version() + 1,
        base.headCommitId(), null, null, nowMicros());
    rows.add(ManifestState.commitRow(commit));
    rows.add(ManifestState.headRow(branch, commit.id(), base.headCommitId()));
    return rows;
  }

  private static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}

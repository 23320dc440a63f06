package io.omnigraph.engine.write;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.PreconditionFailed;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.recovery.Failpoints;
import io.omnigraph.engine.recovery.JournalEntry;
import io.omnigraph.engine.recovery.RecoveryIntent;
import io.omnigraph.engine.recovery.TableClassifier;
import io.omnigraph.engine.recovery.TablePin;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.StagedWrite;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a transaction durable (SPEC §4.2): take the touched tables' queues, capture the branch's
 * current head, validate, stage every table, then under the branch's publish lock commit each
 * staged table (one Lance version each) and publish one manifest version carrying the new table
 * versions, the commit row and the moved head. Any failure before the publish leaves every
 * published pointer where it was; a recovery sidecar spans the table commits and the publish, so a
 * crash between them is settled by the next read-write open.
 */
final class CommitPipeline {
  private final EngineContext ctx;
  private final String branch;
  private final String actor;
  private Snapshot base;
  private final Map<EntityType, PendingTable> touched;
  private final boolean readsCommitted;
  private final String mergedParent;
  private final WriterKind writerKind;
  private final String expectedHead;

  CommitPipeline(EngineContext ctx, String branch, String actor, Snapshot base, Map<EntityType, PendingTable> touched,
      boolean readsCommitted, String mergedParent, WriterKind writerKind, String expectedHead) {
    this.expectedHead = expectedHead;
    this.mergedParent = mergedParent;
    this.writerKind = writerKind;
    this.ctx = ctx;
    this.branch = branch;
    this.actor = actor;
    this.base = base;
    this.touched = touched;
    this.readsCommitted = readsCommitted;
  }

  GraphCommit run() {
    List<String> keys = touched.keySet().stream().map(EntityType::tableKey).toList();
    try (WriteQueues.Held held = ctx.queues().acquireTables(branch, keys)) {
      Snapshot start = ctx.latest(branch);
      checkExpectedHead(start);
      rebaseOrRefuse(start, false);
      new Validator(base, touched).validate();
      Map<EntityType, StagedWrite> staged = stageAll();
      ctx.failpoints().hit(Failpoints.COMMIT_AFTER_STAGE);
      ctx.queues().acquirePublish(held, branch);
      Snapshot head = ctx.latest(branch);
      checkExpectedHead(head);
      if (head.manifestVersion() != base.manifestVersion()) {
        rebaseOrRefuse(head, true);
        new Validator(base, touched).validate();
      }
      return publish(staged);
    }
  }

  /**
   * Work that only adds rows can move onto a newer head and be validated again there; work that read
   * committed rows to decide its changes cannot, because what it read may no longer hold.
   */
  private void checkExpectedHead(Snapshot head) {
    if (expectedHead != null && !expectedHead.equals(head.headCommitId())) {
      throw new PreconditionFailed(branch, expectedHead, head.headCommitId());
    }
  }

  private void rebaseOrRefuse(Snapshot head, boolean staged) {
    if (head.manifestVersion() == base.manifestVersion()) return;
    if (readsCommitted) {
      throw new WriteConflict("branch '" + branch + "' moved from commit " + base.headCommitId() + " to "
          + head.headCommitId() + " since this transaction read it; retry the transaction");
    }
    // Staged deletion vectors and forks were computed against the pinned table versions; only a
    // writer outside this process can move a table whose queue we hold.
    for (EntityType t : staged ? touched.keySet() : java.util.Set.<EntityType>of()) {
      TableEntry before = base.entry(t);
      TableEntry now = head.entry(t);
      if (before.version() != now.version() || !java.util.Objects.equals(before.tableBranch(), now.tableBranch())) {
        throw new WriteConflict("table " + t.name() + " on branch '" + branch
            + "' changed while this transaction was prepared; retry the transaction");
      }
    }
    base = head;
  }

  private Map<EntityType, StagedWrite> stageAll() {
    Map<EntityType, StagedWrite> out = new LinkedHashMap<>();
    for (Map.Entry<EntityType, PendingTable> e : touched.entrySet()) {
      EntityType type = e.getKey();
      PendingTable p = e.getValue();
      TableRef ref = writableRef(type);
      out.put(type, ctx.tables().stage(ref, type, p.replaceAll ? List.of() : p.idsToRemove(), p.replaceAll,
          new ArrayList<>(p.upserts.values())));
    }
    return out;
  }

  /** The table version to write on; the first write to a table on a branch forks it there. */
  private TableRef writableRef(EntityType type) {
    TableRef ref = base.ref(type);
    if (branch.equals("main") || branch.equals(ref.lanceBranch())) return ref;
    ctx.tables().fork(ref, branch);
    return new TableRef(ref.uri(), branch, ref.version());
  }

  private GraphCommit publish(Map<EntityType, StagedWrite> staged) {
    Failpoints failpoints = ctx.failpoints();
    List<TablePin> pins = new ArrayList<>();
    staged.forEach((type, w) -> {
      if (!w.empty()) pins.add(TablePin.of(base.entry(type), w.lanceBranch(), w.readVersion() + 1));
    });
    JournalEntry journal = ctx.recovery().begin(new RecoveryIntent(writerKind, branch, actor, mergedParent, pins));
    try {
      failpoints.hit(Failpoints.COMMIT_AFTER_SIDECAR);
      String commitId = journal.commitId();
      List<ManifestRow> rows = new ArrayList<>();
      Map<String, String> props = Map.of(TableClassifier.COMMIT_ID_PROPERTY, commitId);
      for (Map.Entry<EntityType, StagedWrite> e : staged.entrySet()) {
        StagedWrite w = e.getValue();
        if (w.empty()) continue;
        TableEntry before = base.entry(e.getKey());
        long version = ctx.tables().commit(w, props);
        journal.committed(before.registrationId(), version);
        if (rows.isEmpty()) failpoints.hit(Failpoints.COMMIT_AFTER_TABLE_COMMIT);
        long rowCount = Math.max(0, before.rowCount() + w.rowsAdded() - w.rowsRemoved());
        rows.add(ManifestState.versionRow(new TableEntry(before.tableKey(), before.stableTableId(), before.incarnationId(),
            before.location(), version, w.lanceBranch(), rowCount)));
      }
      GraphCommit commit = new GraphCommit(commitId, branch.equals("main") ? null : branch, base.manifestVersion() + 1,
          base.headCommitId(), mergedParent, actor, nowMicros());
      rows.add(ManifestState.commitRow(commit));
      rows.add(ManifestState.headRow(branch, commitId, base.headCommitId()));
      failpoints.hit(Failpoints.COMMIT_BEFORE_PUBLISH);
      ctx.publish(branch, base.state(), rows);
      journal.published();
      failpoints.hit(Failpoints.COMMIT_AFTER_PUBLISH_BEFORE_SIDECAR_DELETE);
      journal.finish();
      return commit;
    } catch (RuntimeException e) {
      throw journal.failed(e);
    }
  }

  static long nowMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }
}

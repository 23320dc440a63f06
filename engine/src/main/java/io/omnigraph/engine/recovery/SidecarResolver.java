package io.omnigraph.engine.recovery;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles one sidecar against the current state of its own branch (SPEC §7): classify every
 * pinned table, decide for the sidecar as a whole, carry the decision out, audit it, and only
 * then delete the sidecar. Each step is safe to repeat if recovery itself is interrupted.
 */
final class SidecarResolver {
  /** The actor of commits recovery makes on its own behalf. */
  static final String RECOVERY_ACTOR = "omnigraph:recovery";

  private final EngineContext ctx;
  private final RecoveryAudit audit;

  SidecarResolver(EngineContext ctx, RecoveryAudit audit) {
    this.ctx = ctx;
    this.audit = audit;
  }

  /** One pinned table as found: P is the manifest pin, head the Lance HEAD on the pin's branch. */
  private record Found(TablePin pin, TableEntry entry, long pinned, long head, TableClass tableClass) {
    boolean moved() {
      return head > pinned;
    }
  }

  RecoveryRecord resolve(RecoverySidecar s) {
    return resolve(s, false);
  }

  /**
   * @param ownFailure the writer itself gave up after an error: whatever it moved is rolled back,
   *     never published, since it reports the failure to its caller
   */
  RecoveryRecord resolve(RecoverySidecar s, boolean ownFailure) {
    if (!new Branches(ctx).exists(s.branchName())) {
      return finish(s, RecoveryKind.OrphanedBranchDiscarded, s.commitId() == null ? s.operationId() : s.commitId(), List.of());
    }
    ManifestState state = ctx.latest(s.branchName()).state();
    List<Found> found = new ArrayList<>();
    for (TablePin pin : s.tables()) found.add(find(s, pin, state));
    boolean published = s.commitId() != null && state.commit(s.commitId()) != null;
    List<Boolean> pinsMatch = s.commitId() != null ? List.of()
        : found.stream().map(f -> f.pinned() == finalPin(f.pin())).toList();
    TableClassifier.Decision decision = TableClassifier.decide(s.writerKind(), published,
        found.stream().map(Found::tableClass).toList(), pinsMatch);
    if (ownFailure && decision == TableClassifier.Decision.RollForward) decision = TableClassifier.Decision.RollBack;
    return switch (decision) {
      case Abort -> throw abort(s, found);
      case AlreadyPublished -> finish(s, RecoveryKind.RolledForward, s.commitId() == null ? state.headCommitId() : s.commitId(),
          found.stream().map(f -> new TableOutcome(f.pin().tableKey(), f.pin().expectedVersion(), finalPin(f.pin()))).toList());
      case RollForward -> rollForward(s, state, found);
      case RollBack -> rollBack(s, found);
    };
  }

  private Found find(RecoverySidecar s, TablePin pin, ManifestState state) {
    TableEntry entry = state.table(pin.stableTableId());
    if (entry == null || !entry.registrationId().equals(pin.identity())) {
      throw new RecoveryRequired(s.operationId(), "recovery of " + s.path() + " cannot find table " + pin.tableKey() + " ("
          + pin.identity() + ") in the manifest of branch '" + s.branchName() + "'; the sidecar is kept");
    }
    long head = LanceHeads.head(ctx, pin);
    // A reclaimed fork took the writer's effects with it: nothing is left to publish or undo.
    if (head == LanceHeads.GONE) head = entry.version();
    String headCommit = head > entry.version() ? LanceHeads.headCommitId(ctx, pin) : null;
    TableClass c = TableClassifier.classify(s.writerKind(), pin, entry.version(), head, headCommit, s.commitId());
    return new Found(pin, entry, entry.version(), head, c);
  }

  private static long finalPin(TablePin pin) {
    return pin.confirmedVersion() != null ? pin.confirmedVersion() : pin.postCommitPin();
  }

  private RecoveryRequired abort(RecoverySidecar s, List<Found> found) {
    StringBuilder why = new StringBuilder();
    for (Found f : found) {
      if (f.tableClass() != TableClass.InvariantViolation) continue;
      why.append(" table ").append(f.pin().tableKey()).append(" has Lance HEAD ").append(f.head())
          .append(" behind its manifest pin ").append(f.pinned()).append(';');
    }
    return new RecoveryRequired(s.operationId(), "recovery of " + s.path() + " (" + s.writerKind() + " on branch '"
        + s.branchName() + "') stopped:" + why + " InvariantViolation; the sidecar is kept for inspection");
  }

  /** Publishes every table's HEAD as the writer's own commit. */
  private RecoveryRecord rollForward(RecoverySidecar s, ManifestState base, List<Found> found) {
    List<ManifestRow> rows = new ArrayList<>();
    List<TableOutcome> outcomes = new ArrayList<>();
    for (Found f : found) {
      TableEntry e = f.entry();
      long count = ctx.tables().count(new TableRef(LanceHeads.uri(ctx, f.pin()), f.pin().tableBranch(), f.head()), null);
      rows.add(ManifestState.versionRow(new TableEntry(e.tableKey(), e.stableTableId(), e.incarnationId(), e.location(),
          f.head(), f.pin().tableBranch(), count)));
      outcomes.add(new TableOutcome(f.pin().tableKey(), f.pinned(), f.head()));
    }
    String commitId = s.commitId() == null ? ctx.newId() : s.commitId();
    publish(s.branchName(), base, rows, commitId, s.mergeSourceCommitId(), s.actorId());
    return finish(s, RecoveryKind.RolledForward, commitId, outcomes);
  }

  /**
   * Restores every moved table to its pin and publishes the restored HEADs, so that published ==
   * HEAD again and the next writer's expected-version check passes.
   */
  private RecoveryRecord rollBack(RecoverySidecar s, List<Found> found) {
    List<ManifestRow> rows = new ArrayList<>();
    List<TableOutcome> outcomes = new ArrayList<>();
    for (Found f : found) {
      outcomes.add(new TableOutcome(f.pin().tableKey(), f.head(), f.pinned()));
      if (!f.moved()) continue;
      long restored = LanceHeads.restoreToPin(ctx, f.pin(), f.pinned());
      TableEntry e = f.entry();
      rows.add(ManifestState.versionRow(new TableEntry(e.tableKey(), e.stableTableId(), e.incarnationId(), e.location(),
          restored, f.pin().tableBranch(), e.rowCount())));
    }
    ctx.failpoints().hit(Failpoints.RECOVERY_AFTER_RESTORE);
    // Refreshed: the restores above took time, and the commit must chain onto the newest head.
    ManifestState base = ctx.latest(s.branchName()).state();
    String commitId = base.headCommitId();
    if (!rows.isEmpty()) {
      commitId = ctx.newId();
      publish(s.branchName(), base, rows, commitId, null, RECOVERY_ACTOR);
    }
    return finish(s, RecoveryKind.RolledBack, commitId, outcomes);
  }

  private void publish(String branch, ManifestState base, List<ManifestRow> rows, String commitId, String mergedParent,
      String actor) {
    boolean main = branch.equals("main");
    GraphCommit commit = new GraphCommit(commitId, main ? null : branch, base.version() + 1, base.headCommitId(),
        mergedParent, actor, RecoveryJournal.nowMicros());
    List<ManifestRow> all = new ArrayList<>(rows);
    all.add(ManifestState.commitRow(commit));
    all.add(ManifestState.headRow(branch, commitId, base.headCommitId()));
    ctx.publish(branch, base, all);
    ctx.failpoints().hit(Failpoints.RECOVERY_AFTER_PUBLISH);
  }

  private RecoveryRecord finish(RecoverySidecar s, RecoveryKind kind, String commitId, List<TableOutcome> outcomes) {
    RecoveryRecord r = new RecoveryRecord(commitId, kind, s.actorId(), s.operationId(), s.writerKind(), outcomes,
        RecoveryJournal.nowMicros());
    audit.record(r);
    ctx.recovery().delete(s);
    return r;
  }
}

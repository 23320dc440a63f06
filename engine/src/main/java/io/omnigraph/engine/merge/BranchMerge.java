package io.omnigraph.engine.merge;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchName;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.write.CommitLog;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.WriteQueues;
import java.util.List;

/**
 * Merges one graph branch into another (SPEC §5). The source is only read. The target is written
 * through one {@link GraphTransaction} on the target alone, begun on exactly the target head the
 * merge read; the merge holds the target's write locks from reading its head to publishing, so
 * writers on the target (in any process) wait for it rather than starve it. No state is shared
 * between merges: merges into different targets run in parallel without seeing each other.
 */
public final class BranchMerge {
  private final EngineContext ctx;
  /** Runs after both heads are captured; lets tests land a write inside the merge window. */
  private final Runnable afterCapture;

  public BranchMerge(EngineContext ctx) {
    this(ctx, () -> { });
  }

  BranchMerge(EngineContext ctx, Runnable afterCapture) {
    this.ctx = ctx;
    this.afterCapture = afterCapture;
  }

  /**
   * Merges {@code source} into {@code target}.
   *
   * <p>Already up to date: nothing is written. Fast forward and merged: exactly one commit is
   * appended on the target, whose parent is the target's previous head and whose merged parent is
   * the source head, so merging the same pair again is already up to date. With {@code dryRun}
   * the outcome and every conflict are computed and nothing is published.
   *
   * @param actor recorded on the merge commit; may be null
   * @throws MergeConflictException (not for dry runs) when rows conflict or the merged graph breaks
   *     a rule; the target is then unchanged
   * @throws WriteConflict when the target moved while the merge ran
   */
  public MergeResult merge(String source, String target, String actor, boolean dryRun) {
    if (source == null || target == null) throw OmniGraphException.badInput("branch_merge requires a source and a target branch");
    if (source.equals(target)) throw OmniGraphException.badInput("branch_merge requires distinct source and target branches");
    requireMergeable(source);
    requireMergeable(target);
    // A merge reads main as it is with every commit its log acknowledged.
    if (source.equals(CommitLog.MAIN) || target.equals(CommitLog.MAIN)) ctx.commitLog().settle();
    if (dryRun) return mergeHeld(source, target, actor, true);
    ctx.checkWritable();
    // Writers on the target wait while the merge computes, so a busy target cannot starve it.
    List<String> tables = ctx.catalog().allTypes().stream().map(t -> t.tableKey()).toList();
    try (WriteQueues.Held held = ctx.queues().acquireBranch(target, tables, ctx.branchLocks())) {
      if (target.equals(CommitLog.MAIN)) {
        // Commits appended to main's log meanwhile would move the target under the merge.
        held.add(ctx.branchLocks().acquireLog(CommitLog.MAIN));
        ctx.commitLog().foldLocked();
      }
      return mergeHeld(source, target, actor, false);
    }
  }

  private MergeResult mergeHeld(String source, String target, String actor, boolean dryRun) {
    Snapshot sourceHead = ctx.latest(source);
    Snapshot targetHead = ctx.latest(target);
    afterCapture.run();
    String s = sourceHead.headCommitId();
    String t = targetHead.headCommitId();
    if (s.equals(t)) return new MergeResult(MergeOutcome.ALREADY_UP_TO_DATE, null, List.of());
    CommitGraph history = new CommitGraph(ctx, List.of(sourceHead, targetHead));
    GraphCommit base = history.mergeBase(s, t).orElseThrow(() -> OmniGraphException.state(
        "branches '" + source + "' and '" + target + "' share no commit"));
    if (base.id().equals(s)) return new MergeResult(MergeOutcome.ALREADY_UP_TO_DATE, null, List.of());
    boolean fastForward = base.id().equals(t);
    MergeOutcome outcome = fastForward ? MergeOutcome.FAST_FORWARD : MergeOutcome.MERGED;
    Snapshot baseState = fastForward ? targetHead : history.stateAt(base, List.of(source, target));
    // Rows can be read by version stamp only along one table lineage: the source's history must hold the base.
    boolean sourceDescends = sourceHead.state().commit(base.id()) != null;
    ThreeWayMerge.Plan plan = new ThreeWayMerge(new TableDiff(ctx.tables()), baseState, sourceHead, targetHead,
        sourceDescends).plan();
    if (!plan.conflicts().isEmpty()) return refuse(source, target, outcome, plan.conflicts(), dryRun);
    List<MergeConflict> orphans = OrphanEdges.find(targetHead, plan.delta());
    if (!orphans.isEmpty()) return refuse(source, target, outcome, orphans, dryRun);
    if (dryRun && ctx.readOnly()) return new MergeResult(outcome, null, List.of());
    try (GraphTransaction tx = new GraphTransaction(ctx, target, actor)) {
      if (tx.manifestVersion() != targetHead.manifestVersion()) {
        throw new WriteConflict("branch '" + target + "' moved from commit " + t + " to " + tx.headCommitId()
            + " while merging '" + source + "' into it; retry the merge");
      }
      try {
        plan.delta().applyTo(tx);
        if (dryRun) {
          tx.validate();
          return new MergeResult(outcome, null, List.of());
        }
        return new MergeResult(outcome, tx.commitAsMerge(s).id(), List.of());
      } catch (ConstraintViolation v) {
        return refuse(source, target, outcome, List.of(MergeConflict.of(v)), dryRun);
      }
    }
  }

  private void requireMergeable(String branch) {
    if (BranchName.isInternal(branch)) {
      throw OmniGraphException.badInput("branch_merge does not allow internal system ref '" + branch + "'");
    }
    if (!new Branches(ctx).exists(branch)) throw OmniGraphException.notFound("branch '" + branch + "' not found");
  }

  private static MergeResult refuse(String source, String target, MergeOutcome outcome, List<MergeConflict> conflicts,
      boolean dryRun) {
    if (dryRun) return new MergeResult(outcome, null, conflicts);
    throw new MergeConflictException(source, target, conflicts);
  }
}

package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchName;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.recovery.RecoveryRequired;
import java.util.List;

/**
 * Index builds, compaction and version garbage collection of one graph (SPEC §9). Indexes are
 * derived state: reads are correct without them, and no maintenance operation changes a row.
 */
public final class Maintenance {
  private final EngineContext ctx;

  public Maintenance(EngineContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Builds every index the catalog wants (BTREE on identity columns, by type on {@code @key} and
   * {@code @index} properties) that a table of {@code branch} lacks: each table's indexes land as
   * one new Lance version, all of them published in one commit, none if nothing was built. Vector
   * indexes on tables with too few vectors to train stay pending.
   */
  public IndexBuildResult ensureIndices(String branch) {
    ctx.checkWritable();
    if (BranchName.isInternal(branch)) {
      throw OmniGraphException.badInput("ensure_indices does not allow internal system ref '" + branch + "'");
    }
    if (!new Branches(ctx).exists(branch)) throw OmniGraphException.notFound("branch '" + branch + "' not found");
    ctx.autoCompaction().awaitQueued();
    return new IndexBuild(ctx).run(branch);
  }

  /**
   * Compacts every main table, folds new rows into existing indexes and builds missing ones,
   * publishing the changed tables in one commit (none if nothing changed). Never deletes versions.
   *
   * @throws RecoveryRequired while an interrupted writer awaits recovery
   */
  public OptimizeResult optimize() {
    ctx.checkWritable();
    requireNoPendingRecovery("optimize");
    ctx.autoCompaction().awaitQueued();
    return new Optimizer(ctx).run();
  }

  /**
   * Deletes old table versions, keeping the newest {@code keepVersions} of each table and any
   * older one a live branch still pins or forked from. Creates no commit.
   *
   * @throws RecoveryRequired while an interrupted writer awaits recovery
   */
  public CleanupResult cleanup(int keepVersions) {
    ctx.checkWritable();
    requireNoPendingRecovery("cleanup");
    return new Cleaner(ctx).run(keepVersions);
  }

  private void requireNoPendingRecovery(String operation) {
    // A background compaction of this handle, or a commit of another process, owns its sidecar only
    // while it runs: refusing for it would fail OPTIMIZE whenever it raced a commit.
    List<String> pending = ctx.recovery().abandonedPaths();
    if (pending.isEmpty()) return;
    String path = pending.get(0);
    String operationId = path.substring(path.lastIndexOf('/') + 1).replace(".json", "");
    throw new RecoveryRequired(operationId, operation + " refuses while recovery sidecar " + path
        + " is pending; reopen the graph read-write to settle it");
  }
}

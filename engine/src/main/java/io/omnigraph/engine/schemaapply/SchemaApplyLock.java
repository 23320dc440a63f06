package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.storage.InternalBranches;
import io.omnigraph.engine.storage.StoreLock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph-wide schema apply lock: an internal manifest branch that exists while an apply runs,
 * plus an owner lock its applier holds. The branch makes the apply visible to every process sharing
 * the graph, and is what makes branch create/delete/merge refuse during an apply; the owner lock
 * tells a live apply from a stranded branch left by an applier that died, which the next one to
 * look removes instead of being blocked by it forever.
 */
final class SchemaApplyLock implements AutoCloseable {
  static final String BRANCH = "__schema_apply_lock__";
  static final String IN_PROGRESS = "schema apply is already in progress";
  private static final Logger LOG = LoggerFactory.getLogger(SchemaApplyLock.class);
  private static final String OWNER = BranchLocks.DIR + "/schema-apply.lock";

  private final EngineContext ctx;
  private final StoreLock owner;

  private SchemaApplyLock(EngineContext ctx, StoreLock owner) {
    this.ctx = ctx;
    this.owner = owner;
  }

  /** True while a live applier, in any process, holds the lock. */
  static boolean held(EngineContext ctx) {
    if (!ctx.manifest().branchNames().contains(BRANCH)) return false;
    if (ctx.readOnly()) return true;
    Optional<StoreLock> owner = ctx.store().tryLock(OWNER);
    if (owner.isEmpty()) return true;
    try (StoreLock claimed = owner.get()) {
      releaseStranded(ctx);
    }
    return false;
  }

  /** Takes the lock, or fails if any apply (of any process) holds it. */
  static SchemaApplyLock acquire(EngineContext ctx) {
    StoreLock owner = ctx.store().tryLock(OWNER).orElseThrow(() -> OmniGraphException.state(IN_PROGRESS));
    try {
      releaseStranded(ctx);
      InternalBranches.create(ctx.manifest(), BRANCH);
    } catch (RuntimeException e) {
      owner.close();
      throw e;
    }
    return new SchemaApplyLock(ctx, owner);
  }

  /** Removes the branch of an applier that died; called only while holding the owner lock. */
  private static void releaseStranded(EngineContext ctx) {
    if (!ctx.manifest().branchNames().contains(BRANCH)) return;
    LOG.warn("removing the schema apply lock left by an applier that is no longer running");
    ctx.manifest().deleteBranch(BRANCH);
    ctx.forgetBranch(BRANCH);
  }

  @Override
  public void close() {
    try {
      ctx.manifest().deleteBranch(BRANCH);
      ctx.forgetBranch(BRANCH);
    } finally {
      owner.close();
    }
  }
}

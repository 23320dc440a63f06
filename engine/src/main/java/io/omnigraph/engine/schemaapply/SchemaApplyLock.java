package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.InternalBranches;

/**
 * The graph-wide schema apply lock: an internal manifest branch that exists exactly while an apply
 * runs. Being a branch makes it visible to every process sharing the graph, and it is what makes
 * branch create/delete/merge refuse during an apply.
 */
final class SchemaApplyLock implements AutoCloseable {
  static final String BRANCH = "__schema_apply_lock__";
  static final String IN_PROGRESS = "schema apply is already in progress";

  private final EngineContext ctx;

  private SchemaApplyLock(EngineContext ctx) {
    this.ctx = ctx;
  }

  static boolean held(EngineContext ctx) {
    return ctx.manifest().branchNames().contains(BRANCH);
  }

  /** Takes the lock, or fails if any apply (of any process) holds it. */
  static SchemaApplyLock acquire(EngineContext ctx) {
    if (held(ctx)) throw OmniGraphException.state(IN_PROGRESS);
    try {
      InternalBranches.create(ctx.manifest(), BRANCH);
    } catch (OmniGraphException e) {
      // Two appliers can pass the check together; Lance lets only one create the branch.
      if (held(ctx)) throw OmniGraphException.state(IN_PROGRESS);
      throw e;
    }
    return new SchemaApplyLock(ctx);
  }

  @Override
  public void close() {
    ctx.manifest().deleteBranch(BRANCH);
    ctx.forgetBranch(BRANCH);
  }
}

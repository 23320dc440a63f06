package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchName;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.error.OmniGraphException;

/**
 * Index builds of one graph (SPEC §9). Indexes are derived state: reads are correct without them,
 * and no maintenance operation changes a row.
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
    return new IndexBuild(ctx).run(branch);
  }
}

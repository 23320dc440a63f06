package io.omnigraph.engine.schemaapply;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.SchemaFiles;
import io.omnigraph.engine.commit.BranchName;
import io.omnigraph.engine.error.OmniGraphException;
import java.util.List;
import java.util.Optional;

/**
 * Plans and applies schema migrations of one graph (SPEC §6). Types and properties keep their
 * stable identity across renames ({@code @rename_from}), so renamed data stays readable, also at
 * manifest versions from before the rename.
 */
public final class SchemaApply {
  private final EngineContext ctx;

  /** True while an apply holds the graph-wide lock (in this or another process). */
  public static boolean inProgress(EngineContext ctx) {
    return SchemaApplyLock.held(ctx);
  }

  public SchemaApply(EngineContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The steps that would take the accepted schema to {@code desiredSource}. Writes nothing and
   * takes no lock.
   *
   * @throws io.omnigraph.engine.schema.SchemaException if the desired source does not compile
   * @throws OmniGraphException STATE if the accepted schema files disagree (e.g. a hand-edited
   *     {@code _schema.pg})
   */
  public SchemaPlan plan(String desiredSource) {
    return propose(desiredSource).plan();
  }

  /**
   * Applies {@code desiredSource} as one commit on main: new tables, rewrites of tables whose
   * columns change, tombstones of dropped types and the new schema files, all visible at once. An
   * unchanged schema (comments, whitespace, enum order) returns {@code applied=false} and commits
   * nothing.
   *
   * @param allowDataLoss turns every drop into a hard drop whose old data is garbage-collected
   * @throws OmniGraphException STATE if a branch other than main exists or another apply runs;
   *     BAD_INPUT, with the first unsupported step's message, if the plan is unsupported. Either
   *     way nothing is written.
   */
  public SchemaApplyResult apply(String desiredSource, boolean allowDataLoss) {
    ctx.checkWritable();
    requireOnlyMain();
    if (SchemaApplyLock.held(ctx)) throw OmniGraphException.state(SchemaApplyLock.IN_PROGRESS);
    Proposal proposal = checked(propose(desiredSource));
    if (proposal.plan().unchanged()) return unchanged();
    try (SchemaApplyLock lock = SchemaApplyLock.acquire(ctx)) {
      // Another process may have branched or applied between the checks and the lock.
      requireOnlyMain();
      Proposal current = checked(propose(desiredSource));
      if (current.plan().unchanged()) return unchanged();
      List<SchemaStep> steps = current.steps(allowDataLoss);
      long version = new SchemaMigration(ctx, current, allowDataLoss).run();
      return new SchemaApplyResult(true, true, version, steps);
    }
  }

  private Proposal propose(String desiredSource) {
    return Proposal.between(SchemaFiles.read(ctx.store()), desiredSource);
  }

  private static Proposal checked(Proposal p) {
    p.plan().firstUnsupported().ifPresent(u -> {
      throw OmniGraphException.badInput(u.message());
    });
    return p;
  }

  private SchemaApplyResult unchanged() {
    return new SchemaApplyResult(true, false, ctx.manifest().latestVersion(BranchName.MAIN), List.of());
  }

  /**
   * Why {@link #apply} would be refused now, before looking at the desired schema: another branch
   * exists (an apply rewrites main's tables, which branches share), or another apply holds the
   * lock. Empty when nothing stands in the way.
   */
  public Optional<String> refusal() {
    Optional<String> branches = otherBranches();
    if (branches.isPresent()) return branches;
    return SchemaApplyLock.held(ctx) ? Optional.of(SchemaApplyLock.IN_PROGRESS) : Optional.empty();
  }

  private void requireOnlyMain() {
    otherBranches().ifPresent(m -> {
      throw OmniGraphException.state(m);
    });
  }

  private Optional<String> otherBranches() {
    List<String> others = ctx.manifest().branchNames().stream().filter(b -> !BranchName.isInternal(b)).toList();
    if (others.isEmpty()) return Optional.empty();
    return Optional.of("schema apply requires a graph with only main; found non-main branches: "
        + String.join(", ", others) + " (merge what you need into main, then DROP BRANCH each)");
  }
}

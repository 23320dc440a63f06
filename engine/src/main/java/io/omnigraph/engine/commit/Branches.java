package io.omnigraph.engine.commit;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.ManifestRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, lists and deletes graph branches. A branch is a Lance branch of the manifest; tables
 * are forked lazily on a branch's first write to them, so creating a branch costs the same on
 * any graph size. Creation publishes the branch's own head row (no commit) so that the first
 * concurrent publishers on the new branch still contend for one row.
 */
public final class Branches {
  private final EngineContext ctx;

  public Branches(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Every live branch name, internal ones included. */
  public List<String> names() {
    List<String> out = new ArrayList<>();
    out.add(BranchName.MAIN);
    out.addAll(ctx.manifest().branchNames());
    return out;
  }

  public boolean exists(String name) {
    return name.equals(BranchName.MAIN) || ctx.manifest().branchNames().contains(name);
  }

  /** Creates {@code name} at the current head of {@code from}. */
  public BranchInfo create(String name, String from) {
    ctx.checkWritable();
    try (BranchLocks.Held names = ctx.branchLocks().acquireBranchNames()) {
      return createLocked(name, from);
    }
  }

  private BranchInfo createLocked(String name, String from) {
    if (name != null && name.strip().equals(BranchName.MAIN)) throw OmniGraphException.badInput("cannot create branch 'main'");
    BranchName branch = new BranchName(name);
    if (BranchName.isInternal(branch.value())) {
      throw OmniGraphException.badInput("branch create does not allow internal system ref '" + branch.value() + "'");
    }
    if (!exists(from)) throw OmniGraphException.notFound("branch '" + from + "' not found");
    for (String existing : names()) {
      if (existing.equals(branch.value())) throw OmniGraphException.state("branch '" + existing + "' already exists");
      if (!existing.equals(BranchName.MAIN) && branch.overlaps(existing)) {
        throw OmniGraphException.state("branch '" + branch.value() + "' conflicts with branch '" + existing
            + "': a physical Lance path cannot hold a branch and its ancestors or descendants");
      }
    }
    Snapshot source = ctx.latest(from);
    ctx.manifest().createBranch(branch.value(), from, source.manifestVersion());
    ManifestState base = ctx.at(branch.value(), source.manifestVersion()).state();
    ManifestRow head = ManifestState.headRow(branch.value(), source.headCommitId(), null);
    long version = ctx.publish(branch.value(), base, List.of(head));
    return new BranchInfo(branch.value(), source.headCommitId(), from, version);
  }

  /**
   * Deletes a branch and its table forks. Refused for main, and while another branch still reads
   * tables this branch physically owns.
   */
  public void delete(String name) {
    ctx.checkWritable();
    try (BranchLocks.Held names = ctx.branchLocks().acquireBranchNames();
        BranchLocks.Held branch = ctx.branchLocks().acquire(name)) {
      deleteLocked(name);
    }
  }

  private void deleteLocked(String name) {
    if (name.equals(BranchName.MAIN)) throw OmniGraphException.badInput("cannot delete branch 'main'");
    if (BranchName.isInternal(name)) {
      throw OmniGraphException.badInput("branch delete does not allow internal system ref '" + name + "'");
    }
    if (!exists(name)) throw OmniGraphException.notFound("branch '" + name + "' not found");
    for (String other : names()) {
      if (other.equals(name)) continue;
      if (!other.equals(BranchName.MAIN) && name.equals(ctx.manifest().parentOf(other))) {
        throw OmniGraphException.state("cannot delete branch '" + name + "' because branch '" + other
            + "' still depends on it (it was created from it)");
      }
      for (TableEntry e : ctx.latest(other).state().tables()) {
        if (name.equals(e.tableBranch())) {
          throw OmniGraphException.state("cannot delete branch '" + name + "' because branch '" + other
              + "' still depends on it");
        }
      }
    }
    List<TableEntry> owned = ctx.latest(name).state().tables().stream().filter(e -> name.equals(e.tableBranch())).toList();
    ctx.manifest().deleteBranch(name);
    ctx.forgetBranch(name);
    for (TableEntry e : owned) {
      try {
        ctx.tables().deleteFork(ctx.store().uri(e.location()), name);
      } catch (OmniGraphException ignored) {
        // Reclaiming forked storage is best effort; a stale fork is replaced on the next fork.
      }
    }
  }

  public List<BranchInfo> list() {
    List<BranchInfo> out = new ArrayList<>();
    for (String name : names()) {
      if (BranchName.isInternal(name)) continue;
      Snapshot s = ctx.latest(name);
      out.add(new BranchInfo(name, s.headCommitId(), name.equals(BranchName.MAIN) ? null : ctx.manifest().parentOf(name),
          s.manifestVersion()));
    }
    return out;
  }
}

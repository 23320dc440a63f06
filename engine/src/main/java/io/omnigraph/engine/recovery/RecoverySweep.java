package io.omnigraph.engine.recovery;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.storage.StoreLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the sidecars of writers that are gone (SPEC §7), oldest operation first, each against
 * freshly read state so that one sidecar's outcome is seen by the next. A sidecar is settled only
 * by whoever holds both its owner lock (so its writer is dead) and its branch's lock (so no live
 * writer is between table commits and publish there); a live writer's sidecar, in this process or
 * another, is left alone. Read-only handles never run it. A graph without sidecars costs one
 * directory listing, and nothing is created.
 */
public final class RecoverySweep {
  private static final Logger LOG = LoggerFactory.getLogger(RecoverySweep.class);

  private final EngineContext ctx;

  public RecoverySweep(EngineContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Settles every dead writer's sidecar, on every branch: what a read-write open runs.
   *
   * @return what was done, one record per sidecar, in the order settled
   * @throws RecoveryRequired if a sidecar cannot be read (nothing is repaired then) or a table is
   *     behind its manifest pin (that sidecar and the later ones are kept)
   */
  public List<RecoveryRecord> run() {
    return settle(null);
  }

  /**
   * Settles the dead writers' sidecars of one branch; what a writer runs once it holds the branch's
   * lock, so that a crashed writer never blocks the next one.
   */
  public List<RecoveryRecord> runFor(String branch) {
    return settle(branch);
  }

  private List<RecoveryRecord> settle(String onlyBranch) {
    ctx.checkWritable();
    RecoveryJournal journal = ctx.recovery();
    List<RecoverySidecar> sidecars = new ArrayList<>();
    // Every sidecar is parsed before any is acted on: an unreadable one stops the sweep untouched.
    for (String path : journal.pendingPaths()) {
      RecoverySidecar s = journal.read(path);
      if (s != null && (onlyBranch == null || onlyBranch.equals(s.branchName()))) sidecars.add(s);
    }
    if (sidecars.isEmpty()) return List.of();
    SidecarResolver resolver = new SidecarResolver(ctx, new RecoveryAudit(ctx));
    List<RecoveryRecord> done = new ArrayList<>();
    for (RecoverySidecar s : sidecars) {
      if (journal.running(s.operationId())) continue;
      Optional<StoreLock> owner = journal.claim(s.operationId());
      if (owner.isEmpty()) {
        LOG.info("recovery sidecar {} belongs to a live writer; left to it", s.path());
        continue;
      }
      BranchLocks.Held branch;
      try {
        branch = ctx.branchLocks().acquire(s.branchName());
      } catch (io.omnigraph.engine.error.WriteConflict busy) {
        // A long writer holds the branch; whoever takes it next settles this sidecar.
        owner.get().close();
        LOG.info("recovery sidecar {} left for later: {}", s.path(), busy.getMessage());
        continue;
      }
      boolean settled = false;
      try (branch) {
        // Its writer may have finished between the listing and the claim.
        RecoverySidecar current = journal.read(s.path());
        if (current != null) done.add(resolver.resolve(current));
        settled = true;
      } finally {
        if (settled) journal.releaseClaim(s.operationId(), owner.get());
        else owner.get().close();
      }
    }
    return done;
  }
}

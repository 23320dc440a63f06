package io.omnigraph.engine.recovery;

import io.omnigraph.engine.EngineContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery run by every read-write open (SPEC §7): settles each sidecar left by a writer that
 * did not finish, oldest operation first, each against freshly read state so that one sidecar's
 * outcome is seen by the next. Read-only handles never run it. A graph without sidecars costs one
 * directory listing, and nothing is created.
 */
public final class RecoverySweep {
  private final EngineContext ctx;

  public RecoverySweep(EngineContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Settles every pending sidecar.
   *
   * @return what was done, one record per sidecar, in the order settled
   * @throws RecoveryRequired if a sidecar cannot be read (nothing is repaired then) or a table is
   *     behind its manifest pin (that sidecar and the later ones are kept)
   */
  public List<RecoveryRecord> run() {
    ctx.checkWritable();
    RecoveryJournal journal = ctx.recovery();
    List<RecoverySidecar> sidecars = new ArrayList<>();
    // Every sidecar is parsed before any is acted on: an unreadable one stops the sweep untouched.
    for (String path : journal.pendingPaths()) {
      RecoverySidecar s = journal.read(path);
      if (s != null) sidecars.add(s);
    }
    if (sidecars.isEmpty()) return List.of();
    SidecarResolver resolver = new SidecarResolver(ctx, new RecoveryAudit(ctx));
    List<RecoveryRecord> done = new ArrayList<>();
    for (RecoverySidecar s : sidecars) done.add(resolver.resolve(s));
    return done;
  }
}

package io.omnigraph.engine.recovery;

/** What a completed recovery did with an interrupted writer's work (the audit's {@code recovery_kind}). */
public enum RecoveryKind {
  /** The writer's table versions were published under its own commit id and actor. */
  RolledForward,
  /** Moved tables were restored to their pinned versions and republished by {@code omnigraph:recovery}. */
  RolledBack,
  /** The writer's branch no longer exists; its sidecar was dropped without touching any table. */
  OrphanedBranchDiscarded
}

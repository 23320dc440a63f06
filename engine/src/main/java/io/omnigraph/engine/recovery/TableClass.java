package io.omnigraph.engine.recovery;

/** How one pinned table stands relative to its sidecar (SPEC §7 classification table). */
public enum TableClass {
  /** Lance HEAD is behind the manifest pin: state recovery must not touch. */
  InvariantViolation,
  /** HEAD is at the pin: the writer never committed this table (or its work is published). */
  NoMovement,
  /** HEAD is exactly where the writer said it would take it, by the writer's own commit. */
  RolledPastExpected,
  /** HEAD is one past the pin but the sidecar's pins disagree with that. */
  UnexpectedAtP1,
  /** HEAD is more than one past the pin, or not at the confirmed version. */
  UnexpectedMultistep,
  /** The version is right but the commit that made it is not the writer's. */
  UnexpectedEffectIdentity
}

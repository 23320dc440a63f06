package io.omnigraph.engine.recovery;

/**
 * The writer that left a recovery sidecar (SPEC §7). Strict writers commit exactly one Lance
 * version per table, so recovery can demand HEAD == pin + 1 with a matching commit id; loose
 * writers (schema apply, index builds, optimize) may commit several versions per table and are
 * only held to having started from the pinned version.
 *
 * <p>A schema apply is never rolled forward: its sidecar pins only the tables it rewrote, while
 * the tables it creates, the types it drops and the schema files it promotes are not in it, so
 * publishing its table versions alone would put new-schema data under the old schema.
 */
public enum WriterKind {
  Mutation(true, true),
  Load(true, true),
  SchemaApply(false, false),
  BranchMerge(true, true),
  EnsureIndices(false, true),
  Optimize(false, true),
  /**
   * Publishes commits already durable in the commit log: never rolled forward, since the log
   * still holds them and the next fold publishes them again.
   */
  LogFold(true, false);

  private final boolean strict;
  private final boolean publishableFromPins;

  WriterKind(boolean strict, boolean publishableFromPins) {
    this.strict = strict;
    this.publishableFromPins = publishableFromPins;
  }

  /** True when the writer makes exactly one Lance commit per table it pins. */
  public boolean strict() {
    return strict;
  }

  /** True when the pinned tables' versions are the writer's whole effect, so recovery may publish them. */
  public boolean publishableFromPins() {
    return publishableFromPins;
  }
}

package io.omnigraph.engine.recovery;

/**
 * The writer that left a recovery sidecar (SPEC §7). Strict writers commit exactly one Lance
 * version per table, so recovery can demand HEAD == pin + 1 with a matching commit id; loose
 * writers (schema apply, index builds, optimize) may commit several versions per table and are
 * only held to having started from the pinned version.
 */
public enum WriterKind {
  Mutation(true),
  Load(true),
  SchemaApply(false),
  BranchMerge(true),
  EnsureIndices(false),
  Optimize(false);

  private final boolean strict;

  WriterKind(boolean strict) {
    this.strict = strict;
  }

  /** True when the writer makes exactly one Lance commit per table it pins. */
  public boolean strict() {
    return strict;
  }
}

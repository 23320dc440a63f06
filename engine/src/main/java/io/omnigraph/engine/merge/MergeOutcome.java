package io.omnigraph.engine.merge;

/** How a branch merge related the two heads (SPEC §5.2). */
public enum MergeOutcome {
  /** The target already contains the source: nothing was written and no commit was made. */
  ALREADY_UP_TO_DATE,
  /** The target had not moved since the merge base: it took the source's state in a new merge commit. */
  FAST_FORWARD,
  /** Both branches moved: their changes were combined row by row in a new merge commit. */
  MERGED
}

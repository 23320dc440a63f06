package io.omnigraph.engine.merge;

import java.util.List;

/**
 * What a branch merge did, or (for a dry run) would do.
 *
 * @param commitId the merge commit appended on the target; null when nothing was published
 *     (already up to date, dry run, or conflicts found by a dry run)
 * @param conflicts every conflict found; empty unless this is a dry run that found some
 */
public record MergeResult(MergeOutcome outcome, String commitId, List<MergeConflict> conflicts) {
  public MergeResult {
    conflicts = List.copyOf(conflicts);
  }

  public boolean hasConflicts() {
    return !conflicts.isEmpty();
  }
}

package io.omnigraph.engine.commit;

/**
 * One entry of the commit graph.
 *
 * @param branch the branch the commit was made on; null for main
 * @param parentCommitId null only for the genesis commit
 * @param mergedParentCommitId the merged source head, only on merge commits
 * @param createdAtMicros microseconds since the epoch
 */
public record GraphCommit(
    String id,
    String branch,
    long manifestVersion,
    String parentCommitId,
    String mergedParentCommitId,
    String actorId,
    long createdAtMicros) {

  public String branchName() {
    return branch == null ? "main" : branch;
  }
}

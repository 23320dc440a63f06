package io.omnigraph.engine.commit;

/**
 * A live graph branch.
 *
 * @param createdFrom the branch it was created from; null for main
 */
public record BranchInfo(String name, String headCommitId, String createdFrom, long manifestVersion) {}

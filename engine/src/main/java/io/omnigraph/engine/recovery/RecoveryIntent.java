package io.omnigraph.engine.recovery;

import java.util.List;

/**
 * What a writer declares before its first durable table effect.
 *
 * @param branch the graph branch it publishes to ("main" or null for main)
 * @param actor recorded on its commit, and on a roll-forward of it; may be null
 * @param mergeSourceCommitId the merged source head when the writer publishes a merge commit
 * @param tables every table the writer may commit, pinned at the version it starts from
 * @param commitId the id its first commit will have, when already given out (a commit-log fold);
 *     null for a new one
 */
public record RecoveryIntent(WriterKind kind, String branch, String actor, String mergeSourceCommitId,
    List<TablePin> tables, String commitId) {

  public RecoveryIntent {
    tables = List.copyOf(tables);
  }

  public RecoveryIntent(WriterKind kind, String branch, String actor, String mergeSourceCommitId, List<TablePin> tables) {
    this(kind, branch, actor, mergeSourceCommitId, tables, null);
  }

  public RecoveryIntent(WriterKind kind, String branch, String actor, List<TablePin> tables) {
    this(kind, branch, actor, null, tables);
  }
}

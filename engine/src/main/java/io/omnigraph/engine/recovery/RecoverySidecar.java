package io.omnigraph.engine.recovery;

import java.util.List;
import java.util.Objects;

/**
 * The durable intent of one writer, kept at {@code __recovery/{operationId}.json} from before its
 * first table commit until after its manifest publish (SPEC §7). It names everything recovery
 * needs to finish or undo the write without the process that started it.
 *
 * @param branch the graph branch the writer publishes to; null for main
 * @param commitId the commit id the writer's publish uses, so a roll-forward publishes the very
 *     commit the writer would have (same id, actor and merged parent)
 * @param mergeSourceCommitId the merged source head for merge commits, else null
 * @param startedAtMicros microseconds since the epoch
 */
public record RecoverySidecar(int schemaVersion, String operationId, long startedAtMicros, String branch,
    String actorId, WriterKind writerKind, String commitId, String mergeSourceCommitId, List<TablePin> tables) {

  /** The format this engine writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 9;

  public RecoverySidecar {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(writerKind, "writerKind");
    tables = List.copyOf(tables);
    if (branch != null && branch.equals("main")) branch = null;
  }

  /** The branch name, with main spelled out. */
  public String branchName() {
    return branch == null ? "main" : branch;
  }

  /** The sidecar's path relative to the graph root. */
  public String path() {
    return RecoveryJournal.DIR + "/" + operationId + ".json";
  }

  RecoverySidecar withTables(List<TablePin> next) {
    return new RecoverySidecar(schemaVersion, operationId, startedAtMicros, branch, actorId, writerKind, commitId,
        mergeSourceCommitId, next);
  }
}

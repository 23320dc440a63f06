package io.omnigraph.engine.recovery;

import java.util.List;

/**
 * One row of the recovery audit log (SPEC §7).
 *
 * @param graphCommitId the commit recovery published (the writer's own on a roll-forward, the
 *     {@code omnigraph:recovery} commit on a roll-back), or the branch head it left unchanged
 * @param recoveryForActor the actor of the interrupted writer
 * @param operationId the interrupted writer's operation (its sidecar's name)
 * @param createdAtMicros microseconds since the epoch
 */
public record RecoveryRecord(String graphCommitId, RecoveryKind kind, String recoveryForActor, String operationId,
    WriterKind sidecarWriterKind, List<TableOutcome> perTableOutcomes, long createdAtMicros) {

  public RecoveryRecord {
    perTableOutcomes = List.copyOf(perTableOutcomes);
  }
}

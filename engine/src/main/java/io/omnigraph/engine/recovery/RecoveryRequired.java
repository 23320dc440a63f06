package io.omnigraph.engine.recovery;

import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;

/**
 * A writer's durable effects are not settled: tables moved but the manifest did not publish them,
 * or a sidecar cannot be read. Reopening the graph read-write runs recovery; nothing the graph
 * publishes is inconsistent meanwhile, but writes to the affected tables are refused.
 */
public final class RecoveryRequired extends OmniGraphException {
  private final String operationId;

  public RecoveryRequired(String operationId, String message) {
    super(ErrorKind.RECOVERY_REQUIRED, message);
    this.operationId = operationId;
  }

  public RecoveryRequired(String operationId, String message, Throwable cause) {
    super(ErrorKind.RECOVERY_REQUIRED, message, cause);
    this.operationId = operationId;
  }

  /** The interrupted operation: the name of its sidecar under {@code __recovery/}, without {@code .json}. */
  public String operationId() {
    return operationId;
  }
}

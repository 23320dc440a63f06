package io.omnigraph.calcite;

/**
 * Thrown from inside a running execution once its stop signal is raised (a cancel, a timeout, the
 * connection closing). It unwinds Calcite's operators from the row they were reading; the caller
 * that raised the signal turns it into its own error.
 */
public final class ExecutionStopped extends RuntimeException {
  ExecutionStopped() {
    super("the statement was stopped", null, false, false);
  }
}

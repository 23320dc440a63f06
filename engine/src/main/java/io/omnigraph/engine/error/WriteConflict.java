package io.omnigraph.engine.error;

/** Another writer moved what this write read; nothing was published. Retrying is safe. */
public final class WriteConflict extends OmniGraphException {
  public WriteConflict(String message) {
    super(ErrorKind.WRITE_CONFLICT, message);
  }
}

package io.omnigraph.engine.recovery;

/**
 * Thrown where an armed failpoint sits, standing in for a crash at that point: the code that
 * catches it leaves durable state exactly as a dying process would (sidecars stay).
 */
public final class FailpointTriggered extends RuntimeException {
  private final String failpoint;

  public FailpointTriggered(String failpoint) {
    super("failpoint " + failpoint + " triggered");
    this.failpoint = failpoint;
  }

  public String failpoint() {
    return failpoint;
  }
}

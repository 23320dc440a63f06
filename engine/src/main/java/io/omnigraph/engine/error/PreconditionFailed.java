package io.omnigraph.engine.error;

/**
 * The caller's precondition on a branch head did not hold: another commit landed since the caller
 * read it. Nothing was published, and the engine never retries this on its own, even for work
 * that only adds rows.
 */
public final class PreconditionFailed extends OmniGraphException {
  private final String branch;
  private final String expected;
  private final String actual;

  public PreconditionFailed(String branch, String expected, String actual) {
    super(ErrorKind.WRITE_CONFLICT, "precondition failed on branch '" + branch + "': expected head " + expected
        + " but the head is " + actual);
    this.branch = branch;
    this.expected = expected;
    this.actual = actual;
  }

  public String branch() {
    return branch;
  }

  public String expected() {
    return expected;
  }

  public String actual() {
    return actual;
  }
}

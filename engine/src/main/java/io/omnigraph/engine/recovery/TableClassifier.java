package io.omnigraph.engine.recovery;

import java.util.List;

/**
 * Classifies a sidecar's tables and decides what to do with it. Pure functions of what was read,
 * so the whole table of cases is tested without storage.
 */
public final class TableClassifier {
  /** The Lance transaction property carrying the commit id of the writer that made a version. */
  public static final String COMMIT_ID_PROPERTY = "omnigraph.commit_id";

  private TableClassifier() {}

  /** What recovery does with one sidecar; all-or-nothing across its tables. */
  public enum Decision {
    /** Some table is behind its pin: stop, keep the sidecar, report. */
    Abort,
    /** Publish every table's HEAD under the writer's commit. */
    RollForward,
    /** The writer's publish landed; only the sidecar is left to tidy. */
    AlreadyPublished,
    /** Restore every moved table to its pin and publish the restored heads. */
    RollBack
  }

  /**
   * @param pinned the version the branch's manifest pins now (P)
   * @param head the table's Lance HEAD on the pin's branch
   * @param headCommitId the {@value #COMMIT_ID_PROPERTY} of the commit that produced HEAD, or null
   * @param sidecarCommitId the commit id the writer meant to publish, or null if it recorded none
   */
  public static TableClass classify(WriterKind kind, TablePin pin, long pinned, long head, String headCommitId,
      String sidecarCommitId) {
    if (head < pinned) return TableClass.InvariantViolation;
    if (head == pinned) return TableClass.NoMovement;
    boolean startedHere = pin.expectedVersion() == pinned;
    boolean reached;
    if (pin.confirmedVersion() != null) {
      if (head != pin.confirmedVersion()) return TableClass.UnexpectedMultistep;
      reached = startedHere;
    } else if (kind.strict()) {
      reached = head == pinned + 1 && startedHere && pin.postCommitPin() == head;
    } else {
      reached = startedHere;
    }
    if (!reached) return head == pinned + 1 ? TableClass.UnexpectedAtP1 : TableClass.UnexpectedMultistep;
    if (sidecarCommitId != null && !sidecarCommitId.equals(headCommitId)) {
      // Loose writers may finish a table with an untagged commit (an index build); strict ones never do.
      if (kind.strict() || headCommitId != null) return TableClass.UnexpectedEffectIdentity;
    }
    return TableClass.RolledPastExpected;
  }

  /**
   * Decides for a whole sidecar.
   *
   * @param kind the writer; one whose pins are not its whole effect is rolled back, never forward
   * @param published true when the writer's commit id is already in the branch's history
   * @param classes one class per pinned table
   * @param pinsMatch per table, true when the manifest pin already equals the writer's final pin
   *     (used only when the sidecar recorded no commit id)
   */
  public static Decision decide(WriterKind kind, boolean published, List<TableClass> classes, List<Boolean> pinsMatch) {
    if (classes.contains(TableClass.InvariantViolation)) return Decision.Abort;
    if (published) return Decision.AlreadyPublished;
    if (classes.isEmpty()) return Decision.RollBack;
    if (classes.stream().allMatch(c -> c == TableClass.RolledPastExpected)) {
      return kind.publishableFromPins() ? Decision.RollForward : Decision.RollBack;
    }
    if (!pinsMatch.isEmpty() && classes.stream().allMatch(c -> c == TableClass.NoMovement)
        && pinsMatch.stream().allMatch(Boolean::booleanValue)) {
      return Decision.AlreadyPublished;
    }
    return Decision.RollBack;
  }
}

package io.omnigraph.engine.error;

/** A data rule failed for one entity of one type; nothing was written. */
public final class ConstraintViolation extends OmniGraphException {
  private final Rule rule;
  private final String typeName;
  private final String entityId;

  public ConstraintViolation(Rule rule, String typeName, String entityId, String message) {
    super(ErrorKind.CONSTRAINT, message);
    this.rule = rule;
    this.typeName = typeName;
    this.entityId = entityId;
  }

  public Rule rule() {
    return rule;
  }

  /** The node or edge type, or null when the rule is not tied to one. */
  public String typeName() {
    return typeName;
  }

  /** The entity id, or null when the entity has none yet. */
  public String entityId() {
    return entityId;
  }
}

package io.omnigraph.engine.merge;

import io.omnigraph.engine.error.ConstraintViolation;
import java.util.Objects;

/**
 * One reason a branch merge cannot be published.
 *
 * @param typeName the node or edge type
 * @param entityId the entity concerned, or null when the rule is not tied to one entity
 *     (cardinality and value rules)
 * @param message a human-readable explanation
 */
public record MergeConflict(String typeName, String entityId, ConflictKind kind, String message) {
  public MergeConflict {
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The conflict a rule failure on the merged image stands for. */
  static MergeConflict of(ConstraintViolation v) {
    String type = v.typeName() == null ? "" : v.typeName();
    return switch (v.rule()) {
      case ENDPOINT -> new MergeConflict(type, v.entityId(), ConflictKind.ORPHAN_EDGE, v.getMessage());
      case UNIQUE, KEY -> new MergeConflict(type, v.entityId(), ConflictKind.UNIQUE_VIOLATION, v.getMessage());
      case CARDINALITY -> new MergeConflict(type, null, ConflictKind.CARDINALITY_VIOLATION, v.getMessage());
      default -> new MergeConflict(type, null, ConflictKind.VALUE_CONSTRAINT_VIOLATION, v.getMessage());
    };
  }

  /** {@code KIND Type id}, the form used in error messages. */
  String summary() {
    return kind + " " + typeName + (entityId == null ? "" : " " + entityId);
  }
}

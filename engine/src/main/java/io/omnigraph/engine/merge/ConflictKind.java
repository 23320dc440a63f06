package io.omnigraph.engine.merge;

/** Why one entity, or one rule, stopped a branch merge (SPEC §5.3). */
public enum ConflictKind {
  /** Both branches inserted the same id with different values. */
  DIVERGENT_INSERT,
  /** Both branches updated the same entity to different values. */
  DIVERGENT_UPDATE,
  /** One branch deleted an entity the other changed. */
  DELETE_VS_UPDATE,
  /** The merged graph would hold an edge whose source or target node is gone. */
  ORPHAN_EDGE,
  /** The merged graph would hold two entities with the same {@code @unique} value (or id). */
  UNIQUE_VIOLATION,
  /** A source node would have a number of outgoing edges outside the edge type's {@code @card}. */
  CARDINALITY_VIOLATION,
  /** A merged value would break an enum, {@code @range}, {@code @check} or type rule. */
  VALUE_CONSTRAINT_VIOLATION
}

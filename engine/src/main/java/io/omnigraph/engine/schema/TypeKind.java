package io.omnigraph.engine.schema;

/** Whether an entity type is a node or an edge type. */
public enum TypeKind {
  NODE("node"),
  EDGE("edge");

  private final String label;

  TypeKind(String label) {
    this.label = label;
  }

  /** Lower-case label used in table keys and messages ({@code node}, {@code edge}). */
  public String label() {
    return label;
  }
}

package io.omnigraph.engine.schema;

/**
 * A literal or bare identifier argument. {@code text} is the decoded string for {@link
 * Kind#STRING} and the source spelling otherwise.
 */
public record Literal(Kind kind, String text, Position pos) implements ConstraintArg {
  public enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    IDENT
  }
}

package io.omnigraph.engine.schema;

/** A 1-based line and column in {@code .pg} source text. */
public record Position(int line, int column) {
  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return "line " + line + ", column " + column;
  }
}

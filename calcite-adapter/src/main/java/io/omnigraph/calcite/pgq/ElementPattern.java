package io.omnigraph.calcite.pgq;

import java.util.List;

/**
 * A node or edge of a path pattern. {@code variable} is the name written, or a generated one
 * starting with {@code #} for an anonymous element; {@code labels} empty means any type;
 * {@code where} is the element's WHERE condition as written, or null.
 */
sealed interface ElementPattern permits ElementPattern.Node, ElementPattern.Edge {
  String variable();

  List<String> labels();

  String where();

  default boolean named() {
    return !variable().startsWith("#");
  }

  record Node(String variable, List<String> labels, String where) implements ElementPattern {
    public Node {
      labels = List.copyOf(labels);
    }
  }

  /** {@code max} is {@link #UNBOUNDED} for {@code +}, {@code *} and {@code {m,}}. */
  record Edge(String variable, List<String> labels, String where, Direction direction, int min, int max)
      implements ElementPattern {
    static final int UNBOUNDED = -1;

    public Edge {
      labels = List.copyOf(labels);
    }

    /** True unless the edge matches exactly one hop: its variable then stands for a list of edges. */
    boolean quantified() {
      return !(min == 1 && max == 1);
    }
  }

  enum Direction { OUT, IN, ANY }
}

package io.omnigraph.calcite.pgq;

import java.util.List;

/**
 * One comma-separated path pattern of a MATCH: nodes and the edges between them ({@code edges.get(i)}
 * joins {@code nodes.get(i)} to {@code nodes.get(i + 1)}), its path variable (or null), whether it
 * asks for ANY SHORTEST, and its path mode.
 */
record PathPattern(String pathVariable, boolean shortest, PathMode mode, List<ElementPattern.Node> nodes,
    List<ElementPattern.Edge> edges) {
  PathPattern {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    if (nodes.size() != edges.size() + 1) throw new IllegalArgumentException("a path alternates nodes and edges");
  }

  enum PathMode {
    /** Any walk: nodes and edges may repeat. */
    WALK,
    /** No edge twice. */
    TRAIL,
    /** No node twice. */
    ACYCLIC,
    /** No node twice, except that the path may end where it started. */
    SIMPLE
  }
}

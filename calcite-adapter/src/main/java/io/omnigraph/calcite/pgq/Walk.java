package io.omnigraph.calcite.pgq;

import java.util.ArrayList;
import java.util.List;

/**
 * The path a depth-first match has walked so far, and the rule of its path mode for the next step:
 * TRAIL never takes an edge twice, ACYCLIC never visits a node twice, SIMPLE neither except that it
 * may return to its first node, which then ends the path.
 */
final class Walk {
  private final PathPattern.PathMode mode;
  private final List<PatternMatcher.Ref> nodes = new ArrayList<>();
  private final List<PatternMatcher.Ref> edges = new ArrayList<>();

  Walk(PatternMatcher.Ref start, PathPattern.PathMode mode) {
    this.mode = mode;
    nodes.add(start);
  }

  int length() {
    return edges.size();
  }

  /** True once a SIMPLE path has come back to its first node: it can go no further. */
  boolean closed() {
    return mode == PathPattern.PathMode.SIMPLE && edges.size() > 0 && nodes.get(nodes.size() - 1).equals(nodes.get(0));
  }

  boolean allows(PatternMatcher.Step s) {
    return switch (mode) {
      case WALK -> true;
      case TRAIL -> !edges.contains(s.edge());
      case ACYCLIC -> !nodes.contains(s.to());
      case SIMPLE -> !nodes.subList(1, nodes.size()).contains(s.to());
    };
  }

  void push(PatternMatcher.Step s) {
    nodes.add(s.to());
    edges.add(s.edge());
  }

  void pop() {
    nodes.remove(nodes.size() - 1);
    edges.remove(edges.size() - 1);
  }
}

package io.omnigraph.calcite.pgq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed {@code GRAPH_TABLE ( graph MATCH ... [WHERE ...] COLUMNS (...) )}: its path patterns,
 * the MATCH's WHERE condition and the COLUMNS list as written (null when absent), and the source
 * text it was parsed from.
 */
record GraphTableQuery(String source, List<PathPattern> paths, String where, String columns) {
  GraphTableQuery {
    paths = List.copyOf(paths);
  }

  /**
   * The variables a binding row carries, in order of first appearance: each named node and each
   * named edge that matches one hop; quantified edges stand for lists and are not carried.
   */
  List<ElementPattern> boundElements() {
    Map<String, ElementPattern> seen = new LinkedHashMap<>();
    for (PathPattern p : paths) {
      for (int i = 0; i < p.nodes().size(); i++) {
        ElementPattern.Node n = p.nodes().get(i);
        if (n.named()) seen.putIfAbsent(n.variable(), n);
        if (i < p.edges().size()) {
          ElementPattern.Edge e = p.edges().get(i);
          if (e.named() && !e.quantified()) seen.putIfAbsent(e.variable(), e);
        }
      }
    }
    return List.copyOf(seen.values());
  }

  List<String> pathVariables() {
    List<String> out = new ArrayList<>();
    for (PathPattern p : paths) if (p.pathVariable() != null) out.add(p.pathVariable());
    return out;
  }
}

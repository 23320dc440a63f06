package io.omnigraph.calcite.pgq;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which types each pattern variable can be: its labels, intersected over every place it appears; an
 * unlabeled node next to a labeled edge that must be taken at least once can only be that edge's
 * endpoint type. Refuses unknown labels and variables used both as a node and as an edge.
 */
final class VariableTypes {
  private VariableTypes() {}

  static Map<String, List<? extends EntityType>> resolve(GraphTableQuery query, Catalog catalog) throws SQLException {
    Map<String, Set<NodeType>> nodes = new LinkedHashMap<>();
    Map<String, Set<EdgeType>> edges = new LinkedHashMap<>();
    Map<String, Boolean> quantified = new HashMap<>();
    for (PathPattern p : query.paths()) {
      for (ElementPattern.Node n : p.nodes()) {
        if (edges.containsKey(n.variable())) throw bothKinds(n.variable());
        Set<NodeType> t = nodeLabels(n, catalog);
        nodes.merge(n.variable(), t, VariableTypes::intersect);
      }
      for (ElementPattern.Edge e : p.edges()) {
        if (nodes.containsKey(e.variable())) throw bothKinds(e.variable());
        Boolean before = quantified.put(e.variable(), e.quantified());
        if (before != null && (before || e.quantified())) {
          throw GraphTableErrors.misuse("the quantified edge variable '" + e.variable() + "' appears more than once");
        }
        edges.merge(e.variable(), edgeLabels(e, catalog), VariableTypes::intersect);
      }
    }
    for (PathPattern p : query.paths()) {
      for (int i = 0; i < p.edges().size(); i++) {
        ElementPattern.Edge e = p.edges().get(i);
        if (e.min() < 1 || e.labels().isEmpty()) continue;
        narrow(p.nodes().get(i), nodes, endpoints(edges.get(e.variable()), e.direction(), true, catalog));
        narrow(p.nodes().get(i + 1), nodes, endpoints(edges.get(e.variable()), e.direction(), false, catalog));
      }
    }
    for (String path : query.pathVariables()) {
      if (nodes.containsKey(path) || edges.containsKey(path)) {
        throw GraphTableErrors.misuse("'" + path + "' names both a path and an element");
      }
    }
    Map<String, List<? extends EntityType>> out = new LinkedHashMap<>();
    nodes.forEach((v, t) -> out.put(v, List.copyOf(t)));
    edges.forEach((v, t) -> out.put(v, List.copyOf(t)));
    return out;
  }

  private static SQLException bothKinds(String variable) {
    return GraphTableErrors.misuse("'" + variable + "' is used both as a node and as an edge variable");
  }

  private static <T> Set<T> intersect(Set<T> a, Set<T> b) {
    Set<T> out = new LinkedHashSet<>(a);
    out.retainAll(b);
    return out;
  }

  /** Narrows an unlabeled node; a node between edges with no common endpoint type simply matches nothing. */
  private static void narrow(ElementPattern.Node node, Map<String, Set<NodeType>> nodes, Set<NodeType> endpoints) {
    if (!node.labels().isEmpty()) return;
    Set<NodeType> narrowed = intersect(nodes.get(node.variable()), endpoints);
    if (!narrowed.isEmpty()) nodes.put(node.variable(), narrowed);
  }

  private static Set<NodeType> endpoints(Set<EdgeType> edges, ElementPattern.Direction direction, boolean left,
      Catalog catalog) {
    Set<String> names = new LinkedHashSet<>();
    for (EdgeType e : edges) {
      if (direction != ElementPattern.Direction.IN) names.add(left ? e.from() : e.to());
      if (direction != ElementPattern.Direction.OUT) names.add(left ? e.to() : e.from());
    }
    Set<NodeType> out = new LinkedHashSet<>();
    for (NodeType n : catalog.nodeTypes()) if (names.contains(n.name())) out.add(n);
    return out;
  }

  private static Set<NodeType> nodeLabels(ElementPattern.Node n, Catalog catalog) throws SQLException {
    if (n.labels().isEmpty()) return new LinkedHashSet<>(catalog.nodeTypes());
    Set<NodeType> out = new LinkedHashSet<>();
    for (String label : n.labels()) {
      NodeType t = find(catalog.nodeTypes(), label);
      if (t == null) {
        String hint = find(catalog.edgeTypes(), label) != null ? ": it is an edge type" : "";
        throw GraphTableErrors.unknownObject("unknown node type '" + label + "' in the node pattern of '"
            + shown(n.variable()) + "'" + hint);
      }
      out.add(t);
    }
    return out;
  }

  private static Set<EdgeType> edgeLabels(ElementPattern.Edge e, Catalog catalog) throws SQLException {
    if (e.labels().isEmpty()) return new LinkedHashSet<>(catalog.edgeTypes());
    Set<EdgeType> out = new LinkedHashSet<>();
    for (String label : e.labels()) {
      EdgeType t = find(catalog.edgeTypes(), label);
      if (t == null) {
        String hint = find(catalog.nodeTypes(), label) != null ? ": it is a node type" : "";
        throw GraphTableErrors.unknownObject("unknown edge type '" + label + "' in the edge pattern of '"
            + shown(e.variable()) + "'" + hint);
      }
      out.add(t);
    }
    return out;
  }

  /** The type spelled {@code label}: exactly, or ignoring case when only one type matches so. */
  private static <T extends EntityType> T find(List<T> types, String label) {
    List<T> folded = new ArrayList<>();
    for (T t : types) {
      if (t.name().equals(label)) return t;
      if (t.name().toLowerCase(Locale.ROOT).equals(label.toLowerCase(Locale.ROOT))) folded.add(t);
    }
    return folded.size() == 1 ? folded.get(0) : null;
  }

  static String shown(String variable) {
    return variable.startsWith("#") ? "(anonymous)" : variable;
  }
}

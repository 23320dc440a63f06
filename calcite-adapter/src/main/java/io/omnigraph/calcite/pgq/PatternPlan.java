package io.omnigraph.calcite.pgq;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed GRAPH_TABLE bound to a catalog: the types each variable can be, the element conditions the
 * traversal applies itself (pushed into the scans of those types) and those left to SQL, and the
 * hop bound of unbounded quantifiers. Building one checks every label and every rule of the subset.
 */
public final class PatternPlan {
  /** The hop bound of {@code +}, {@code *} and {@code {m,}} unless the system property says otherwise. */
  public static final int DEFAULT_UNBOUNDED_HOPS = 10;
  /** System property overriding {@link #DEFAULT_UNBOUNDED_HOPS}. */
  public static final String UNBOUNDED_HOPS_PROPERTY = "omnigraph.graphTable.unboundedHops";

  final GraphTableQuery query;
  final int unboundedHops;
  /** Candidate types per variable: node types for node variables, edge types for edge variables. */
  final Map<String, List<? extends EntityType>> types;
  /** Per element occurrence (by identity: two occurrences may be spelled the same), the condition the traversal applies. */
  final Map<ElementPattern, Predicate> pushed = new IdentityHashMap<>();
  /** Element conditions SQL applies to the binding rows. */
  final List<String> residual = new ArrayList<>();

  private PatternPlan(GraphTableQuery query, int unboundedHops, Map<String, List<? extends EntityType>> types) {
    this.query = query;
    this.unboundedHops = unboundedHops;
    this.types = types;
  }

  static PatternPlan bind(GraphTableQuery query, Catalog catalog) throws SQLException {
    PatternPlan plan = new PatternPlan(query, unboundedHops(), VariableTypes.resolve(query, catalog));
    plan.checkShortest();
    plan.placeConditions();
    return plan;
  }

  static int unboundedHops() throws SQLException {
    String value = System.getProperty(UNBOUNDED_HOPS_PROPERTY);
    if (value == null) return DEFAULT_UNBOUNDED_HOPS;
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1) return n;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw GraphTableErrors.misuse(UNBOUNDED_HOPS_PROPERTY + " must be a whole number of at least 1, not '" + value + "'");
  }

  /** The most hops {@code edge} may take. */
  int maxHops(ElementPattern.Edge edge) {
    return edge.max() == ElementPattern.Edge.UNBOUNDED ? Math.max(unboundedHops, edge.min()) : edge.max();
  }

  List<NodeType> nodeTypes(String variable) {
    @SuppressWarnings("unchecked")
    List<NodeType> t = (List<NodeType>) types.get(variable);
    return t;
  }

  List<EdgeType> edgeTypes(String variable) {
    @SuppressWarnings("unchecked")
    List<EdgeType> t = (List<EdgeType>) types.get(variable);
    return t;
  }

  private void checkShortest() throws SQLException {
    for (PathPattern p : query.paths()) {
      if (!p.shortest()) continue;
      if (p.mode() != PathPattern.PathMode.WALK) throw GraphTableErrors.unsupported("ANY SHORTEST with " + p.mode());
      Set<String> seen = new LinkedHashSet<>();
      List<ElementPattern> elements = new ArrayList<>(p.nodes());
      elements.addAll(p.edges());
      for (ElementPattern e : elements) {
        if (!seen.add(e.variable())) {
          throw GraphTableErrors.unsupported("a variable repeated inside an ANY SHORTEST path pattern ('" + e.variable() + "')");
        }
      }
    }
  }

  private void placeConditions() throws SQLException {
    for (PathPattern p : query.paths()) {
      // In the order written, so that parameter markers left to SQL keep their order.
      List<ElementPattern> elements = new ArrayList<>();
      for (int i = 0; i < p.nodes().size(); i++) {
        elements.add(p.nodes().get(i));
        if (i < p.edges().size()) elements.add(p.edges().get(i));
      }
      for (ElementPattern e : elements) {
        if (e.where() == null) continue;
        Optional<Predicate> filter = ElementFilter.translate(e.where(), e.variable(), types.get(e.variable()));
        if (filter.isPresent()) {
          pushed.put(e, filter.get());
        } else if (e instanceof ElementPattern.Edge edge && edge.quantified()) {
          throw GraphTableErrors.unsupported("the WHERE of the quantified edge '" + e.variable()
              + "' unless it compares that edge's own properties with literals");
        } else if (p.shortest()) {
          throw GraphTableErrors.unsupported("the WHERE of '" + e.variable()
              + "' in an ANY SHORTEST path pattern unless it compares that element's own properties with literals");
        } else {
          residual.add(e.where());
        }
      }
    }
  }

  /** The plan in words, as EXPLAIN shows it: per path, its start set, each hop and where each condition is applied. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (PathPattern p : query.paths()) {
      if (n++ > 0) sb.append("; ");
      sb.append("path ").append(n);
      if (p.pathVariable() != null) sb.append(' ').append(p.pathVariable());
      sb.append(p.shortest() ? " ANY SHORTEST (breadth-first)" : " " + p.mode() + " (depth-first)").append(": start ");
      describeNode(sb, p.nodes().get(0), true);
      for (int i = 0; i < p.edges().size(); i++) {
        ElementPattern.Edge e = p.edges().get(i);
        sb.append(", hop ").append(e.direction() == ElementPattern.Direction.IN ? "<-" : "-").append('[')
            .append(shown(e.variable())).append(':').append(names(types.get(e.variable()))).append(']')
            .append(e.direction() == ElementPattern.Direction.OUT ? "->" : "-");
        if (e.quantified()) sb.append('{').append(e.min()).append(',').append(maxHops(e)).append('}');
        sb.append(" on the adjacency index");
        Predicate f = pushed.get(e);
        if (f != null) sb.append(" keeping edges [").append(f.toLance()).append("] read by a filtered scan");
        sb.append(" to ");
        describeNode(sb, p.nodes().get(i + 1), false);
      }
    }
    if (!residual.isEmpty()) sb.append("; element conditions applied by SQL after the match: ").append(String.join(" AND ", residual));
    if (query.where() != null) sb.append("; MATCH WHERE applied by SQL after the match: ").append(query.where());
    return sb.toString();
  }

  private void describeNode(StringBuilder sb, ElementPattern.Node node, boolean start) {
    sb.append('(').append(shown(node.variable())).append(':').append(names(types.get(node.variable()))).append(')');
    Predicate f = pushed.get(node);
    if (f != null) {
      sb.append(start ? " scanned with [" : " kept if [").append(f.toLance()).append(start ? "] pushed into the scan" : "] (filtered scan)");
    } else if (start) {
      sb.append(" scanned (ids only)");
    }
  }

  private static String shown(String variable) {
    return variable.startsWith("#") ? "" : variable;
  }

  private static String names(List<? extends EntityType> types) {
    List<String> names = new ArrayList<>();
    for (EntityType t : types) names.add(t.name());
    return names.isEmpty() ? "none" : String.join("|", names);
  }
}

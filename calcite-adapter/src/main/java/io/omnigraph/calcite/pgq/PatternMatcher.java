package io.omnigraph.calcite.pgq;

import io.omnigraph.engine.read.Adjacencies;
import io.omnigraph.engine.read.Adjacency;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Runs a {@link PatternPlan} over one view: the start set of each path pattern comes from a scan of
 * its node types (element conditions pushed into it), each hop follows an edge type's
 * {@link Adjacency}, and every match becomes one row of {@link BindingColumns}. Path patterns are
 * matched one after the other, each under the variables the earlier ones bound. WALK, TRAIL, ACYCLIC
 * and SIMPLE paths are enumerated depth-first; ANY SHORTEST is a breadth-first search per start
 * node that keeps the first path reaching each end node.
 */
public final class PatternMatcher {
  record Ref(String type, String id) {}

  record Step(Ref edge, Ref to) {}

  private final PatternPlan plan;
  private final ReadView view;
  private final Adjacencies adjacencies;
  private final Runnable checkStop;
  private final Map<String, Adjacency> adjacencyOf = new HashMap<>();
  private final Map<ElementPattern, Set<Ref>> allowed = new IdentityHashMap<>();
  private final Map<String, Ref> bound = new HashMap<>();
  private final Map<String, Integer> lengths = new HashMap<>();
  private final List<Object[]> rows = new ArrayList<>();
  private final List<String> rowElements = new ArrayList<>();
  private final List<String> rowPaths;
  private final Map<String, Set<String>> typeNames = new HashMap<>();

  private PatternMatcher(PatternPlan plan, ReadView view, Adjacencies adjacencies, Runnable checkStop) {
    this.plan = plan;
    this.view = view;
    this.adjacencies = adjacencies;
    this.checkStop = checkStop;
    for (ElementPattern e : plan.query.boundElements()) rowElements.add(e.variable());
    this.rowPaths = plan.query.pathVariables();
    plan.types.forEach((v, types) -> {
      Set<String> names = new java.util.HashSet<>();
      for (EntityType t : types) names.add(t.name());
      typeNames.put(v, names);
    });
  }

  /**
   * Every match of {@code pattern} (the text inside GRAPH_TABLE's parentheses) in {@code view}, as
   * rows of {@link BindingColumns}; {@code checkStop} is called at every node expanded and throws to
   * stop the match.
   */
  public static List<Object[]> run(String pattern, ReadView view, Adjacencies adjacencies, Runnable checkStop)
      throws SQLException {
    PatternPlan plan = PatternPlan.bind(PatternParser.parse(pattern), view.catalog());
    PatternMatcher m = new PatternMatcher(plan, view, adjacencies, checkStop);
    m.matchFrom(0);
    return m.rows;
  }

  private void matchFrom(int pathIndex) {
    if (pathIndex == plan.query.paths().size()) {
      emit();
      return;
    }
    PathPattern p = plan.query.paths().get(pathIndex);
    for (Ref start : startSet(p.nodes().get(0))) {
      if (p.shortest()) {
        new ShortestPaths(this, p, pathIndex).from(start);
      } else {
        atNode(p, pathIndex, 0, start, new Walk(start, p.mode()));
      }
    }
  }

  // ---- depth-first enumeration (WALK, TRAIL, ACYCLIC, SIMPLE) ----

  private void atNode(PathPattern p, int pathIndex, int position, Ref node, Walk walk) {
    ElementPattern.Node n = p.nodes().get(position);
    if (!accepts(n, node)) return;
    // An anonymous element appears once and is not in the row: it has nothing to bind.
    int b = n.named() ? bind(n.variable(), node) : ALREADY_BOUND;
    if (b == CONFLICT) return;
    if (position == p.edges().size()) {
      completed(p, pathIndex, walk.length());
    } else {
      hop(p, pathIndex, position, 0, node, walk);
    }
    if (b == NEWLY_BOUND) bound.remove(n.variable());
  }

  private void hop(PathPattern p, int pathIndex, int position, int taken, Ref node, Walk walk) {
    ElementPattern.Edge e = p.edges().get(position);
    if (taken >= e.min()) atNode(p, pathIndex, position + 1, node, walk);
    if (taken >= plan.maxHops(e) || walk.closed()) return;
    checkStop.run();
    for (Step s : steps(e, node)) {
      if (!walk.allows(s)) continue;
      int b = e.quantified() || !e.named() ? ALREADY_BOUND : bind(e.variable(), s.edge());
      if (b == CONFLICT) continue;
      walk.push(s);
      hop(p, pathIndex, position, taken + 1, s.to(), walk);
      walk.pop();
      if (b == NEWLY_BOUND) bound.remove(e.variable());
    }
  }

  /** One path pattern matched with {@code length} edges: record its length and go on to the next. */
  void completed(PathPattern p, int pathIndex, int length) {
    if (p.pathVariable() != null) lengths.put(p.pathVariable(), length);
    matchFrom(pathIndex + 1);
    if (p.pathVariable() != null) lengths.remove(p.pathVariable());
  }

  private void emit() {
    Object[] row = new Object[2 * rowElements.size() + rowPaths.size()];
    int i = 0;
    for (String v : rowElements) {
      Ref r = bound.get(v);
      row[i++] = r.id();
      row[i++] = r.type();
    }
    for (String path : rowPaths) row[i++] = lengths.get(path);
    rows.add(row);
  }

  // ---- shared by both searches ----

  static final int CONFLICT = 0;
  static final int NEWLY_BOUND = 1;
  static final int ALREADY_BOUND = 2;

  /** Binds {@code variable} to {@code ref} unless it is bound to something else. */
  int bind(String variable, Ref ref) {
    Ref before = bound.putIfAbsent(variable, ref);
    if (before == null) return NEWLY_BOUND;
    return before.equals(ref) ? ALREADY_BOUND : CONFLICT;
  }

  void unbind(String variable) {
    bound.remove(variable);
  }

  Runnable checkStop() {
    return checkStop;
  }

  int maxHops(ElementPattern.Edge e) {
    return plan.maxHops(e);
  }

  /** True when {@code node} can stand in node pattern {@code n}: one of its types, and its condition holds. */
  boolean accepts(ElementPattern.Node n, Ref node) {
    if (!typeNames.get(n.variable()).contains(node.type())) return false;
    return !plan.pushed.containsKey(n) || allowedOf(n).contains(node);
  }

  /** The nodes a path may start from: the node already bound to its variable, or a scan of its types. */
  private Set<Ref> startSet(ElementPattern.Node n) {
    Ref b = bound.get(n.variable());
    if (b != null) return Set.of(b);
    if (plan.pushed.containsKey(n)) return allowedOf(n);
    return scanIds(n, plan.nodeTypes(n.variable()), Predicate.TRUE);
  }

  /** The elements of the pattern's types whose condition holds, read by scans with the condition pushed into them. */
  private Set<Ref> allowedOf(ElementPattern e) {
    Set<Ref> set = allowed.get(e);
    if (set == null) {
      set = scanIds(e, plan.types.get(e.variable()), plan.pushed.get(e));
      allowed.put(e, set);
    }
    return set;
  }

  private Set<Ref> scanIds(ElementPattern e, List<? extends EntityType> types, Predicate filter) {
    Set<Ref> out = new LinkedHashSet<>();
    for (EntityType t : types) {
      ScanRequest request = new ScanRequest(List.of(EntityType.ID), filter, OptionalLong.empty());
      try (RowCursor c = view.scan(t.name(), request)) {
        while (c.next()) {
          checkStop.run();
          out.add(new Ref(t.name(), (String) c.row()[0]));
        }
      }
    }
    return out;
  }

  /** The edges of pattern {@code e} at {@code node} that its condition keeps, with the node each leads to. */
  List<Step> steps(ElementPattern.Edge e, Ref node) {
    List<Step> out = new ArrayList<>();
    boolean filtered = plan.pushed.containsKey(e);
    for (EdgeType t : plan.edgeTypes(e.variable())) {
      if (e.direction() != ElementPattern.Direction.IN && t.from().equals(node.type())) {
        adjacency(t).outgoing(node.id(), (edgeId, to) -> out.add(new Step(new Ref(t.name(), edgeId), new Ref(t.to(), to))));
      }
      if (e.direction() != ElementPattern.Direction.OUT && t.to().equals(node.type())) {
        boolean both = e.direction() == ElementPattern.Direction.ANY && t.from().equals(t.to());
        adjacency(t).incoming(node.id(), (edgeId, from) -> {
          // A loop followed in either direction is one edge, already listed among the outgoing ones.
          if (!(both && from.equals(node.id()))) out.add(new Step(new Ref(t.name(), edgeId), new Ref(t.from(), from)));
        });
      }
    }
    if (filtered) out.removeIf(s -> !allowedOf(e).contains(s.edge()));
    return out;
  }

  private Adjacency adjacency(EdgeType t) {
    return adjacencyOf.computeIfAbsent(t.name(), k -> adjacencies.of(view, t));
  }
}

package io.omnigraph.calcite.pgq;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ANY SHORTEST for one path pattern from one start node: a breadth-first search over states
 * (edge pattern reached, hops taken on it, node), layer by layer in path length, so the first time
 * the search completes the pattern at an end node it holds a shortest path there; that path, and no
 * other, is matched for the (start, end) pair.
 */
final class ShortestPaths {
  private record State(int edge, int taken, PatternMatcher.Ref node) {}

  /** How a state was reached: from {@code previous} over {@code step}, or by finishing an edge pattern when step is null. */
  private record Parent(State previous, PatternMatcher.Step step) {}

  /** States that lead to the same futures: past an edge pattern's minimum, more hops only use up its bound. */
  private record Key(int edge, int taken, PatternMatcher.Ref node) {}

  private final PatternMatcher matcher;
  private final PathPattern path;
  private final int pathIndex;
  private final Map<State, Parent> parents = new HashMap<>();
  private final Map<Key, Integer> fewestHops = new HashMap<>();
  private final Set<PatternMatcher.Ref> ends = new HashSet<>();

  ShortestPaths(PatternMatcher matcher, PathPattern path, int pathIndex) {
    this.matcher = matcher;
    this.path = path;
    this.pathIndex = pathIndex;
  }

  void from(PatternMatcher.Ref start) {
    if (!matcher.accepts(path.nodes().get(0), start)) return;
    if (path.edges().isEmpty()) {
      finish(List.of(), start);
      return;
    }
    State first = new State(0, 0, start);
    parents.put(first, null);
    List<State> layer = new ArrayList<>(List.of(first));
    while (!layer.isEmpty()) {
      List<State> next = new ArrayList<>();
      Deque<State> work = new ArrayDeque<>(layer);
      while (!work.isEmpty()) {
        State s = work.poll();
        matcher.checkStop().run();
        ElementPattern.Edge e = path.edges().get(s.edge());
        if (s.taken() >= e.min()) finishEdge(s, work);
        if (s.taken() >= matcher.maxHops(e)) continue;
        for (PatternMatcher.Step step : matcher.steps(e, s.node())) {
          State t = new State(s.edge(), s.taken() + 1, step.to());
          if (admit(t, new Parent(s, step))) next.add(t);
        }
      }
      layer = next;
    }
  }

  /** Leaves edge pattern {@code s.edge()} at {@code s.node()}: the pattern ends there, or the next edge pattern starts. */
  private void finishEdge(State s, Deque<State> work) {
    ElementPattern.Node n = path.nodes().get(s.edge() + 1);
    if (!matcher.accepts(n, s.node())) return;
    if (s.edge() + 1 == path.edges().size()) {
      if (ends.add(s.node())) finish(chain(s), s.node());
      return;
    }
    State t = new State(s.edge() + 1, 0, s.node());
    if (admit(t, new Parent(s, null))) work.add(t);
  }

  private boolean admit(State t, Parent parent) {
    int min = path.edges().get(t.edge()).min();
    Key key = new Key(t.edge(), Math.min(t.taken(), min), t.node());
    Integer before = fewestHops.get(key);
    if (before != null && before <= t.taken()) return false;
    fewestHops.put(key, t.taken());
    parents.put(t, parent);
    return true;
  }

  /** The steps from the start to {@code last}, first step first, with a null where an edge pattern ends. */
  private List<Parent> chain(State last) {
    List<Parent> out = new ArrayList<>();
    for (Parent p = parents.get(last); p != null; p = parents.get(p.previous())) out.add(p);
    Collections.reverse(out);
    return out;
  }

  /** Binds the path's variables along {@code chain}; if they agree with earlier bindings, goes on to the next path pattern. */
  private void finish(List<Parent> chain, PatternMatcher.Ref end) {
    List<String> added = new ArrayList<>();
    boolean agrees = bindAll(chain, end, added);
    if (agrees) {
      int length = (int) chain.stream().filter(p -> p.step() != null).count();
      matcher.completed(path, pathIndex, length);
    }
    added.forEach(matcher::unbind);
  }

  private boolean bindAll(List<Parent> chain, PatternMatcher.Ref end, List<String> added) {
    int position = 0;
    PatternMatcher.Ref at = chain.isEmpty() ? end : chain.get(0).previous().node();
    if (!bind(path.nodes().get(0).variable(), at, added)) return false;
    for (Parent p : chain) {
      if (p.step() == null) {
        position++;
        if (!bind(path.nodes().get(position).variable(), p.previous().node(), added)) return false;
      } else {
        ElementPattern.Edge e = path.edges().get(position);
        if (!e.quantified() && !bind(e.variable(), p.step().edge(), added)) return false;
      }
    }
    return bind(path.nodes().get(path.nodes().size() - 1).variable(), end, added);
  }

  private boolean bind(String variable, PatternMatcher.Ref ref, List<String> added) {
    int b = matcher.bind(variable, ref);
    if (b == PatternMatcher.NEWLY_BOUND) added.add(variable);
    return b != PatternMatcher.CONFLICT;
  }
}

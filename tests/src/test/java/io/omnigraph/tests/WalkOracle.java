package io.omnigraph.tests;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected answers of graph pattern queries, computed in the test from the edge rows read with
 * plain SQL: walks enumerated depth-first under a path mode, and breadth-first distances.
 */
final class WalkOracle {
  enum Mode { WALK, TRAIL, ACYCLIC, SIMPLE }

  record Edge(String id, String type, String src, String dst) {}

  /** One hop: the edge taken and the node reached. */
  record Hop(Edge edge, String to) {}

  private final List<Edge> edges = new ArrayList<>();

  WalkOracle(Connection c, String... edgeTypes) throws SQLException {
    for (String type : edgeTypes) read(c, type, "SELECT id, src, dst FROM " + type);
  }

  /** An oracle over the edges of one type that {@code sql} (selecting id, src, dst) returns. */
  static WalkOracle of(Connection c, String type, String sql) throws SQLException {
    WalkOracle o = new WalkOracle(c);
    o.read(c, type, sql);
    return o;
  }

  private void read(Connection c, String type, String sql) throws SQLException {
    for (List<Object> r : Fixture.rows(c, sql)) {
      edges.add(new Edge((String) r.get(0), type, (String) r.get(1), (String) r.get(2)));
    }
  }

  List<Edge> edges() {
    return edges;
  }

  /** The hops from {@code node} over edges of {@code type} (null: any) out of it, into it, or both ("out", "in", "any"). */
  List<Hop> hops(String node, String type, String direction) {
    List<Hop> out = new ArrayList<>();
    for (Edge e : edges) {
      if (type != null && !e.type().equals(type)) continue;
      if (!direction.equals("in") && e.src().equals(node)) out.add(new Hop(e, e.dst()));
      boolean loopSeen = direction.equals("any") && e.src().equals(e.dst());
      if (!direction.equals("out") && e.dst().equals(node) && !loopSeen) out.add(new Hop(e, e.src()));
    }
    return out;
  }

  /** The end node of every walk of {@code min..max} hops from {@code start} under {@code mode}, one entry per walk. */
  List<String> walkEnds(String start, String type, String direction, int min, int max, Mode mode) {
    List<String> ends = new ArrayList<>();
    List<String> nodes = new ArrayList<>(List.of(start));
    List<String> used = new ArrayList<>();
    walk(type, direction, min, max, mode, nodes, used, ends);
    return ends;
  }

  private void walk(String type, String direction, int min, int max, Mode mode, List<String> nodes, List<String> used,
      List<String> ends) {
    String at = nodes.get(nodes.size() - 1);
    int length = used.size();
    if (length >= min) ends.add(at);
    boolean closed = mode == Mode.SIMPLE && length > 0 && at.equals(nodes.get(0));
    if (length == max || closed) return;
    for (Hop h : hops(at, type, direction)) {
      if (mode == Mode.TRAIL && used.contains(h.edge().id())) continue;
      if (mode == Mode.ACYCLIC && nodes.contains(h.to())) continue;
      if (mode == Mode.SIMPLE && nodes.subList(1, nodes.size()).contains(h.to())) continue;
      nodes.add(h.to());
      used.add(h.edge().id());
      walk(type, direction, min, max, mode, nodes, used, ends);
      nodes.remove(nodes.size() - 1);
      used.remove(used.size() - 1);
    }
  }

  /** For every node reachable from {@code start} in {@code min..max} hops, the fewest hops that reach it. */
  Map<String, Integer> shortest(String start, String type, int min, int max) {
    Map<String, Integer> out = new HashMap<>();
    // Breadth-first over (node, hops) pairs: a node may need to be reached again to satisfy min.
    Deque<Object[]> queue = new ArrayDeque<>();
    queue.add(new Object[] {start, 0});
    Map<String, Integer> seenAt = new HashMap<>();
    while (!queue.isEmpty()) {
      Object[] s = queue.poll();
      String node = (String) s[0];
      int hops = (int) s[1];
      if (hops >= min) out.putIfAbsent(node, hops);
      if (hops == max) continue;
      for (Hop h : hops(node, type, "out")) {
        int key = Math.min(hops + 1, min);
        String seenKey = h.to() + "@" + key;
        if (seenAt.containsKey(seenKey)) continue;
        seenAt.put(seenKey, hops + 1);
        queue.add(new Object[] {h.to(), hops + 1});
      }
    }
    return out;
  }
}

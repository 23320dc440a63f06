package io.omnigraph.engine.read;

import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The topology of one edge type in one graph state, in compressed sparse row form: the endpoint ids
 * are numbered densely (one numbering when source and target are the same node type, one per side
 * otherwise), and each node's outgoing and incoming edges sit contiguously, so following an edge
 * costs an array read instead of a scan. Immutable once built.
 */
public final class Adjacency {
  /** Receives one neighbour: the edge followed and the node at its other end. */
  @FunctionalInterface
  public interface NeighbourSink {
    void accept(String edgeId, String nodeId);
  }

  private final String edgeType;
  private final Numbering sources;
  private final Numbering targets;
  private final String[] edgeIds;
  private final int[] outOffsets;
  private final int[] outTargets;
  private final int[] outEdges;
  private final int[] inOffsets;
  private final int[] inSources;
  private final int[] inEdges;

  private Adjacency(String edgeType, Numbering sources, Numbering targets, String[] edgeIds, int[] src, int[] dst) {
    this.edgeType = edgeType;
    this.sources = sources;
    this.targets = targets;
    this.edgeIds = edgeIds;
    this.outOffsets = offsets(src, sources.size());
    this.outTargets = new int[src.length];
    this.outEdges = new int[src.length];
    fill(src, dst, outOffsets, outTargets, outEdges);
    this.inOffsets = offsets(dst, targets.size());
    this.inSources = new int[dst.length];
    this.inEdges = new int[dst.length];
    fill(dst, src, inOffsets, inSources, inEdges);
  }

  /** Reads the id, src and dst of every edge of {@code type} visible in {@code view}. */
  public static Adjacency build(ReadView view, EdgeType type) {
    Numbering sources = new Numbering();
    Numbering targets = type.from().equals(type.to()) ? sources : new Numbering();
    List<String> ids = new ArrayList<>();
    IntList src = new IntList();
    IntList dst = new IntList();
    ScanRequest request = new ScanRequest(List.of(EntityType.ID, EntityType.SRC, EntityType.DST), Predicate.TRUE,
        OptionalLong.empty());
    try (RowCursor c = view.scan(type.name(), request)) {
      while (c.next()) {
        Object[] row = c.row();
        ids.add((String) row[0]);
        src.add(sources.number((String) row[1]));
        dst.add(targets.number((String) row[2]));
      }
    }
    return new Adjacency(type.name(), sources, targets, ids.toArray(new String[0]), src.toArray(), dst.toArray());
  }

  /**
   * This adjacency with pending changes applied: edges deleted or rewritten are dropped, and every
   * written edge is added with its new endpoints. Costs one pass over the edges, no scan; this
   * adjacency is left as it was.
   */
  public Adjacency with(PendingChanges changes) {
    Numbering newSources = sources.copy();
    Numbering newTargets = targets == sources ? newSources : targets.copy();
    List<String> ids = new ArrayList<>();
    IntList src = new IntList();
    IntList dst = new IntList();
    for (int n = 0; n < sources.size(); n++) {
      for (int i = outOffsets[n]; i < outOffsets[n + 1]; i++) {
        String id = edgeIds[outEdges[i]];
        if (changes.deletes().contains(id) || changes.upserts().containsKey(id)) continue;
        ids.add(id);
        src.add(n);
        dst.add(outTargets[i]);
      }
    }
    changes.upserts().forEach((id, row) -> {
      ids.add(id);
      src.add(newSources.number((String) row.get(EntityType.SRC)));
      dst.add(newTargets.number((String) row.get(EntityType.DST)));
    });
    return new Adjacency(edgeType, newSources, newTargets, ids.toArray(new String[0]), src.toArray(), dst.toArray());
  }

  public String edgeType() {
    return edgeType;
  }

  public int edgeCount() {
    return edgeIds.length;
  }

  /** Calls {@code sink} for each edge leaving the source node {@code nodeId}, in edge order. */
  public void outgoing(String nodeId, NeighbourSink sink) {
    int n = sources.find(nodeId);
    if (n < 0) return;
    for (int i = outOffsets[n]; i < outOffsets[n + 1]; i++) sink.accept(edgeIds[outEdges[i]], targets.id(outTargets[i]));
  }

  /** Calls {@code sink} for each edge arriving at the target node {@code nodeId}, in edge order. */
  public void incoming(String nodeId, NeighbourSink sink) {
    int n = targets.find(nodeId);
    if (n < 0) return;
    for (int i = inOffsets[n]; i < inOffsets[n + 1]; i++) sink.accept(edgeIds[inEdges[i]], sources.id(inSources[i]));
  }

  /** Per node, where its run of edges starts; one more entry than nodes. */
  private static int[] offsets(int[] from, int nodes) {
    int[] offsets = new int[nodes + 1];
    for (int f : from) offsets[f + 1]++;
    for (int i = 0; i < nodes; i++) offsets[i + 1] += offsets[i];
    return offsets;
  }

  private static void fill(int[] from, int[] to, int[] offsets, int[] neighbours, int[] edges) {
    int[] next = offsets.clone();
    for (int e = 0; e < from.length; e++) {
      int slot = next[from[e]]++;
      neighbours[slot] = to[e];
      edges[slot] = e;
    }
  }

  /** Dense numbers for node ids, in order of first appearance. */
  private static final class Numbering {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<String> ids = new ArrayList<>();

    int number(String id) {
      Integer n = numbers.get(id);
      if (n != null) return n;
      numbers.put(id, ids.size());
      ids.add(id);
      return ids.size() - 1;
    }

    int find(String id) {
      Integer n = numbers.get(id);
      return n == null ? -1 : n;
    }

    String id(int n) {
      return ids.get(n);
    }

    int size() {
      return ids.size();
    }

    Numbering copy() {
      Numbering c = new Numbering();
      c.numbers.putAll(numbers);
      c.ids.addAll(ids);
      return c;
    }
  }

  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) values = java.util.Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}

package io.omnigraph.engine.merge;

import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Edges of the merged graph whose endpoint node is absent, in both directions: an edge the merge
 * writes pointing at a node that is gone, and an edge the target keeps pointing at a node the
 * merge removes. The commit's own endpoint check sees only written edges and stops at the first;
 * this finds every orphan, also for dry runs. Work is bounded by the delta, not the tables.
 */
final class OrphanEdges {
  private final Snapshot target;
  private final MergeDelta delta;
  private final Map<String, MergeConflict> found = new TreeMap<>();

  private OrphanEdges(Snapshot target, MergeDelta delta) {
    this.target = target;
    this.delta = delta;
  }

  /** Every orphan edge, ordered by edge type and id. */
  static List<MergeConflict> find(Snapshot target, MergeDelta delta) {
    OrphanEdges check = new OrphanEdges(target, delta);
    for (EntityType type : delta.typesWithUpserts()) {
      if (type instanceof EdgeType edge) check.writtenEdges(edge);
    }
    for (EntityType type : delta.typesWithRemoves()) {
      if (type instanceof NodeType node) check.keptEdgesOf(node);
    }
    return new ArrayList<>(check.found.values());
  }

  private void writtenEdges(EdgeType edge) {
    Map<String, Map<String, Object>> rows = delta.upserts(edge);
    Set<String> srcPresent = present(edge.from(), column(rows, "src"));
    Set<String> dstPresent = present(edge.to(), column(rows, "dst"));
    for (Map<String, Object> row : rows.values()) {
      String id = (String) row.get("id");
      if (!srcPresent.contains((String) row.get("src"))) orphan(edge, id, "src", (String) row.get("src"), edge.from());
      else if (!dstPresent.contains((String) row.get("dst"))) orphan(edge, id, "dst", (String) row.get("dst"), edge.to());
    }
  }

  private void keptEdgesOf(NodeType node) {
    List<Object> removed = new ArrayList<>(delta.removes(node));
    for (EdgeType edge : target.catalog().edgesTouching(node.name())) {
      Map<String, Map<String, Object>> rewritten = delta.upserts(edge);
      Set<String> dropped = delta.removes(edge);
      for (int i = 0; i < removed.size(); i += RowImages.CHUNK) {
        List<Object> chunk = removed.subList(i, Math.min(removed.size(), i + RowImages.CHUNK));
        Set<Object> ids = new HashSet<>(chunk);
        List<Predicate> sides = new ArrayList<>();
        if (edge.from().equals(node.name())) sides.add(new Predicate.In("src", chunk));
        if (edge.to().equals(node.name())) sides.add(new Predicate.In("dst", chunk));
        Predicate filter = sides.size() == 1 ? sides.get(0) : new Predicate.Or(sides);
        try (RowCursor c = target.scan(edge.name(), new ScanRequest(List.of("id", "src", "dst"), filter, OptionalLong.empty()))) {
          while (c.next()) {
            Object[] r = c.row();
            String id = (String) r[0];
            // Rewritten edges were checked with their new endpoints; removed ones are gone.
            if (rewritten.containsKey(id) || dropped.contains(id)) continue;
            if (edge.from().equals(node.name()) && ids.contains(r[1])) orphan(edge, id, "src", (String) r[1], node.name());
            else if (edge.to().equals(node.name()) && ids.contains(r[2])) orphan(edge, id, "dst", (String) r[2], node.name());
          }
        }
      }
    }
  }

  /** Which of the node ids exist once the delta is applied to the target. */
  private Set<String> present(String nodeTypeName, Set<String> ids) {
    NodeType node = target.catalog().node(nodeTypeName).orElseThrow();
    Set<String> out = new HashSet<>();
    List<String> ask = new ArrayList<>();
    for (String id : ids) {
      if (delta.upserts(node).containsKey(id)) out.add(id);
      else if (!delta.removes(node).contains(id)) ask.add(id);
    }
    out.addAll(RowImages.existing(target, node, ask));
    return out;
  }

  private static Set<String> column(Map<String, Map<String, Object>> rows, String column) {
    Set<String> out = new HashSet<>();
    rows.values().forEach(r -> out.add((String) r.get(column)));
    return out;
  }

  private void orphan(EdgeType edge, String id, String side, String node, String nodeType) {
    found.putIfAbsent(edge.tableKey() + "\u0000" + id, new MergeConflict(edge.name(), id, ConflictKind.ORPHAN_EDGE,
        "edge " + edge.name() + " '" + id + "': " + side + " '" + node + "' not found in " + nodeType + " after the merge"));
  }
}

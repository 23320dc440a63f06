package io.omnigraph.engine.merge;

import java.util.Objects;

/**
 * One entity that differs between two graph states.
 *
 * @param kind {@code node} or {@code edge}
 * @param src the edge's source node id (its newer image; the old one for a delete); null for nodes
 * @param dst the edge's target node id, like {@code src}
 */
public record EntityChange(String kind, String typeName, String id, ChangeOp op, String src, String dst) {
  public EntityChange {
    if (!"node".equals(kind) && !"edge".equals(kind)) throw new IllegalArgumentException("kind must be node or edge: " + kind);
    Objects.requireNonNull(typeName, "typeName");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(op, "op");
  }
}

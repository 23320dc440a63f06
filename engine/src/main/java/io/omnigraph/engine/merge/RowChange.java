package io.omnigraph.engine.merge;

import java.util.Map;

/**
 * One entity whose image differs between two states.
 *
 * @param before the older image; null when the entity was inserted
 * @param after the newer image; null when the entity was deleted
 */
record RowChange(String id, Map<String, Object> before, Map<String, Object> after) {
  RowChange {
    if (before == null && after == null) throw new IllegalArgumentException("a change needs an image: " + id);
  }

  ChangeOp op() {
    return before == null ? ChangeOp.INSERT : after == null ? ChangeOp.DELETE : ChangeOp.UPDATE;
  }

  RowChange inverted() {
    return new RowChange(id, after, before);
  }
}

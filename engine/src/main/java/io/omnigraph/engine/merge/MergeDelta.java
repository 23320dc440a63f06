package io.omnigraph.engine.merge;

import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.write.GraphTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What a merge writes on its target, per type: full row images to write and ids to remove. */
final class MergeDelta {
  private final Map<EntityType, Map<String, Map<String, Object>>> upserts = new LinkedHashMap<>();
  private final Map<EntityType, Set<String>> removes = new LinkedHashMap<>();

  /** Takes the newer side of a change: its image, or its removal. */
  void take(EntityType type, RowChange change) {
    if (change.after() == null) {
      removes.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(change.id());
    } else {
      upserts.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(change.id(), change.after());
    }
  }

  Map<String, Map<String, Object>> upserts(EntityType type) {
    return upserts.getOrDefault(type, Map.of());
  }

  Set<String> removes(EntityType type) {
    return removes.getOrDefault(type, Set.of());
  }

  Set<EntityType> typesWithUpserts() {
    return upserts.keySet();
  }

  Set<EntityType> typesWithRemoves() {
    return removes.keySet();
  }

  /** Stages the delta on a transaction; removals never cascade, so dangling edges stay visible. */
  void applyTo(GraphTransaction tx) {
    upserts.forEach((type, rows) -> tx.upsert(type.name(), new ArrayList<>(rows.values())));
    removes.forEach((type, ids) -> tx.removeById(type.name(), ids));
  }
}

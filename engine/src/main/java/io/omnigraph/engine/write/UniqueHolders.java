package io.omnigraph.engine.write;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which pending row of one table holds each value of one {@code @unique} tuple, kept across the
 * statements of a transaction so that checking a statement costs its own rows, not every row the
 * transaction wrote before. It describes the pending rows as they were when the table's change
 * count was {@code syncedAt}; any other count means it must be rebuilt.
 */
final class UniqueHolders {
  private final Map<List<Object>, String> byTuple = new HashMap<>();
  private final Map<String, List<Object>> byId = new HashMap<>();
  private int syncedAt = -1;

  /** Holders of every pending row outside {@code scope}, from the rows as they are now. */
  static UniqueHolders without(PendingTable p, List<String> tuple, Set<String> scope) {
    UniqueHolders h = new UniqueHolders();
    p.upserts.forEach((id, row) -> {
      if (!scope.contains(id)) h.set(id, Validator.tupleOf(row, tuple));
    });
    return h;
  }

  boolean syncedAt(int changeCount) {
    return syncedAt == changeCount;
  }

  /** The id holding {@code key} among rows outside {@code scope}, or null. */
  String holderOutside(List<Object> key, Set<String> scope) {
    String id = byTuple.get(key);
    return id == null || scope.contains(id) ? null : id;
  }

  /** Takes the statement's rows in after it passed: each scoped id now holds its row's tuple, if any. */
  void apply(PendingTable p, List<String> tuple, Set<String> scope) {
    for (String id : scope) {
      Map<String, Object> row = p.upserts.get(id);
      set(id, row == null ? null : Validator.tupleOf(row, tuple));
    }
    syncedAt = p.changeCount();
  }

  private void set(String id, List<Object> key) {
    List<Object> old = byId.remove(id);
    if (old != null && id.equals(byTuple.get(old))) byTuple.remove(old);
    if (key != null) {
      byId.put(id, key);
      byTuple.put(key, id);
    }
  }
}

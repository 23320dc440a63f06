package io.omnigraph.engine.write;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one statement changed in a transaction's pending tables: for every row it touched, the
 * pending state that row had before the statement. It is both the scope of the statement's
 * constraint check and the undo log that puts the transaction back when the statement fails.
 */
final class StatementLog {
  /** A row's pending state before the statement: its written image (or null), and whether it was removed or strictly inserted. */
  private record Before(Map<String, Object> row, boolean deleted, boolean strict) {}

  private final Map<PendingTable, Map<String, Before>> before = new LinkedHashMap<>();
  /** Each table's change count before the statement's first change to it. */
  private final Map<PendingTable, Integer> startedAt = new HashMap<>();

  /** {@code p}'s change count before this statement changed it. */
  int startedAt(PendingTable p) {
    return startedAt.getOrDefault(p, p.changeCount());
  }

  /** Records the row's state before its first change in this statement; later changes keep the first. */
  void touch(PendingTable p, String id) {
    startedAt.putIfAbsent(p, p.changeCount());
    before.computeIfAbsent(p, k -> new HashMap<>())
        .computeIfAbsent(id, k -> new Before(p.upserts.get(id), p.deletes.contains(id), p.strictInserts.contains(id)));
  }

  /** The ids the statement changed, by table. */
  Map<PendingTable, Set<String>> changed() {
    Map<PendingTable, Set<String>> out = new LinkedHashMap<>();
    before.forEach((p, rows) -> out.put(p, new LinkedHashSet<>(rows.keySet())));
    return out;
  }

  /** Rows of {@code p} that earlier statements had written and this one replaced or removed. */
  Collection<Map<String, Object>> replacedPendingRows(PendingTable p) {
    Map<String, Before> rows = before.getOrDefault(p, Map.of());
    return rows.values().stream().map(Before::row).filter(Objects::nonNull).toList();
  }

  /** Puts every touched row back as it was before the statement. */
  void undo() {
    before.keySet().forEach(PendingTable::changed);
    before.forEach((p, rows) -> rows.forEach((id, b) -> {
      if (b.row() != null) p.upserts.put(id, b.row());
      else p.upserts.remove(id);
      if (b.deleted()) p.deletes.add(id);
      else p.deletes.remove(id);
      if (b.strict()) p.strictInserts.add(id);
      else p.strictInserts.remove(id);
    }));
  }
}

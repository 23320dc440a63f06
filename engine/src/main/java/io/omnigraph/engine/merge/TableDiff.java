package io.omnigraph.engine.merge;

import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.RowStamps;
import io.omnigraph.engine.storage.TableStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The entity-level changes of one table from an older graph state to a newer one, by full row
 * image, so that rewriting a row with the values it already had is no change.
 *
 * <p>When the newer state is known to descend from the older one, only rows Lance stamped with a
 * version after the older pinned table version are read: every other row of the newer table was
 * already there, unchanged, in the older one (fragments are immutable; stable row ids keep the
 * stamps). Rows without a trustworthy stamp are read too: a table's version 1 is always its empty
 * creation, so a stamp of 1 (or none) means Lance did not track that row, which happens on a fork
 * taken from a never-written table. Deletions leave no stamp; they are detected by row counts and
 * only then located by scanning the id column of both versions. Without that ancestry both tables
 * are compared in full.
 */
final class TableDiff {
  private final TableStore store;

  TableDiff(TableStore store) {
    this.store = store;
  }

  /** The pinned table of a type in a committed state; empty for transactions or if absent. */
  static TableEntry entry(ReadView view, EntityType type) {
    if (!(view instanceof Snapshot s)) return null;
    TableEntry e = s.state().table(type.stableTypeId());
    return e == null || e.incarnationId() != type.incarnationId() ? null : e;
  }

  /** True when both states pin the very same table version, so its rows cannot differ. */
  static boolean samePin(TableEntry a, TableEntry b) {
    return a != null && b != null && a.location().equals(b.location()) && a.version() == b.version()
        && Objects.equals(a.tableBranch(), b.tableBranch());
  }

  /**
   * Changes of {@code type} from {@code older} to {@code newer}, ordered by id.
   *
   * @param descends true only when {@code newer}'s table lineage passes through {@code older}'s
   *     pinned table version (the newer state's history contains the older state's commit)
   */
  List<RowChange> changes(ReadView older, ReadView newer, EntityType type, boolean descends) {
    // Rows of the commit log read on top of a table are not in it: only a full comparison sees them.
    if (logged(older, type) || logged(newer, type)) return fullComparison(older, newer, type);
    TableEntry from = entry(older, type);
    TableEntry to = entry(newer, type);
    if (samePin(from, to)) return List.of();
    if (descends && from != null && to != null && from.location().equals(to.location())) {
      return sinceVersion(older, (Snapshot) newer, type, from.version());
    }
    return fullComparison(older, newer, type);
  }

  private List<RowChange> sinceVersion(ReadView older, Snapshot newer, EntityType type, long since) {
    Map<String, Map<String, Object>> after = new HashMap<>();
    String changedOrUntracked = RowStamps.changedAfter(since);
    try (RowCursor c = store.scan(newer.ref(type), type.columnNames(), changedOrUntracked, null)) {
      while (c.next()) {
        Map<String, Object> row = RowImages.row(c);
        after.put((String) row.get("id"), row);
      }
    }
    Map<String, Map<String, Object>> before = RowImages.byIds(older, type, after.keySet());
    long inserted = after.keySet().stream().filter(id -> !before.containsKey(id)).count();
    long deleted = older.count(type.name(), Predicate.TRUE) + inserted - newer.count(type.name(), Predicate.TRUE);
    if (deleted > 0) {
      Set<String> gone = RowImages.ids(older, type);
      gone.removeAll(RowImages.ids(newer, type));
      before.putAll(RowImages.byIds(older, type, gone));
    }
    Set<String> ids = new TreeSet<>(after.keySet());
    ids.addAll(before.keySet());
    List<RowChange> out = new ArrayList<>();
    for (String id : ids) {
      Map<String, Object> b = before.get(id);
      Map<String, Object> a = after.get(id);
      if (!RowImages.same(b, a)) out.add(new RowChange(id, b, a));
    }
    return out;
  }

  private List<RowChange> fullComparison(ReadView older, ReadView newer, EntityType type) {
    Map<String, Map<String, Object>> before = exists(older, type) ? all(older, type) : new HashMap<>();
    Map<String, RowChange> out = new TreeMap<>();
    if (exists(newer, type)) {
      try (RowCursor c = newer.scan(type.name(), new ScanRequest(type.columnNames(), Predicate.TRUE, OptionalLong.empty()))) {
        while (c.next()) {
          Map<String, Object> a = RowImages.row(c);
          String id = (String) a.get("id");
          Map<String, Object> b = before.remove(id);
          if (!RowImages.same(b, a)) out.put(id, new RowChange(id, b, a));
        }
      }
    }
    before.forEach((id, b) -> out.put(id, new RowChange(id, b, null)));
    return new ArrayList<>(out.values());
  }

  private static Map<String, Map<String, Object>> all(ReadView view, EntityType type) {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    try (RowCursor c = view.scan(type.name(), new ScanRequest(type.columnNames(), Predicate.TRUE, OptionalLong.empty()))) {
      while (c.next()) {
        Map<String, Object> row = RowImages.row(c);
        rows.put((String) row.get("id"), row);
      }
    }
    return rows;
  }

  private static boolean logged(ReadView view, EntityType type) {
    return view instanceof Snapshot s && s.hasLogged(type);
  }

  /** Whether the type has a table in the view (a type added or dropped later has none). */
  static boolean exists(ReadView view, EntityType type) {
    if (view instanceof Snapshot) return entry(view, type) != null;
    return view.tables().stream().anyMatch(t -> t.typeName().equals(type.name()));
  }
}

package io.omnigraph.engine.write;

import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.schema.EntityType;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a transaction read of committed rows to decide its changes. For most reads that is whole
 * tables (the rows a predicate matched, the edges a cascade found, a table an overwrite replaced);
 * for reads by id (the rows an update rewrites, a delete or update by id) it is just those rows.
 * If another commit changed what was read, what the transaction decided may no longer hold, so it
 * must fail; a commit that touched only other tables, or other rows of a table read by id, does
 * not invalidate it (first committer wins per row). A merge reads the whole branch.
 */
final class ReadSet {
  /** Rows past this many are tracked as a whole-table read. */
  static final int MAX_TRACKED_IDS = 4_096;

  private final Map<String, EntityType> tables = new LinkedHashMap<>();
  private final Map<String, Set<String>> rows = new LinkedHashMap<>();
  private final Map<String, EntityType> rowTables = new LinkedHashMap<>();
  private boolean wholeBranch;

  /** Decides whether any of a table's given rows changed between two states. */
  interface RowChanges {
    /** {@code ids} null means every row of the table. */
    boolean anyChanged(Snapshot base, Snapshot head, EntityType type, Set<String> ids);
  }

  void add(EntityType type) {
    tables.putIfAbsent(type.name(), type);
    rows.remove(type.name());
    rowTables.remove(type.name());
  }

  /** Records reads of these rows by id; a table already read whole stays whole. */
  void addIds(EntityType type, Collection<String> ids) {
    if (tables.containsKey(type.name())) return;
    Set<String> set = rows.computeIfAbsent(type.name(), k -> new HashSet<>());
    set.addAll(ids);
    rowTables.put(type.name(), type);
    if (set.size() > MAX_TRACKED_IDS) add(type);
  }

  /** Whether nothing was read. */
  boolean isEmpty() {
    return !wholeBranch && tables.isEmpty() && rows.isEmpty();
  }

  void addWholeBranch() {
    wholeBranch = true;
  }

  /**
   * Whether anything read here was written by commits ordered before this one in a shared publish:
   * {@code written} holds their written ids per table name.
   */
  boolean overlaps(Map<String, Set<String>> written) {
    if (wholeBranch) return true;
    for (String table : tables.keySet()) if (written.containsKey(table)) return true;
    for (Map.Entry<String, Set<String>> e : rows.entrySet()) {
      Set<String> ids = written.get(e.getKey());
      if (ids != null && e.getValue().stream().anyMatch(ids::contains)) return true;
    }
    return false;
  }

  /** The name of a read table whose read rows differ between the two states (or "the branch"), or null when none do. */
  String movedBetween(Snapshot base, Snapshot head, RowChanges changes) {
    if (head.manifestVersion() == base.manifestVersion() && head.branch().equals(base.branch())) return null;
    if (wholeBranch) return "the branch";
    for (EntityType t : tables.values()) {
      // A new version whose rows are all as they were (compaction, an index build) changes no read.
      if (!sameVersion(entryOrNull(base, t), entryOrNull(head, t)) && changes.anyChanged(base, head, t, null)) {
        return t.name();
      }
    }
    for (Map.Entry<String, Set<String>> e : rows.entrySet()) {
      EntityType t = rowTables.get(e.getKey());
      if (e.getValue().isEmpty() || sameVersion(entryOrNull(base, t), entryOrNull(head, t))) continue;
      if (changes.anyChanged(base, head, t, e.getValue())) return t.name() + " (rows it read)";
    }
    return null;
  }

  /** True when both states pin the same version of the same table lifetime. */
  static boolean sameVersion(TableEntry a, TableEntry b) {
    if (a == null || b == null) return a == b;
    return a.stableTableId() == b.stableTableId() && a.incarnationId() == b.incarnationId() && a.version() == b.version()
        && Objects.equals(a.tableBranch(), b.tableBranch());
  }

  static TableEntry entryOrNull(Snapshot s, EntityType t) {
    return s.state().table(t.stableTypeId());
  }
}

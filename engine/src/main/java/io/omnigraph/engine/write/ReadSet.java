package io.omnigraph.engine.write;

import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.schema.EntityType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The tables whose committed rows a transaction read to decide its changes (the rows an UPDATE or
 * DELETE matched, the edges a cascade found, a table an overwrite replaced). If another commit
 * moved one of them, what the transaction decided may no longer hold, so it must fail; a commit
 * that touched only other tables does not invalidate it. A merge reads the whole branch.
 */
final class ReadSet {
  private final Map<String, EntityType> tables = new LinkedHashMap<>();
  private boolean wholeBranch;

  void add(EntityType type) {
    tables.putIfAbsent(type.name(), type);
  }

  void addWholeBranch() {
    wholeBranch = true;
  }

  /** The name of a read table that differs between the two states (or "the branch"), or null when none does. */
  String movedBetween(Snapshot base, Snapshot head) {
    if (head.manifestVersion() == base.manifestVersion() && head.branch().equals(base.branch())) return null;
    if (wholeBranch) return "the branch";
    for (EntityType t : tables.values()) {
      if (!sameVersion(entryOrNull(base, t), entryOrNull(head, t))) return t.name();
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

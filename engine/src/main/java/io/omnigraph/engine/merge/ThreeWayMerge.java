package io.omnigraph.engine.merge;

import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.schema.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The per-table, per-row rule of SPEC §5.3. Only rows the source changed since the base can need
 * anything: a row the source left alone keeps the target's image, whatever the target did. For
 * each source change the target's image decides: unchanged on the target → take the source's;
 * equal to the source's → nothing to do; anything else → a conflict.
 */
final class ThreeWayMerge {
  record Plan(MergeDelta delta, List<MergeConflict> conflicts) {}

  private final TableDiff diff;
  private final Snapshot base;
  private final Snapshot source;
  private final Snapshot target;
  private final boolean sourceDescendsFromBase;

  ThreeWayMerge(TableDiff diff, Snapshot base, Snapshot source, Snapshot target, boolean sourceDescendsFromBase) {
    this.diff = diff;
    this.base = base;
    this.source = source;
    this.target = target;
    this.sourceDescendsFromBase = sourceDescendsFromBase;
  }

  Plan plan() {
    MergeDelta delta = new MergeDelta();
    List<MergeConflict> conflicts = new ArrayList<>();
    List<EntityType> types = new ArrayList<>(target.catalog().allTypes());
    types.sort(Comparator.comparing(EntityType::tableKey));
    for (EntityType type : types) mergeTable(type, delta, conflicts);
    return new Plan(delta, conflicts);
  }

  private void mergeTable(EntityType type, MergeDelta delta, List<MergeConflict> conflicts) {
    TableEntry b = TableDiff.entry(base, type);
    TableEntry s = TableDiff.entry(source, type);
    TableEntry t = TableDiff.entry(target, type);
    if ((b == null) != (s == null) || (s == null) != (t == null)) {
      throw new WriteConflict("the table of " + type.name() + " is not the same lifetime on the merge base, source '"
          + source.branch() + "' and target '" + target.branch() + "'; merge refused");
    }
    if (s == null || TableDiff.samePin(s, t) || TableDiff.samePin(b, s)) return;
    List<RowChange> changes = diff.changes(base, source, type, sourceDescendsFromBase);
    if (changes.isEmpty()) return;
    // A target table still pinned where the base had it holds the base's rows: no lookup needed.
    Map<String, Map<String, Object>> targetRows = TableDiff.samePin(b, t) ? null
        : RowImages.byIds(target, type, changes.stream().map(RowChange::id).toList());
    for (RowChange change : changes) {
      Map<String, Object> onTarget = targetRows == null ? change.before() : targetRows.get(change.id());
      if (RowImages.same(onTarget, change.before())) {
        delta.take(type, change);
      } else if (!RowImages.same(onTarget, change.after())) {
        conflicts.add(conflict(type, change, onTarget));
      }
    }
  }

  private MergeConflict conflict(EntityType type, RowChange change, Map<String, Object> onTarget) {
    String what = type.name() + " '" + change.id() + "'";
    if (change.before() == null) {
      return new MergeConflict(type.name(), change.id(), ConflictKind.DIVERGENT_INSERT,
          what + " was inserted with different values on '" + source.branch() + "' and '" + target.branch() + "'");
    }
    if (change.after() == null || onTarget == null) {
      String deletedOn = change.after() == null ? source.branch() : target.branch();
      String changedOn = change.after() == null ? target.branch() : source.branch();
      return new MergeConflict(type.name(), change.id(), ConflictKind.DELETE_VS_UPDATE,
          what + " was deleted on '" + deletedOn + "' and updated on '" + changedOn + "'");
    }
    return new MergeConflict(type.name(), change.id(), ConflictKind.DIVERGENT_UPDATE,
        what + " was updated to different values on '" + source.branch() + "' and '" + target.branch() + "'");
  }
}

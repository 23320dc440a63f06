package io.omnigraph.jdbc;

import io.omnigraph.engine.maintenance.CleanupResult;
import io.omnigraph.engine.maintenance.IndexBuildResult;
import io.omnigraph.engine.maintenance.OptimizeResult;
import io.omnigraph.engine.merge.MergeConflict;
import io.omnigraph.engine.merge.MergeResult;
import io.omnigraph.engine.schema.SqlNameWarning;
import io.omnigraph.engine.schemaapply.SchemaStep;
import io.omnigraph.engine.storage.TableIndexes;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rows control statements answer with (SPEC B.5), with the column names the SPEC gives. */
final class ControlResults {
  static final List<ResultColumn> MERGE = List.of(ResultColumn.requiredText("outcome"), ResultColumn.text("commit_id"));
  static final List<ResultColumn> MERGE_CONFLICTS = List.of(ResultColumn.requiredText("kind"),
      ResultColumn.requiredText("type_name"), ResultColumn.text("entity_id"), ResultColumn.requiredText("message"));
  static final List<ResultColumn> SCHEMA_STEPS = List.of(ResultColumn.requiredText("kind"),
      ResultColumn.text("type_name"), ResultColumn.text("property_name"), ResultColumn.text("detail"));
  static final List<ResultColumn> INDEXES = List.of(ResultColumn.requiredText("type_key"), ResultColumn.text("built"),
      ResultColumn.text("pending"), ResultColumn.text("skipped"), ResultColumn.bigint("published_version"),
      ResultColumn.text("pending_reason"));
  static final List<ResultColumn> OPTIMIZE = List.of(ResultColumn.requiredText("type_key"),
      ResultColumn.bigint("fragments_removed"), ResultColumn.bigint("fragments_added"), ResultColumn.bool("committed"),
      ResultColumn.bool("skipped"), ResultColumn.bigint("published_dataset_version"),
      ResultColumn.bigint("lance_head_version"), ResultColumn.text("pending_indexes"), ResultColumn.text("pending_reason"));
  static final List<ResultColumn> CLEANUP = List.of(ResultColumn.requiredText("type_key"),
      ResultColumn.bigint("bytes_removed"), ResultColumn.bigint("old_versions_removed"), ResultColumn.bigint("kept_from"),
      ResultColumn.text("error"));

  private ControlResults() {}

  static ResultSet merge(Statement owner, MergeResult r) {
    return new ListResultSet(owner, MERGE, List.<Object[]>of(new Object[] {r.outcome().name(), r.commitId()}));
  }

  /** A dry run's conflicts; no rows means the merge would publish cleanly. */
  static ResultSet mergeConflicts(Statement owner, MergeResult r) {
    return new ListResultSet(owner, MERGE_CONFLICTS, r.conflicts().stream()
        .map((MergeConflict c) -> new Object[] {c.kind().name(), c.typeName(), c.entityId(), c.message()})
        .toList());
  }

  static ResultSet schemaSteps(Statement owner, List<SchemaStep> steps) {
    return new ListResultSet(owner, SCHEMA_STEPS, steps.stream().map(ControlResults::step).toList());
  }

  /**
   * A DRY RUN's answer: the steps, then a {@code refused} row saying why the real apply would be
   * refused (if it would), then a {@code warning} row per name SQL reserves.
   */
  static ResultSet schemaDryRun(Statement owner, List<SchemaStep> steps, Optional<String> refusal,
      List<SqlNameWarning> warnings) {
    List<Object[]> rows = new ArrayList<>(steps.stream().map(ControlResults::step).toList());
    refusal.ifPresent(r -> rows.add(new Object[] {"refused", null, null, "APPLY SCHEMA without DRY RUN would be refused: " + r}));
    warnings.forEach(w -> rows.add(new Object[] {"warning", w.typeName(), w.propertyName(), w.message()}));
    return new ListResultSet(owner, SCHEMA_STEPS, rows);
  }

  private static Object[] step(SchemaStep step) {
    if (step instanceof SchemaStep.AddType s) return row(s, s.name(), null, s.typeKind().label());
    if (step instanceof SchemaStep.RenameType s) return row(s, s.to(), null, "renamed from " + s.from());
    if (step instanceof SchemaStep.AddProperty s) return row(s, s.typeName(), s.propertyName(), s.propertyType());
    if (step instanceof SchemaStep.RenameProperty s) return row(s, s.typeName(), s.to(), "renamed from " + s.from());
    if (step instanceof SchemaStep.AddConstraint s) {
      return row(s, s.typeName(), null, "@" + s.constraint() + "(" + String.join(", ", s.columns()) + ")");
    }
    if (step instanceof SchemaStep.ExtendEnum s) {
      return row(s, s.typeName(), s.propertyName(), "adds " + String.join(", ", s.addedValues()));
    }
    if (step instanceof SchemaStep.UpdateTypeMetadata s) return row(s, s.name(), null, null);
    if (step instanceof SchemaStep.UpdatePropertyMetadata s) return row(s, s.typeName(), s.propertyName(), null);
    if (step instanceof SchemaStep.DropType s) return row(s, s.name(), null, s.mode().name().toLowerCase());
    if (step instanceof SchemaStep.DropProperty s) {
      return row(s, s.typeName(), s.propertyName(), s.mode().name().toLowerCase());
    }
    SchemaStep.UnsupportedChange s = (SchemaStep.UnsupportedChange) step;
    return row(s, s.entity(), null, s.message());
  }

  private static Object[] row(SchemaStep step, String type, String property, String detail) {
    return new Object[] {step.kind(), type, property, detail};
  }

  static ResultSet indexes(Statement owner, IndexBuildResult r) {
    return new ListResultSet(owner, INDEXES, r.tables().stream()
        .map(t -> new Object[] {t.typeKey(), String.join(", ", t.built()), String.join(", ", t.pendingColumns()),
            t.skipped(), t.publishedVersion(), reasons(t.pending())})
        .toList());
  }

  static ResultSet optimize(Statement owner, OptimizeResult r) {
    return new ListResultSet(owner, OPTIMIZE, r.tables().stream()
        .map(t -> new Object[] {t.typeKey(), t.fragmentsRemoved(), t.fragmentsAdded(), t.committed(), t.skipped(),
            t.publishedDatasetVersion(), t.lanceHeadVersion(),
            String.join(", ", t.pendingIndexes().stream().map(TableIndexes.PendingIndex::column).toList()),
            reasons(t.pendingIndexes())})
        .toList());
  }

  /** {@code column: reason; column: reason}, or null when nothing is pending. */
  private static String reasons(List<TableIndexes.PendingIndex> pending) {
    if (pending.isEmpty()) return null;
    return String.join("; ", pending.stream().map(TableIndexes.PendingIndex::describe).toList());
  }

  static ResultSet cleanup(Statement owner, CleanupResult r) {
    return new ListResultSet(owner, CLEANUP, r.tables().stream()
        .map(t -> new Object[] {t.typeKey(), t.bytesRemoved(), t.oldVersionsRemoved(), t.keptFrom(), t.error()})
        .toList());
  }
}

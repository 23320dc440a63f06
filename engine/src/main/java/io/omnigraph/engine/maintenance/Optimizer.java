package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableMaintenance;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code optimize} (SPEC §9): on every main table, builds declared-but-missing indexes, compacts
 * small fragments and folds unindexed rows into the existing indexes, then publishes the tables
 * that changed in one commit. Rows never change, and no version is deleted. A table whose Lance
 * HEAD is ahead of its manifest pin is skipped: that drift is for repair, not for optimize.
 */
final class Optimizer {
  private static final String MAIN = "main";

  private final EngineContext ctx;
  private final TableIndexes indexes;
  private final TableMaintenance maintenance;

  Optimizer(EngineContext ctx) {
    this.ctx = ctx;
    this.indexes = new TableIndexes(ctx.tables());
    this.maintenance = new TableMaintenance(ctx.tables());
  }

  /** One table's planned work, decided before the sidecar so that only tables that will move are pinned. */
  private record Work(EntityType type, TableEntry entry, String uri, TableIndexes.StagedIndexes staged) {}

  OptimizeResult run() {
    Snapshot snap = ctx.latest(MAIN);
    Map<String, TableOptimizeStats> stats = new LinkedHashMap<>();
    List<Work> work = new ArrayList<>();
    for (EntityType type : snap.catalog().allTypes()) {
      TableEntry e = snap.state().table(type.stableTypeId());
      if (e == null || e.incarnationId() != type.incarnationId()) continue;
      String uri = ctx.store().uri(e.location());
      long head = maintenance.head(uri);
      if (head != e.version()) {
        stats.put(type.tableKey(), new TableOptimizeStats(type.tableKey(), 0, 0, false, true, e.version(), head, List.of()));
        continue;
      }
      TableRef ref = new TableRef(uri, null, e.version());
      TableIndexes.StagedIndexes staged = e.rowCount() == 0 ? null
          : indexes.stage(ref, IndexPlanner.missing(type, indexes.indexedColumns(ref)));
      List<TableIndexes.PendingIndex> pending = staged == null ? List.of() : staged.pending();
      boolean compact = maintenance.needsCompaction(uri);
      boolean build = staged != null && !staged.empty();
      if (build || compact || indexes.unindexedRows(ref) > 0) {
        stats.put(type.tableKey(), null);
        work.add(new Work(type, e, uri, staged));
      } else {
        stats.put(type.tableKey(), new TableOptimizeStats(type.tableKey(), 0, 0, false, false, e.version(), head, pending));
      }
    }
    if (work.isEmpty()) return new OptimizeResult(OptionalLong.empty(), List.copyOf(stats.values()));
    MaintenanceCommit commit = new MaintenanceCommit(ctx, WriterKind.Optimize, MAIN,
        work.stream().map(Work::entry).toList());
    long manifestVersion;
    try {
      for (Work w : work) stats.put(w.type().tableKey(), optimize(w, commit));
      manifestVersion = commit.publish();
    } catch (RuntimeException e) {
      throw commit.failed(e);
    }
    return new OptimizeResult(manifestVersion < 0 ? OptionalLong.empty() : OptionalLong.of(manifestVersion),
        List.copyOf(stats.values()));
  }

  private TableOptimizeStats optimize(Work w, MaintenanceCommit commit) {
    long head = w.entry().version();
    List<TableIndexes.PendingIndex> pending = w.staged() == null ? List.of() : w.staged().pending();
    if (w.staged() != null && !w.staged().empty()) head = indexes.commit(w.staged(), commit.commitProperties());
    // Lance only merges fragments that the indexes cover alike, so new rows are folded in first.
    head = indexes.fold(w.uri(), head);
    TableMaintenance.Compacted compacted = maintenance.compact(w.uri(), head);
    head = indexes.fold(w.uri(), compacted.version());
    commit.reached(w.entry(), head);
    return new TableOptimizeStats(w.type().tableKey(), compacted.fragmentsRemoved(), compacted.fragmentsAdded(),
        head != w.entry().version(), false, head, head, pending);
  }
}

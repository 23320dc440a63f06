package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code ensureIndices} for one branch (SPEC §9): every index the catalog wants and a table lacks
 * is built, each table's new indexes committed as one Lance version, and the new versions
 * published in one commit. On a branch other than main only the tables that branch already forked
 * are indexed: building on an inherited table would fork it just for an index.
 */
final class IndexBuild {
  private final EngineContext ctx;
  private final TableIndexes indexes;

  IndexBuild(EngineContext ctx) {
    this.ctx = ctx;
    this.indexes = new TableIndexes(ctx.tables());
  }

  /** A table with the index segments staged for it. */
  private record Staged(EntityType type, TableEntry entry, TableIndexes.StagedIndexes indexes) {}

  IndexBuildResult run(String branch) {
    Snapshot snap = ctx.latest(branch);
    Map<String, TableIndexStats> stats = new LinkedHashMap<>();
    List<Staged> work = new ArrayList<>();
    for (EntityType type : snap.catalog().allTypes()) {
      TableEntry e = snap.state().table(type.stableTypeId());
      if (e == null || e.incarnationId() != type.incarnationId()) continue;
      String skipped = skipReason(branch, e);
      if (skipped != null) {
        stats.put(type.tableKey(), new TableIndexStats(type.tableKey(), List.of(), List.of(), skipped, e.version()));
        continue;
      }
      TableRef ref = ref(e);
      List<TableIndexes.IndexRequest> missing = IndexPlanner.missing(type, indexes.indexedColumns(ref));
      TableIndexes.StagedIndexes staged = indexes.stage(ref, missing);
      if (staged.empty()) {
        stats.put(type.tableKey(), new TableIndexStats(type.tableKey(), List.of(), staged.pending(), null, e.version()));
      } else {
        // Keeps the table's place in catalog order until its build is committed.
        stats.put(type.tableKey(), null);
        work.add(new Staged(type, e, staged));
      }
    }
    if (work.isEmpty()) return new IndexBuildResult(OptionalLong.empty(), List.copyOf(stats.values()));
    MaintenanceCommit commit = new MaintenanceCommit(ctx, WriterKind.EnsureIndices, branch,
        work.stream().map(Staged::entry).toList());
    long manifestVersion;
    try {
      for (Staged s : work) {
        long version = indexes.commit(s.indexes(), commit.commitProperties());
        commit.reached(s.entry(), version);
        stats.put(s.type().tableKey(), new TableIndexStats(s.type().tableKey(), s.indexes().built(),
            s.indexes().pending(), null, version));
      }
      manifestVersion = commit.publish();
    } catch (RuntimeException e) {
      throw commit.failed(e);
    }
    return new IndexBuildResult(OptionalLong.of(manifestVersion), List.copyOf(stats.values()));
  }

  private String skipReason(String branch, TableEntry e) {
    if (!branch.equals("main") && !branch.equals(e.tableBranch())) return "inherited from another branch";
    if (e.rowCount() == 0) return "empty";
    long head = ctx.tables().latestVersion(ctx.store().uri(e.location()), e.tableBranch());
    if (head != e.version()) return "Lance HEAD " + head + " is ahead of the manifest pin " + e.version();
    return null;
  }

  private TableRef ref(TableEntry e) {
    return new TableRef(ctx.store().uri(e.location()), e.tableBranch(), e.version());
  }
}

package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.Branches;
import io.omnigraph.engine.commit.ManifestState;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.ManifestRow;
import io.omnigraph.engine.storage.TableMaintenance;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code cleanup} (SPEC §9): garbage-collects old main-lineage versions of every table lifetime the
 * manifest ever registered, dropped ones included. A table keeps its newest {@code keepVersions}
 * versions and every older version a live branch still pins or forked from; forks of deleted
 * branches are removed. Time travel to a manifest version whose table versions are gone fails.
 */
final class Cleaner {
  private static final String MAIN = "main";

  private final EngineContext ctx;
  private final TableMaintenance maintenance;

  Cleaner(EngineContext ctx) {
    this.ctx = ctx;
    this.maintenance = new TableMaintenance(ctx.tables());
  }

  CleanupResult run(int keepVersions) {
    if (keepVersions < 1) throw OmniGraphException.badInput("cleanup must keep at least 1 version, not " + keepVersions);
    Set<String> branches = new HashSet<>(new Branches(ctx).names());
    List<ManifestState> heads = new ArrayList<>();
    for (String b : branches) heads.add(ctx.latest(b).state());
    ManifestState main = ctx.latest(MAIN).state();
    List<TableCleanupStats> stats = new ArrayList<>();
    int forksRemoved = 0;
    for (ManifestRow registration : registrations()) {
      if (!ctx.store().exists(registration.location())) continue;
      String uri = ctx.store().uri(registration.location());
      String key = registration.tableKey();
      try {
        long head = maintenance.head(uri);
        TableEntry live = entry(main, registration);
        if (live != null && live.version() != head) {
          stats.add(new TableCleanupStats(key, 0, 0, 0, "Lance HEAD " + head + " is ahead of the manifest pin "
              + live.version() + "; settle that drift before cleaning this table"));
          continue;
        }
        long keepFrom = Math.max(1, head - keepVersions + 1);
        for (ManifestState s : heads) {
          TableEntry e = entry(s, registration);
          if (e != null && e.tableBranch() == null) keepFrom = Math.min(keepFrom, e.version());
        }
        for (Map.Entry<String, Long> fork : maintenance.forks(uri).entrySet()) {
          if (!branches.contains(fork.getKey())) {
            maintenance.deleteFork(uri, fork.getKey());
            forksRemoved++;
          } else if (fork.getValue() > 0) {
            keepFrom = Math.min(keepFrom, fork.getValue());
          }
        }
        TableMaintenance.Reclaimed r = maintenance.cleanup(uri, keepFrom);
        stats.add(new TableCleanupStats(key, r.bytesRemoved(), r.versionsRemoved(), keepFrom, null));
      } catch (OmniGraphException e) {
        stats.add(new TableCleanupStats(key, 0, 0, 0, e.getMessage()));
      }
    }
    return new CleanupResult(stats, forksRemoved);
  }

  /** Every table lifetime main's manifest registers, live or tombstoned, with its newest alias. */
  private List<ManifestRow> registrations() {
    return ctx.manifest().read(MAIN, null).rows().stream()
        .filter(r -> r.objectType().equals(ManifestRow.TABLE)).toList();
  }

  private static TableEntry entry(ManifestState s, ManifestRow registration) {
    TableEntry e = s.table(registration.stableTableId());
    return e != null && e.incarnationId() == registration.tableIncarnationId() ? e : null;
  }
}

package io.omnigraph.engine.storage;

import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.WriteConflict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lance.Branch;
import org.lance.Dataset;
import org.lance.cleanup.CleanupPolicy;
import org.lance.cleanup.RemovalStats;
import org.lance.compaction.Compaction;
import org.lance.compaction.CompactionMetrics;
import org.lance.compaction.CompactionOptions;
import org.lance.compaction.CompactionPlan;
import org.lance.compaction.CompactionTask;
import org.lance.compaction.RewriteResult;

/**
 * Physical upkeep of table datasets on their main lineage: compaction, which rewrites data files
 * but never changes a row, and garbage collection of old versions. Neither changes what any
 * published table version contains; cleanup only makes old versions unreadable.
 */
public final class TableMaintenance {
  private final TableStore tables;

  public TableMaintenance(TableStore tables) {
    this.tables = tables;
  }

  /** The result of compacting one table; {@code version} is its HEAD afterwards. */
  public record Compacted(long fragmentsRemoved, long fragmentsAdded, long version) {
    public boolean changed() {
      return fragmentsRemoved > 0 || fragmentsAdded > 0;
    }
  }

  /** What a cleanup reclaimed. */
  public record Reclaimed(long bytesRemoved, long versionsRemoved) {}

  /** The newest version of the table's main lineage. */
  public long head(String uri) {
    return tables.latestVersion(uri, null);
  }

  /**
   * Fragments below this many rows are what automatic compaction merges. Lance merges every fragment
   * below its target of a million rows, so with its default a table of a few hundred thousand rows
   * was rewritten whole every time a few dozen commits had added small fragments, while writers
   * waited; with this bound a round rewrites at most about this many rows plus the new ones.
   */
  public static final long TAIL_ROWS = 16_384;

  /** True when compaction of the main-lineage HEAD would rewrite any fragment. */
  public boolean needsCompaction(String uri) {
    return needsCompaction(uri, false);
  }

  /** As {@link #needsCompaction(String)}; {@code tailOnly} counts only fragments below {@link #TAIL_ROWS}. */
  public boolean needsCompaction(String uri, boolean tailOnly) {
    try (Dataset ds = tables.openLatest(uri, null)) {
      return !Compaction.planCompaction(ds, options(tailOnly)).getCompactionTasks().isEmpty();
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot plan compaction of " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Merges small fragments and materializes deletions of the main-lineage HEAD, as one version
   * committed by Lance. Refused when HEAD is not {@code expectedHead}.
   */
  public Compacted compact(String uri, long expectedHead) {
    return compact(uri, expectedHead, false);
  }

  /** As {@link #compact(String, long)}; {@code tailOnly} merges only fragments below {@link #TAIL_ROWS}. */
  public Compacted compact(String uri, long expectedHead, boolean tailOnly) {
    try (Dataset ds = tables.openLatest(uri, null)) {
      if (ds.version() != expectedHead) {
        throw new WriteConflict("table " + uri + " is at version " + ds.version() + " but the manifest pins "
            + expectedHead + "; it was not compacted");
      }
      CompactionOptions options = options(tailOnly);
      CompactionPlan plan = Compaction.planCompaction(ds, options);
      if (plan.getCompactionTasks().isEmpty()) return new Compacted(0, 0, ds.version());
      List<RewriteResult> results = new ArrayList<>();
      for (CompactionTask task : plan.getCompactionTasks()) results.add(task.execute(ds));
      CompactionMetrics m = Compaction.commitCompaction(ds, results, options);
      return new Compacted(m.getFragmentsRemoved(), m.getFragmentsAdded(), ds.latestVersion());
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot compact " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * Merges the small fragments of main-lineage {@code version} as tail-only compaction does, and
   * commits nothing: needs no lock, reads that version and writes only new data files.
   *
   * @return the staged merge, or null when nothing needs merging or HEAD is no longer {@code version}
   */
  public StagedCompaction stageTailCompaction(String uri, long version) {
    Dataset ds = tables.openLatest(uri, null);
    try {
      CompactionOptions options = options(true);
      if (ds.version() != version) {
        ds.close();
        return null;
      }
      CompactionPlan plan = Compaction.planCompaction(ds, options);
      if (plan.getCompactionTasks().isEmpty()) {
        ds.close();
        return null;
      }
      List<RewriteResult> results = new ArrayList<>();
      for (CompactionTask task : plan.getCompactionTasks()) results.add(task.execute(ds));
      return new StagedCompaction(uri, ds, results, options);
    } catch (RuntimeException e) {
      ds.close();
      throw e instanceof OmniGraphException o ? o
          : OmniGraphException.storage("cannot compact " + uri + ": " + e.getMessage(), e);
    }
  }

  /** What committing a staged merge left: the table's new HEAD, and whether the merge is in it. */
  public record Committed(long version, boolean merged) {}

  /**
   * Commits a staged merge onto HEAD, which must be {@code expectedHead}: Lance carries it over
   * the commits made since it was staged, and refuses it if one of them deleted or rewrote rows
   * of a merged fragment. Lance first commits a version of its own that only reserves the new
   * fragments' ids, so even a refused merge can move HEAD, to a version with the same rows.
   *
   * @throws WriteConflict when HEAD is not {@code expectedHead}, or the merge was refused and HEAD did not move
   */
  public Committed commitStaged(StagedCompaction staged, long expectedHead) {
    long head = head(staged.uri());
    if (head != expectedHead) {
      throw new WriteConflict("table " + staged.uri() + " is at version " + head + " but the manifest pins "
          + expectedHead + "; it was not compacted");
    }
    try {
      staged.commit();
      return new Committed(head(staged.uri()), true);
    } catch (RuntimeException e) {
      long now = head(staged.uri());
      if (now == expectedHead) {
        throw new WriteConflict("the compaction of " + staged.uri() + " collided with a commit: " + e.getMessage());
      }
      return new Committed(now, false);
    }
  }

  /**
   * Tail-only compaction also leaves deleted rows where they are: materializing them would rewrite
   * a big fragment (and remap every index covering it, text indexes included) whenever updates had
   * deleted a tenth of its rows. OPTIMIZE does that.
   */
  private static CompactionOptions options(boolean tailOnly) {
    CompactionOptions.Builder b = CompactionOptions.builder();
    return tailOnly ? b.withTargetRowsPerFragment(TAIL_ROWS).withMaterializeDeletions(false).build() : b.build();
  }

  /**
   * Deletes the main-lineage versions older than {@code beforeVersion} and the files only they
   * used. HEAD is never deleted, whatever {@code beforeVersion} says.
   */
  public Reclaimed cleanup(String uri, long beforeVersion) {
    try (Dataset ds = tables.openLatest(uri, null)) {
      long bound = Math.min(beforeVersion, ds.version());
      if (bound <= 1) return new Reclaimed(0, 0);
      RemovalStats stats = ds.cleanupWithPolicy(CleanupPolicy.builder().withBeforeVersion(bound).build());
      return new Reclaimed(stats.getBytesRemoved(), stats.getOldVersions());
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot clean up " + uri + ": " + e.getMessage(), e);
    }
  }

  /**
   * The table's Lance branches (graph-branch forks) forked from its main lineage, each with the
   * main version it was forked from; forks of forks are listed with version 0 and name their
   * parent elsewhere, so they never cap main.
   */
  public Map<String, Long> forks(String uri) {
    try (Dataset ds = tables.openLatest(uri, null)) {
      Map<String, Long> out = new LinkedHashMap<>();
      for (Branch b : VanishedRefs.branches(ds)) {
        boolean fromMain = b.getParentBranch().map(p -> p.equals("main")).orElse(true);
        out.put(b.getName(), fromMain ? b.getParentVersion() : 0L);
      }
      return out;
    } catch (OmniGraphException e) {
      throw e;
    } catch (RuntimeException e) {
      throw OmniGraphException.storage("cannot list forks of " + uri + ": " + e.getMessage(), e);
    }
  }

  /** Removes a fork left behind by a deleted graph branch. */
  public void deleteFork(String uri, String lanceBranch) {
    tables.deleteFork(uri, lanceBranch);
  }
}

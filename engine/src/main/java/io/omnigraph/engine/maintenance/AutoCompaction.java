package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.IndexKind;
import io.omnigraph.engine.storage.StagedCompaction;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableMaintenance;
import io.omnigraph.engine.storage.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts main's tables in the background as commits pile up small fragments (each commit adds
 * one per table it touches), so that scans, key checks and commits do not slow down with history
 * between explicit OPTIMIZE runs. After every {@code every} commits touching a table, one worker
 * thread of this graph handle compacts it: a recoverable writer like any other (sidecar, audit,
 * one graph commit). The merged fragments and rebuilt BTREEs are written first; main's write lock
 * is held only to commit them and publish.
 *
 * <p>New rows are brought into a table's BTREE indexes, by a rebuild swapped in under the lock,
 * once enough of them are unindexed to be worth its cost (see {@link #foldDue}); other scalar and
 * vector indexes are folded by Lance under the lock, as OPTIMIZE does.
 * A table with an inverted (full-text) index only has its other indexes caught up: rebuilding the
 * text index, and compacting, are left to OPTIMIZE. Branch forks are not compacted. {@code every} = 0
 * switches it off.
 *
 * <p>The same worker builds the BTREE indexes of a main table's identity columns once the table
 * holds {@code indexAtRows} rows, the indexes ENSURE INDICES would build first.
 */
public final class AutoCompaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutoCompaction.class);
  private static final String MAIN = "main";

  private final EngineContext ctx;
  private final int every;
  private final long indexAtRows;
  private final Map<String, AtomicInteger> commitsSince = new ConcurrentHashMap<>();
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  /** Table incarnations whose identity columns this handle found or made indexed. */
  private final Set<String> identityIndexed = ConcurrentHashMap.newKeySet();
  private final ExecutorService worker;
  /** Set by {@link #close}: queued work is dropped, running work finishes. */
  private volatile boolean closing;

  /**
   * @param every compact a main table after this many commits touched it (0 = never)
   * @param indexAtRows build the BTREE indexes on a main table's identity columns ({@code id}, and
   *     {@code src}/{@code dst} on edges) once it holds this many rows (0 = never)
   */
  public AutoCompaction(EngineContext ctx, int every, long indexAtRows) {
    this.ctx = ctx;
    this.every = every;
    this.indexAtRows = indexAtRows;
    this.worker = (every <= 0 && indexAtRows <= 0) || ctx.readOnly() ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "omnigraph-compaction");
      t.setDaemon(true);
      return t;
    });
  }

  /** Counts a published commit that touched {@code tables} (with their new row counts) on {@code branch}. */
  public void committed(String branch, Map<EntityType, Long> tables) {
    if (worker == null || !MAIN.equals(branch)) return;
    tables.forEach(this::maybeIndex);
    if (every <= 0) return;
    for (EntityType type : tables.keySet()) {
      AtomicInteger n = commitsSince.computeIfAbsent(type.tableKey(), k -> new AtomicInteger());
      if (n.incrementAndGet() < every || !queued.add(type.tableKey())) continue;
      n.set(0);
      try {
        worker.submit(() -> run(type));
      } catch (java.util.concurrent.RejectedExecutionException shutDown) {
        queued.remove(type.tableKey());
      }
    }
  }

  private void maybeIndex(EntityType type, long rows) {
    if (indexAtRows <= 0 || rows < indexAtRows || identityIndexed.contains(incarnation(type))) return;
    String job = "index:" + type.tableKey();
    if (!queued.add(job)) return;
    try {
      worker.submit(() -> {
        try {
          if (!closing) indexIdentity(type);
        } catch (RuntimeException e) {
          // A writer moved the table meanwhile; a later commit queues the build again.
          LOG.debug("automatic identity index of {} skipped: {}", type.tableKey(), e.toString());
        } finally {
          queued.remove(job);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException shutDown) {
      queued.remove(job);
    }
  }

  private static String incarnation(EntityType type) {
    return type.tableKey() + "#" + type.incarnationId();
  }

  /**
   * Builds the missing BTREE indexes on a main table's identity columns, so lookups by id and
   * joins along edges are indexed on a graph nobody ran ENSURE INDICES on. The build reads the
   * pinned version without any lock; only its commit and publish hold main's write lock, and they
   * are refused (to be queued again) if a writer moved the table meanwhile.
   */
  private void indexIdentity(EntityType type) {
    TableEntry e = mainEntry(type);
    if (e == null) return;
    String uri = ctx.store().uri(e.location());
    TableRef ref = new TableRef(uri, null, e.version());
    TableIndexes indexes = new TableIndexes(ctx.tables());
    Map<String, String> indexed = indexes.indexedColumns(ref);
    List<TableIndexes.IndexRequest> missing = new ArrayList<>();
    for (String column : type.systemColumns()) {
      if (!indexed.containsKey(column)) missing.add(new TableIndexes.IndexRequest(column, IndexKind.BTREE));
    }
    if (missing.isEmpty()) {
      identityIndexed.add(incarnation(type));
      return;
    }
    if (new TableMaintenance(ctx.tables()).head(uri) != e.version()) return;
    TableIndexes.StagedIndexes staged = indexes.stage(ref, missing);
    if (staged.empty()) return;
    // Built without the lock; commits that land meanwhile only add rows the indexes do not cover yet.
    boolean committed = commitUnderLock(type, WriterKind.EnsureIndices, e,
        (now, commit) -> indexes.commitOnto(staged, now.version(), commit.commitProperties()));
    if (committed) identityIndexed.add(incarnation(type));
  }

  private void run(EntityType type) {
    try {
      if (!closing) compact(type);
    } catch (RuntimeException e) {
      // Another writer or an OPTIMIZE got there first; the next threshold tries again.
      LOG.debug("automatic compaction of {} skipped: {}", type.tableKey(), e.toString());
    } finally {
      queued.remove(type.tableKey());
    }
  }

  private void compact(EntityType type) {
    TableEntry e = mainEntry(type);
    if (e == null) return;
    String uri = ctx.store().uri(e.location());
    TableRef ref = new TableRef(uri, null, e.version());
    TableIndexes indexes = new TableIndexes(ctx.tables());
    Map<String, String> indexed = indexes.indexedColumns(ref);
    if (!indexed.isEmpty() && foldDue(indexes.unindexedRows(ref), e.rowCount())) {
      // The BTREEs are rebuilt without the lock and swapped in under it, then the small fragments
      // are merged as below. Other kinds of index are folded, and the table merged, under the lock.
      TableIndexes.StagedIndexes rebuilt = indexes.stageRebuild(ref);
      if (rebuilt == null) {
        foldAndCompact(type);
        return;
      }
      if (!rebuilt.empty()) {
        commitUnderLock(type, WriterKind.Optimize, e,
            (now, commit) -> indexes.commitOnto(rebuilt, now.version(), commit.commitProperties()));
        e = mainEntry(type);
        if (e == null) return;
        uri = ctx.store().uri(e.location());
      }
    }
    // The merge is written before taking main's lock, which is then held only to commit and
    // publish it: writers on main wait one commit's time, not the rewrite's.
    TableMaintenance maintenance = new TableMaintenance(ctx.tables());
    try (StagedCompaction staged = maintenance.stageTailCompaction(uri, e.version())) {
      if (staged == null) return;
      commitUnderLock(type, WriterKind.Optimize, e,
          (now, commit) -> maintenance.commitStaged(staged, now.version()).version());
    }
  }

  /** What a background job commits to a table under main's lock; returns the table's new version. */
  private interface LockedStep {
    long commit(TableEntry now, MaintenanceCommit commit);
  }

  /**
   * Takes main's lock, finds the table's entry again (commits may have moved it since {@code staged}
   * was read) and commits and publishes one step of work prepared without the lock.
   *
   * @return false when the table was dropped or re-created meanwhile and nothing was committed
   */
  private boolean commitUnderLock(EntityType type, WriterKind kind, TableEntry staged, LockedStep step) {
    try (BranchLocks.Held held = ctx.branchLocks().acquire(MAIN)) {
      TableEntry now = mainEntry(type);
      if (now == null || !now.location().equals(staged.location())) return false;
      MaintenanceCommit commit = new MaintenanceCommit(ctx, kind, MAIN, List.of(now));
      try {
        commit.reached(now, step.commit(now, commit));
        commit.publish();
        return true;
      } catch (RuntimeException failure) {
        throw commit.failed(failure);
      }
    }
  }

  /** Main's entry of the type's table when automatic compaction applies to it (not a fork), else null. */
  private TableEntry mainEntry(EntityType type) {
    TableEntry e = ctx.latest(MAIN).state().table(type.stableTypeId());
    return e == null || e.incarnationId() != type.incarnationId() || e.tableBranch() != null ? null : e;
  }

  private void foldAndCompact(EntityType type) {
    TableMaintenance maintenance = new TableMaintenance(ctx.tables());
    try (BranchLocks.Held held = ctx.branchLocks().acquire(MAIN)) {
      TableEntry e = mainEntry(type);
      if (e == null) return;
      String uri = ctx.store().uri(e.location());
      TableIndexes indexes = new TableIndexes(ctx.tables());
      Map<String, String> indexed = indexes.indexedColumns(new TableRef(uri, null, e.version()));
      // Rebuilding a text index reads its whole column: left to OPTIMIZE. Its BTREE indexes still
      // catch up, so lookups by id stay indexed, and the small fragments the text index does not
      // cover are merged among themselves (Lance merges only fragments the indexes cover alike),
      // so commits and scans do not slow down with the fragments each commit adds.
      boolean text = indexed.values().stream().anyMatch(TableIndexes::isText);
      if (maintenance.head(uri) != e.version()) return;
      TableRef ref = new TableRef(uri, null, e.version());
      boolean fold = !indexed.isEmpty() && foldDue(indexes.unindexedRows(ref), e.rowCount());
      if (!fold && !maintenance.needsCompaction(uri, true)) return;
      MaintenanceCommit commit = new MaintenanceCommit(ctx, WriterKind.Optimize, MAIN, List.of(e));
      try {
        // As OPTIMIZE does: Lance merges only fragments the indexes cover alike, so a fold goes
        // first; unfolded fragments, all uncovered alike, still merge among themselves.
        // Without compaction, a delta segment for the new rows is enough and costs only them:
        // writers on main wait while this runs.
        long head = fold ? indexes.fold(uri, e.version(), false, text) : e.version();
        head = maintenance.compact(uri, head, true).version();
        if (fold && !text) head = indexes.fold(uri, head, false, false);
        commit.reached(e, head);
        commit.publish();
      } catch (RuntimeException failure) {
        throw commit.failed(failure);
      }
    }
  }

  /**
   * Whether the rows a table's indexes miss are worth a fold. Lance 7 folds new rows into a BTREE
   * by rewriting the whole index, under main's write lock: done every round, that stalled a writer
   * for tens of milliseconds every {@code every} commits on a table of a few hundred thousand rows.
   * Waiting until {@link #FOLD_AT_UNINDEXED_ROWS} rows are missing makes its cost per new row a
   * constant; small tables, cheap to fold, are folded every round. Lookups by id meanwhile go
   * through the row locator, and joins on edges scan at most that many unindexed rows.
   */
  static boolean foldDue(long unindexedRows, long rows) {
    return unindexedRows > 0 && (unindexedRows >= FOLD_AT_UNINDEXED_ROWS || rows <= ALWAYS_FOLD_ROWS);
  }

  /** Unindexed rows that make a fold due on any table. */
  static final long FOLD_AT_UNINDEXED_ROWS = TableMaintenance.TAIL_ROWS;
  /** Tables up to this many rows are folded whenever rows are unindexed. */
  static final long ALWAYS_FOLD_ROWS = 65_536;

  /**
   * Waits until the work queued so far (compactions, identity index builds) has run, so that an
   * explicit ENSURE INDICES or OPTIMIZE sees what it published instead of racing it: a table the
   * worker had committed but not yet published would be skipped as ahead of its pin. Must not be
   * called holding a branch lock, which that work takes.
   */
  public void awaitQueued() {
    if (worker == null) return;
    try {
      worker.submit(() -> {}).get();
    } catch (java.util.concurrent.RejectedExecutionException shutDown) {
      // Closed: close() already waited for the running task.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Waits for a running compaction to finish; queued ones are dropped. */
  @Override
  public void close() {
    if (worker == null) return;
    // Work already running finishes: interrupted between its table commits and its publish, it
    // would leave the tables ahead of their pins until the next read-write open recovers them.
    closing = true;
    worker.shutdown();
    try {
      if (!worker.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("automatic compaction did not stop within 60 s");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

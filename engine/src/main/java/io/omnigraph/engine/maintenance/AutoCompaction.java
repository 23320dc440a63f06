package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.commit.BranchLocks;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.recovery.WriterKind;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.TableIndexes;
import io.omnigraph.engine.storage.TableMaintenance;
import io.omnigraph.engine.storage.TableRef;
import java.util.Collection;
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
 * one graph commit), holding main's write lock only while it compacts and publishes.
 *
 * <p>New rows are folded into a table's scalar indexes as OPTIMIZE does, so lookups stay indexed.
 * Tables with an inverted (full-text) index are left to OPTIMIZE: folding those has crashed the
 * Lance native library on some histories. Branch forks are not compacted. {@code every} = 0
 * switches it off.
 */
public final class AutoCompaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AutoCompaction.class);
  private static final String MAIN = "main";

  private final EngineContext ctx;
  private final int every;
  private final Map<String, AtomicInteger> commitsSince = new ConcurrentHashMap<>();
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  private final ExecutorService worker;

  public AutoCompaction(EngineContext ctx, int every) {
    this.ctx = ctx;
    this.every = every;
    this.worker = every <= 0 || ctx.readOnly() ? null : Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "omnigraph-compaction");
      t.setDaemon(true);
      return t;
    });
  }

  /** Counts a published commit that touched {@code tables} on {@code branch}. */
  public void committed(String branch, Collection<EntityType> tables) {
    if (worker == null || !MAIN.equals(branch)) return;
    for (EntityType type : tables) {
      AtomicInteger n = commitsSince.computeIfAbsent(type.tableKey(), k -> new AtomicInteger());
      if (n.incrementAndGet() < every || !queued.add(type.tableKey())) continue;
      n.set(0);
      try {
        worker.submit(() -> run(type));
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        queued.remove(type.tableKey());
      }
    }
  }

  private void run(EntityType type) {
    try {
      compact(type);
    } catch (RuntimeException e) {
      // Another writer or an OPTIMIZE got there first; the next threshold tries again.
      LOG.debug("automatic compaction of {} skipped: {}", type.tableKey(), e.toString());
    } finally {
      queued.remove(type.tableKey());
    }
  }

  private void compact(EntityType type) {
    TableMaintenance maintenance = new TableMaintenance(ctx.tables());
    try (BranchLocks.Held held = ctx.branchLocks().acquire(MAIN)) {
      Snapshot snap = ctx.latest(MAIN);
      TableEntry e = snap.state().table(type.stableTypeId());
      if (e == null || e.incarnationId() != type.incarnationId() || e.tableBranch() != null) return;
      String uri = ctx.store().uri(e.location());
      TableIndexes indexes = new TableIndexes(ctx.tables());
      Map<String, String> indexed = indexes.indexedColumns(new TableRef(uri, null, e.version()));
      if (indexed.values().stream().anyMatch(kind -> kind.toLowerCase(java.util.Locale.ROOT).contains("inverted"))) return;
      if (maintenance.head(uri) != e.version()) return;
      TableRef ref = new TableRef(uri, null, e.version());
      // Fragments that indexes do not cover yet are never merged, so unfolded rows are work too.
      boolean unfolded = !indexed.isEmpty() && indexes.unindexedRows(ref) > 0;
      if (!unfolded && !maintenance.needsCompaction(uri)) return;
      MaintenanceCommit commit = new MaintenanceCommit(ctx, WriterKind.Optimize, MAIN, List.of(e));
      try {
        // As OPTIMIZE does: Lance merges only fragments the indexes cover alike, so fold first.
        long head = indexed.isEmpty() ? e.version() : indexes.fold(uri, e.version());
        head = maintenance.compact(uri, head).version();
        if (!indexed.isEmpty()) head = indexes.fold(uri, head);
        commit.reached(e, head);
        commit.publish();
      } catch (RuntimeException failure) {
        throw commit.failed(failure);
      }
    }
  }

  /** Waits for a running compaction to finish; queued ones are dropped. */
  @Override
  public void close() {
    if (worker == null) return;
    worker.shutdownNow();
    try {
      if (!worker.awaitTermination(60, TimeUnit.SECONDS)) LOG.warn("automatic compaction did not stop within 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

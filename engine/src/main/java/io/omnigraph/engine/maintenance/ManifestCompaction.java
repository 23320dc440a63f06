package io.omnigraph.engine.maintenance;

import io.omnigraph.engine.storage.ManifestStore;
import io.omnigraph.engine.storage.StagedCompaction;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps main's manifest from growing a small fragment per publish without stalling the writer
 * that crosses the threshold: the rewrite is staged on a background thread without main's lock,
 * and the first publish that finds it ready commits it under the lock it already holds (one Lance
 * commit). A rewrite that collides with a publish made meanwhile is dropped and staged again at
 * the next publish past the threshold.
 */
public final class ManifestCompaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ManifestCompaction.class);

  private final ManifestStore manifest;
  private final int compactAt;
  private final ExecutorService worker;
  /** Guarded by {@code this}. */
  private Future<StagedCompaction> staging;

  /** @param compactAt manifest fragments on main at which a rewrite is staged */
  public ManifestCompaction(ManifestStore manifest, int compactAt) {
    this.manifest = manifest;
    this.compactAt = compactAt;
    this.worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "omnigraph-manifest-compaction");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Called after each publish on main, holding main's write lock, with the number of fragments the
   * manifest now has.
   */
  public synchronized void published(int fragments) {
    if (staging != null && staging.isDone()) {
      try (StagedCompaction staged = take(staging)) {
        if (staged != null && !manifest.commitStaged(staged)) LOG.debug("manifest compaction collided with a publish");
      } catch (RuntimeException e) {
        LOG.debug("manifest compaction not committed: {}", e.toString());
      }
      staging = null;
      return;
    }
    if (staging == null && fragments >= compactAt) staging = worker.submit(manifest::stageMainCompaction);
  }

  /** Waits for a rewrite being staged, so that the next publish commits it. For tests and benchmarks. */
  public void awaitStaged() {
    Future<StagedCompaction> f;
    synchronized (this) {
      f = staging;
    }
    if (f == null) return;
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // reported when the next publish takes it
    }
  }

  private static StagedCompaction take(Future<StagedCompaction> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      LOG.debug("manifest compaction not staged: {}", e.getCause().toString());
      return null;
    }
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(1, TimeUnit.MINUTES)) worker.shutdownNow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (staging != null && staging.isDone()) {
        StagedCompaction staged = take(staging);
        if (staged != null) staged.close();
      }
      staging = null;
    }
  }
}

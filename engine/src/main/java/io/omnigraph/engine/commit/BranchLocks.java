package io.omnigraph.engine.commit;

import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.storage.ObjectStore;
import io.omnigraph.engine.storage.StoreLock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock a writer holds from its first table commit on a branch to that branch's manifest publish,
 * exclusive across threads and processes. Whoever holds it sees every other writer's work on the
 * branch either fully published or settled, so table HEADs and the manifest never interleave
 * between processes, and a recovery sidecar found by a holder cannot belong to a writer still
 * between its table commits and its publish. Reentrant for the holding thread.
 */
public final class BranchLocks {
  /** Directory of the lock files under the graph root; they are never deleted. */
  public static final String DIR = "__locks";
  private static final long DEFAULT_TIMEOUT_MILLIS = 60_000;

  private final ObjectStore store;
  private final long timeoutMillis;
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  private static final class Gate {
    final ReentrantLock local = new ReentrantLock(true);
    StoreLock shared;
  }

  /** The lock held on one branch; closing it releases one acquisition. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  public BranchLocks(ObjectStore store) {
    this(store, DEFAULT_TIMEOUT_MILLIS);
  }

  BranchLocks(ObjectStore store, long timeoutMillis) {
    this.store = store;
    this.timeoutMillis = timeoutMillis;
  }

  /**
   * Waits for the branch's lock.
   *
   * @throws WriteConflict if another writer held it for longer than the timeout
   */
  public Held acquire(String branch) {
    return acquire(branch, DIR + "/branch-" + fileName(branch) + ".lock");
  }

  /**
   * Waits for the lock on appending to a branch's commit log. A commit that appends holds only this
   * one; every other writer that changes what the branch holds takes it after the branch's lock,
   * so no record is appended between its reading the branch and its publish.
   */
  public Held acquireLog(String branch) {
    return acquire("\u0001log:" + branch, DIR + "/log-" + fileName(branch) + ".lock");
  }

  /** The branch name as a file name: readable when short, a digest when it would not fit. */
  private static String fileName(String branch) {
    String encoded = URLEncoder.encode(branch, StandardCharsets.UTF_8);
    if (encoded.length() <= 120) return encoded;
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(branch.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Waits for the lock on the set of branch names, which creating or deleting a branch holds so
   * that name checks (exists, path prefixes, dependants) and the change they allow happen as one
   * step, in every process. Taken before any branch's lock.
   */
  public Held acquireBranchNames() {
    return acquire("", DIR + "/branch-names.lock");
  }

  private Held acquire(String branch, String path) {
    Gate gate = gates.computeIfAbsent(branch, b -> new Gate());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      if (!gate.local.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) throw timedOut(branch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WriteConflict("interrupted while waiting to write on branch '" + branch + "'");
    }
    if (gate.local.getHoldCount() == 1) {
      try {
        gate.shared = acquireShared(branch, path, deadline);
      } catch (RuntimeException e) {
        gate.local.unlock();
        throw e;
      }
    }
    return () -> release(gate);
  }

  /** True when the calling thread holds the branch's lock. */
  public boolean heldByCurrentThread(String branch) {
    Gate gate = gates.get(branch);
    return gate != null && gate.local.isHeldByCurrentThread();
  }

  private void release(Gate gate) {
    try {
      if (gate.local.getHoldCount() == 1) {
        StoreLock shared = gate.shared;
        gate.shared = null;
        shared.close();
      }
    } finally {
      gate.local.unlock();
    }
  }

  private StoreLock acquireShared(String branch, String path, long deadline) {
    long pause = 1;
    while (true) {
      Optional<StoreLock> lock = store.tryLock(path);
      if (lock.isPresent()) return lock.get();
      if (System.nanoTime() > deadline) throw timedOut(branch);
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WriteConflict("interrupted while waiting to write on branch '" + branch + "'");
      }
      pause = Math.min(pause * 2, 16);
    }
  }

  private WriteConflict timedOut(String branch) {
    String what = branch.isEmpty() ? "the branch list" : "branch '" + branch + "'";
    return new WriteConflict("another writer held " + what + " for more than " + timeoutMillis + " ms; retry");
  }
}

package io.omnigraph.engine.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Process-local ordering of writers. Lock order, always: the (table, branch) queues in sorted key
 * order, then the branch's publish lock. Writers on different tables of one branch stage in
 * parallel and only serialize for the short commit-and-publish step, where the branch's
 * cross-process lock ({@link io.omnigraph.engine.commit.BranchLocks}) is taken last.
 */
public final class WriteQueues {
  private final Map<String, ReentrantLock> tableQueues = new ConcurrentHashMap<>();
  private final Map<String, ReentrantLock> publishLocks = new ConcurrentHashMap<>();

  /** Held locks, released in reverse order on close. */
  public static final class Held implements AutoCloseable {
    private final List<Runnable> releases = new ArrayList<>();

    void add(ReentrantLock lock) {
      lock.lock();
      releases.add(lock::unlock);
    }

    /** Adds a lock taken elsewhere (the cross-process branch lock), released with the rest. */
    public void add(AutoCloseable lock) {
      releases.add(() -> {
        try {
          lock.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot release " + lock + ": " + e.getMessage(), e);
        }
      });
    }

    @Override
    public void close() {
      for (int i = releases.size() - 1; i >= 0; i--) releases.get(i).run();
      releases.clear();
    }
  }

  /** Acquires the queues of the given table keys on a branch, in sorted order. */
  Held acquireTables(String branch, Iterable<String> tableKeys) {
    Held held = new Held();
    TreeSet<String> sorted = new TreeSet<>();
    tableKeys.forEach(sorted::add);
    for (String key : sorted) {
      held.add(tableQueues.computeIfAbsent(key + "@" + branch, k -> new ReentrantLock(true)));
    }
    return held;
  }

  /**
   * Holds a whole branch still: every table queue, the publish lock and the cross-process lock, in
   * lock order. For a writer that must compute against a head nobody moves meanwhile (a merge);
   * its own commit then re-enters these locks.
   */
  public Held acquireBranch(String branch, Iterable<String> tableKeys, io.omnigraph.engine.commit.BranchLocks locks) {
    Held held = acquireTables(branch, tableKeys);
    try {
      acquirePublish(held, branch);
      held.add(locks.acquire(branch));
      return held;
    } catch (RuntimeException e) {
      held.close();
      throw e;
    }
  }

  /** Adds the branch's publish lock to locks already held; taken after every table queue. */
  void acquirePublish(Held held, String branch) {
    held.add(publishLocks.computeIfAbsent(branch, k -> new ReentrantLock(true)));
  }
}

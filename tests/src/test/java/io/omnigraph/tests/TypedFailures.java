package io.omnigraph.tests;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Statements run while others race them, any thread: each attempt says whether it succeeded, and
 * every failure that is not a SQLException with one of the expected states is kept for the test
 * to assert there were none.
 */
final class TypedFailures {
  interface Sql {
    void run() throws SQLException;
  }

  private final Set<String> expected;
  private final ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

  TypedFailures(String... expectedStates) {
    this.expected = Set.of(expectedStates);
  }

  /** Runs one statement; true when it succeeded, false when it failed (expectedly or not). */
  boolean attempt(Sql sql) {
    try {
      sql.run();
      return true;
    } catch (SQLException e) {
      if (e.getSQLState() == null || !expected.contains(e.getSQLState())) unexpected.add(e);
      return false;
    } catch (RuntimeException e) {
      unexpected.add(e);
      return false;
    }
  }

  /** Runs both statements at once, from two threads released together; true where one succeeded. */
  boolean[] race(Sql first, Sql second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> f1 = pool.submit(() -> {
        start.await();
        return attempt(first);
      });
      Future<Boolean> f2 = pool.submit(() -> {
        start.await();
        return attempt(second);
      });
      return new boolean[] {f1.get(60, TimeUnit.SECONDS), f2.get(60, TimeUnit.SECONDS)};
    } finally {
      pool.shutdownNow();
    }
  }

  /** The failures that were not one of the expected states. */
  List<Throwable> unexpected() {
    return List.copyOf(unexpected);
  }
}

package io.omnigraph.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Fires statement timeouts. One daemon thread serves the whole JVM: a timeout only flips a flag and cancels. */
final class QueryTimer {
  private static final ScheduledThreadPoolExecutor TIMER = create();

  private QueryTimer() {}

  private static ScheduledThreadPoolExecutor create() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "omnigraph-query-timeout");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  static ScheduledFuture<?> schedule(Runnable action, int seconds) {
    return TIMER.schedule(action, seconds, TimeUnit.SECONDS);
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;

/**
 * The cancel state of one statement execution. {@link Statement#cancel()} and the query timeout
 * flip it from any thread; every scan of the execution polls it at each row it reads (so joins,
 * aggregates and sorts stop within a row), and the executing thread checks it before committing, so
 * a cancelled write never commits (its changes are discarded). The state belongs to the execution,
 * not to its plan, which the graph's other statements share.
 */
final class Cancellation {
  private final ScheduledFuture<?> timeout;
  private volatile boolean cancelled;
  private volatile boolean timedOut;

  private Cancellation(int timeoutSeconds) {
    this.timeout = timeoutSeconds > 0 ? QueryTimer.schedule(this::timeOut, timeoutSeconds) : null;
  }

  /** Starts tracking an execution; a positive {@code timeoutSeconds} cancels it after that long. */
  static Cancellation start(int timeoutSeconds) {
    return new Cancellation(timeoutSeconds);
  }

  void cancel() {
    cancelled = true;
  }

  /** Whether a cancel or the timeout asked the execution to stop; polled by its scans. */
  boolean stopped() {
    return cancelled;
  }

  private void timeOut() {
    timedOut = true;
    cancel();
  }

  /** Throws once the execution was cancelled or timed out. */
  void check() throws SQLException {
    if (!cancelled) return;
    if (timedOut) {
      throw new SQLTimeoutException("the statement exceeded its query timeout and was cancelled",
          SqlState.QUERY_CANCELED.code());
    }
    throw SqlState.QUERY_CANCELED.exception("the statement was cancelled");
  }

  /** The execution ended: the timeout no longer applies. */
  void finish() {
    if (timeout != null) timeout.cancel(false);
  }
}

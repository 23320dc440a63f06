package io.omnigraph.jdbc;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;

/**
 * The cancel state of one statement execution. {@link Statement#cancel()} and the query timeout
 * flip it from any thread; the executing thread checks it between rows and before committing, so a
 * cancelled write never commits (its changes are discarded) and a cancelled query stops at the next row.
 */
final class Cancellation {
  private final ScheduledFuture<?> timeout;
  private volatile Statement running;
  private volatile boolean cancelled;
  private volatile boolean timedOut;

  private Cancellation(int timeoutSeconds) {
    this.timeout = timeoutSeconds > 0 ? QueryTimer.schedule(this::timeOut, timeoutSeconds) : null;
  }

  /** Starts tracking an execution; a positive {@code timeoutSeconds} cancels it after that long. */
  static Cancellation start(int timeoutSeconds) {
    return new Cancellation(timeoutSeconds);
  }

  /** Also cancels this statement of the SQL layer, which stops a running query early. */
  void cancelAlso(Statement sqlStatement) {
    running = sqlStatement;
    if (cancelled) cancelQuietly(sqlStatement);
  }

  void cancel() {
    cancelled = true;
    Statement s = running;
    if (s != null) cancelQuietly(s);
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
    running = null;
  }

  private static void cancelQuietly(Statement s) {
    try {
      s.cancel();
    } catch (SQLException | RuntimeException ignored) {
      // The flag is what callers observe; the SQL layer's cancel only makes the stop sooner.
    }
  }
}

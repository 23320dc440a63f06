package io.omnigraph.engine.write;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The thread that folds the commit log soon after commits are appended: requests made while it
 * folds are served by its next fold. A fold that fails is left to the next request, or to the
 * fold a read or a writer makes first, which reports the failure to its caller.
 */
final class LogFolder implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LogFolder.class.getName());

  /**
   * How long a fold waits for company. Measured with 1 and 4 writer threads: no pause 720 and
   * 1,219 commits/s, 5 ms 932 and 1,556, 20 ms 1,049 and 1,649, with p99 falling from 9.6 to 6.5 ms
   * for one writer; reads of this handle never wait for it (they fold themselves).
   */
  static final long PAUSE_MILLIS = 10;

  private final Runnable fold;
  private final Thread thread;
  private boolean requested;
  private boolean closed;

  LogFolder(Runnable fold) {
    this.fold = fold;
    this.thread = new Thread(this::run, "omnigraph-log-fold");
    thread.setDaemon(true);
    thread.start();
  }

  synchronized void request() {
    requested = true;
    notifyAll();
  }

  private void run() {
    while (true) {
      synchronized (this) {
        while (!requested && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) return;
        requested = false;
      }
      // A short pause lets the commits that follow join this fold: one publish for more of them.
      try {
        Thread.sleep(PAUSE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      try {
        fold.run();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "background fold of the commit log failed; the next fold retries", e);
      }
    }
  }

  /** Waits for a fold under way to end; no other starts. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

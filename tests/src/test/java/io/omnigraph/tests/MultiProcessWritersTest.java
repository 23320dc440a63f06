package io.omnigraph.tests;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs writing one graph at once through java.sql ({@link ProcessWriter}), with and without
 * reopening their connections, and with one of them killed by SIGKILL mid-run: every acknowledged
 * write is present, no failed or retried attempt is visible, the counter equals the acknowledged
 * increments and no two increments read the same value. The size is set by
 * {@code -Domnigraph.multiprocess.ops=N} (operations per writer) and {@code
 * -Domnigraph.multiprocess.writers=N}.
 */
class MultiProcessWritersTest {
  private static final int WRITERS = Integer.getInteger("omnigraph.multiprocess.writers", 3);
  private static final int OPERATIONS = Integer.getInteger("omnigraph.multiprocess.ops", 45);

  @TempDir Path dir;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void writersThatReopenTheirConnectionsLoseNothing() throws Exception {
    run(10, false);
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void writersThatKeepTheirConnectionsLoseNothingAndKeepMakingProgress() throws Exception {
    run(0, false);
  }

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void aWriterKilledMidCommitCostsTheOthersNothing() throws Exception {
    run(10, true);
  }

  /** Inserts acknowledged from the commit log, folded by whichever process reads or writes next. */
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void writersThroughTheCommitLogLoseNothingWhenOneIsKilled() throws Exception {
    new WriterProcesses(dir, WRITERS, OPERATIONS).run("jdbc:omnigraph:" + dir.resolve("graph") + "?commitLog=true", 10,
        true);
  }

  private void run(int reopenEvery, boolean killOne) throws Exception {
    new WriterProcesses(dir, WRITERS, OPERATIONS).run("jdbc:omnigraph:" + dir.resolve("graph"), reopenEvery, killOne);
  }
}

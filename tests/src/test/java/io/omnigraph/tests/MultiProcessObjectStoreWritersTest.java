package io.omnigraph.tests;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MultiProcessWritersTest} on an object-store graph: several JVMs writing one {@code s3://}
 * graph lose nothing, because Lance publishes each version with a conditional PUT and the engine's
 * locks are conditional-PUT leases. Runs on moto (see {@link MotoServer}), which honours
 * conditional writes; fewer operations than on a local disk, as every commit is many requests to a
 * single-threaded server.
 */
class MultiProcessObjectStoreWritersTest {
  private static final int WRITERS = Integer.getInteger("omnigraph.multiprocess.writers", 3);
  private static final int OPERATIONS = Integer.getInteger("omnigraph.multiprocess.s3.ops", 15);

  @TempDir Path dir;

  @Test
  @Timeout(value = 900, unit = TimeUnit.SECONDS)
  void writersOnOneObjectStoreGraphLoseNothing() throws Exception {
    try (MotoServer s3 = MotoServer.start(dir)) {
      new WriterProcesses(dir, WRITERS, OPERATIONS).run(s3.url("shared"), 5, false);
    }
  }
}

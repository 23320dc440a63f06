package io.omnigraph.engine.commit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.OmniGraphException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branch operations racing each other from two handles on one directory (two processes, as far as
 * the engine can tell): each pair ends in exactly one of the states the two operations allow, and
 * every failure is the engine's own, typed error.
 */
class BranchRacesTest {
  private static final int ROUNDS = 8;

  @TempDir Path dir;

  @Test
  void dropRacingCreateFromItNeverLeavesAnOrphanedChild() throws Exception {
    try (Graph a = Fixtures.loaded(dir); Graph b = Graph.open(a.location(), false)) {
      for (int i = 0; i < ROUNDS; i++) {
        String parent = "p" + i;
        String child = "p" + i + "-kid";
        a.createBranch(parent, "main");
        boolean[] ok = race(() -> a.deleteBranch(parent), () -> b.createBranch(child, parent));
        assertFalse(ok[0] && ok[1], "round " + i + ": the parent was dropped and a child created from it");
        if (ok[1]) {
          assertTrue(a.snapshot(child).headCommitId() != null, "round " + i + ": the child is readable");
        }
      }
    }
  }

  @Test
  void aBranchAndAPathPrefixOfItAreNeverBothCreated() throws Exception {
    try (Graph a = Fixtures.loaded(dir); Graph b = Graph.open(a.location(), false)) {
      for (int i = 0; i < ROUNDS; i++) {
        String outer = "r" + i;
        boolean[] ok = race(() -> a.createBranch(outer, "main"), () -> b.createBranch(outer + "/s", "main"));
        assertTrue(ok[0] ^ ok[1], "round " + i + ": exactly one of '" + outer + "' and '" + outer + "/s' exists");
      }
    }
  }

  /** Runs both at once; true where an operation succeeded. Only the engine's typed errors may occur. */
  private static boolean[] race(Runnable first, Runnable second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Boolean> f1 = pool.submit(attempt(start, first));
      Future<Boolean> f2 = pool.submit(attempt(start, second));
      return new boolean[] {f1.get(), f2.get()};
    } finally {
      pool.shutdownNow();
    }
  }

  private static Callable<Boolean> attempt(CyclicBarrier start, Runnable op) {
    return () -> {
      start.await();
      try {
        op.run();
        return true;
      } catch (OmniGraphException e) {
        return false;
      }
    };
  }
}

package io.omnigraph.engine.commit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.storage.LocalObjectStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@link BranchLocks} on one directory stand for two processes: the OS file lock excludes them
 * from each other whatever thread asks, and the holder may take it again.
 */
class BranchLocksTest {
  @TempDir Path dir;

  @Test
  void aBranchHeldByOneHandleWaitsForItInAnotherAndTimesOut() {
    BranchLocks first = new BranchLocks(new LocalObjectStore(dir), 5_000);
    BranchLocks second = new BranchLocks(new LocalObjectStore(dir), 200);
    try (BranchLocks.Held held = first.acquire("main")) {
      WriteConflict e = assertThrows(WriteConflict.class, () -> second.acquire("main"));
      assertTrue(e.getMessage().contains("retry"), e.getMessage());
      second.acquire("feature/x").close();
    }
    second.acquire("main").close();
  }

  @Test
  void theHolderMayReacquireAndOnlyTheLastReleaseFreesTheBranch() throws Exception {
    BranchLocks first = new BranchLocks(new LocalObjectStore(dir), 5_000);
    BranchLocks second = new BranchLocks(new LocalObjectStore(dir), 100);
    BranchLocks.Held outer = first.acquire("main");
    first.acquire("main").close();
    assertTrue(first.heldByCurrentThread("main"));
    assertThrows(WriteConflict.class, () -> second.acquire("main"));
    outer.close();
    assertFalse(first.heldByCurrentThread("main"));
    second.acquire("main").close();
  }

  @Test
  void aWaiterGetsTheBranchOnceTheHolderReleasesIt() throws Exception {
    BranchLocks first = new BranchLocks(new LocalObjectStore(dir), 5_000);
    BranchLocks second = new BranchLocks(new LocalObjectStore(dir), 5_000);
    BranchLocks.Held held = first.acquire("main");
    CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> second.acquire("main").close());
    Thread.sleep(100);
    assertFalse(waiter.isDone(), "the second handle waits");
    held.close();
    waiter.get(5, TimeUnit.SECONDS);
  }
}

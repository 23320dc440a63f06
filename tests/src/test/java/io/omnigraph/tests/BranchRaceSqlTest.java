package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Branch statements racing each other through java.sql, round after round: a drop racing a child
 * create from the dropped branch, a name racing a path prefix of itself, and reads of a branch
 * while others are created and dropped. Only typed SQLExceptions, never an orphaned or unreadable
 * branch, never both names.
 */
class BranchRaceSqlTest {
  private static final int ROUNDS = 10;

  @TempDir Path dir;

  @Test
  void dropRacingACreateFromItAndANameRacingItsPrefix() throws Exception {
    TypedFailures typed = new TypedFailures("55000", "42704", "40001");
    try (Connection a = Fixture.createLoaded(dir); Connection b = Fixture.connect(dir, "");
        Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
      for (int i = 0; i < ROUNDS; i++) {
        String parent = "p" + i;
        sa.execute("CREATE BRANCH " + parent);
        boolean[] ok = typed.race(() -> sa.execute("DROP BRANCH " + parent),
            () -> sb.execute("CREATE BRANCH \"" + parent + "-kid\" FROM " + parent));
        assertFalse(ok[0] && ok[1], "round " + i + ": the parent was dropped and a child created from it");
        if (ok[1]) {
          try (Connection kid = Fixture.connect(dir, "branch=" + parent + "-kid")) {
            assertEquals(4, Fixture.count(kid, "Person"), "round " + i + ": the child is readable");
          }
        }
        String outer = "r" + i;
        ok = typed.race(() -> sa.execute("CREATE BRANCH " + outer), () -> sb.execute("CREATE BRANCH '" + outer + "/s'"));
        assertTrue(ok[0] ^ ok[1], "round " + i + ": exactly one of '" + outer + "' and '" + outer + "/s' exists");
      }
    }
    assertEquals(List.of(), typed.unexpected(), "untyped failures");
  }

  @Test
  void readsOfABranchDuringACreateAndDropStormNeverFail() throws Exception {
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    try (Connection setup = Fixture.createLoaded(dir); Statement s = setup.createStatement()) {
      s.execute("CREATE BRANCH stable");
    }
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> storm = pool.submit(() -> {
        try (Connection c = Fixture.connect(dir, ""); Statement s = c.createStatement()) {
          for (int i = 0; i < ROUNDS * 2; i++) {
            s.execute("CREATE BRANCH \"storm" + i + "\" FROM stable");
            s.execute("DROP BRANCH \"storm" + i + "\"");
          }
        } finally {
          stop.set(true);
        }
        return null;
      });
      Future<?> reader = pool.submit(() -> {
        try (Connection c = Fixture.connect(dir, "branch=stable")) {
          while (!stop.get()) assertEquals(4, Fixture.count(c, "Person"));
        } catch (SQLException | RuntimeException | AssertionError e) {
          failures.add(e);
        }
        return null;
      });
      storm.get(180, TimeUnit.SECONDS);
      reader.get(180, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertTrue(failures.isEmpty(), "reads failed: " + failures);
    try (Connection c = Fixture.connect(dir, "")) {
      assertEquals(List.of("main", "stable"), Fixture.strings(c, "SELECT name FROM _graph_branches ORDER BY name"));
    }
  }
}

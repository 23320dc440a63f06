package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merges into main while another connection creates and drops branches: every failure either side
 * meets is a SQLException with one of the states a client can act on, never a raw storage error,
 * and every row merged is on main at the end.
 */
class BranchStormTest {
  private static final int ROUNDS = 12;

  @TempDir Path dir;

  @Test
  void mergesWhileOtherBranchesComeAndGoMeetOnlyTypedErrors() throws Exception {
    try (Connection setup = Fixture.createLoaded(dir); Statement s = setup.createStatement()) {
      s.execute("CREATE BRANCH feature");
    }
    TypedFailures failures = new TypedFailures("40001", "55000", "42704");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> storm = pool.submit(() -> {
        try (Connection c = Fixture.connect(dir, ""); Statement s = c.createStatement()) {
          for (int i = 0; i < ROUNDS * 2; i++) {
            failures.attempt(() -> s.execute("CREATE BRANCH scratch"));
            failures.attempt(() -> s.execute("DROP BRANCH scratch"));
          }
        }
        return null;
      });
      Future<?> merger = pool.submit(() -> {
        try (Connection onFeature = Fixture.connect(dir, "branch=feature"); Statement f = onFeature.createStatement();
            Connection onMain = Fixture.connect(dir, ""); Statement m = onMain.createStatement()) {
          for (int i = 0; i < ROUNDS; i++) {
            f.executeUpdate("INSERT INTO Person (name, age) VALUES ('storm" + i + "', " + i + ")");
            for (int tries = 0; tries < 50; tries++) {
              if (failures.attempt(() -> m.execute("MERGE BRANCH feature"))) break;
            }
          }
        }
        return null;
      });
      storm.get(180, TimeUnit.SECONDS);
      merger.get(180, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of(), failures.unexpected(), "untyped failures");
    try (Connection c = Fixture.connect(dir, "")) {
      assertEquals(ROUNDS, Fixture.scalar(c, "SELECT COUNT(*) FROM Person WHERE name LIKE 'storm%'"));
      assertEquals(List.of("feature", "main"), Fixture.strings(c,
          "SELECT name FROM _graph_branches WHERE name <> 'scratch' ORDER BY name"));
    }
  }
}

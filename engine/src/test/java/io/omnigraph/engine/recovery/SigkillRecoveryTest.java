package io.omnigraph.engine.recovery;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.commitsBy;
import static io.omnigraph.engine.recovery.RecoveryFixtures.sidecars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.read.Predicate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real crashes: a child JVM commits in a loop and is killed with SIGKILL at a random moment; the
 * next read-write open must leave exactly the acknowledged writes (plus, at most, the one in
 * flight if its publish landed), nothing half-published, and every sidecar settled and audited.
 * One graph directory serves every run, so later runs also crash on top of earlier recoveries.
 */
class SigkillRecoveryTest {
  private static final int RUNS = 20;

  @TempDir Path dir;

  /** What one child printed before it died. */
  private static final class ChildLog {
    final Map<String, String> committed = new LinkedHashMap<>();
    String lastTried;
    final CountDownLatch ready = new CountDownLatch(1);
  }

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void killedWritersLoseNoAcknowledgedCommitAndLeaveNothingHalfPublished() throws Exception {
    killRepeatedly(RUNS, false);
  }

  /** Commits acknowledged once in the log, killed before or while a fold publishes them. */
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void killedWritersOfTheCommitLogLoseNoAcknowledgedCommitAndPublishNoneTwice() throws Exception {
    killRepeatedly(RUNS / 2, true);
  }

  /**
   * A read-only handle cannot publish the log: it reads the commits a killed writer left there on
   * top of main, each acknowledged row and commit, before any read-write open publishes them.
   */
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void aReadOnlyHandleReadsWhatAKilledWriterLeftInTheLog() throws Exception {
    Path root = dir.resolve("g");
    Graph.init(root.toString(), Fixtures.schema()).close();
    boolean sawUnpublished = false;
    for (int run = 0; run < 5 && !sawUnpublished; run++) {
      Child child = Child.start(dir, root, run, true);
      try {
        child.go();
        assertTrue(child.log.ready.await(60, TimeUnit.SECONDS), "child opened the graph: " + child.stderrTail());
        Thread.sleep(700);
        child.kill();
      } finally {
        child.process.destroyForcibly();
      }
      Set<String> read = new HashSet<>();
      try (Graph ro = Graph.open(root.toString(), true)) {
        Snapshot s = ro.snapshot("main");
        for (String type : List.of("Person", "Company")) read.addAll(Fixtures.ids(s, type));
        assertEquals(read.size(), s.count("Person", Predicate.TRUE) + s.count("Company", Predicate.TRUE));
        for (Map.Entry<String, String> c : child.log.committed.entrySet()) {
          assertTrue(read.contains(c.getKey()), "acknowledged row " + c.getKey() + " is read");
          assertTrue(s.get(isEven(c.getKey()) ? "Person" : "Company", c.getKey()).isPresent(),
              "acknowledged row " + c.getKey() + " is found by id");
          assertTrue(s.state().commit(c.getValue()) != null, "acknowledged commit " + c.getValue() + " is listed");
        }
        Snapshot published = ro.context().latest("main");
        long publishedRows = published.count("Person", Predicate.TRUE) + published.count("Company", Predicate.TRUE);
        if (publishedRows < read.size()) sawUnpublished = true;
      }
      try (Graph g = Graph.open(root.toString(), false)) {
        Snapshot s = g.snapshot("main");
        Set<String> after = new HashSet<>();
        for (String type : List.of("Person", "Company")) after.addAll(Fixtures.ids(s, type));
        assertEquals(read, after, "publishing the log changes nothing a reader saw");
      }
    }
    assertTrue(sawUnpublished, "a kill left commits that only the log held");
  }

  private static boolean isEven(String name) {
    return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)) % 2 == 0;
  }

  private void killRepeatedly(int runs, boolean log) throws Exception {
    Path root = dir.resolve("g");
    Graph.init(root.toString(), Fixtures.schema()).close();
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int settled = 0;
    Map<RecoveryKind, Integer> outcomes = new EnumMap<>(RecoveryKind.class);
    Set<String> everAcknowledged = new HashSet<>();
    Child child = null;
    Child next = Child.start(dir, root, 0, log);
    try {
      for (int run = 0; run < runs; run++) {
        child = next;
        child.go();
        assertTrue(child.log.ready.await(60, TimeUnit.SECONDS), "child opened the graph: " + child.stderrTail());
        // The next child warms up while this one writes, so runs cost little more than their kill delay.
        next = run + 1 < runs ? Child.start(dir, root, run + 1, log) : null;
        Thread.sleep(500 + random.nextInt(2500));
        child.kill();

        List<String> left = sidecars(root).stream().map(RecoveryFixtures::operationId).toList();
        try (Graph g = Graph.open(root.toString(), false)) {
          String context = "run " + run + " (seed " + seed + ", " + child.log.committed.size()
              + " acknowledged, last tried " + child.log.lastTried + ", sidecars " + left + ")";
          everAcknowledged.addAll(child.log.committed.keySet());
          verify(g, child.prefix, child.actor, child.log, everAcknowledged, context);
          assertEquals(List.of(), sidecars(root), context);
          Map<String, RecoveryKind> audited = new HashMap<>();
          audit(g).forEach(r -> audited.put(r.operationId(), r.kind()));
          assertTrue(audited.keySet().containsAll(left), "every sidecar left was settled and audited: " + context);
          left.forEach(op -> outcomes.merge(audited.get(op), 1, Integer::sum));
        }
        settled += left.size();
      }
    } finally {
      if (child != null) child.process.destroyForcibly();
      if (next != null) next.process.destroyForcibly();
    }
    System.out.printf("SIGKILL recovery%s: %d runs, %d acknowledged commits, %d sidecars settled %s (seed %d)%n",
        log ? " (commit log)" : "", runs, everAcknowledged.size(), settled, outcomes, seed);
  }

  private static void verify(Graph g, String prefix, String actor, ChildLog log, Set<String> everAcknowledged,
      String context) {
    Snapshot s = g.snapshot("main");
    Set<String> all = new HashSet<>();
    for (String type : List.of("Person", "Company")) all.addAll(Fixtures.ids(s, type));
    assertTrue(all.containsAll(everAcknowledged), "no earlier run's acknowledged row was lost: " + context);
    Set<String> visible = new HashSet<>();
    for (String id : all) if (id.startsWith(prefix + "-")) visible.add(id);
    for (Map.Entry<String, String> c : log.committed.entrySet()) {
      assertTrue(visible.contains(c.getKey()), "acknowledged row " + c.getKey() + " is visible: " + context);
      assertTrue(s.state().commit(c.getValue()) != null, "acknowledged commit " + c.getValue() + " exists: " + context);
    }
    Set<String> unacknowledged = new HashSet<>(visible);
    unacknowledged.removeAll(log.committed.keySet());
    assertTrue(unacknowledged.isEmpty() || unacknowledged.equals(Set.of(log.lastTried)),
        "only the write in flight may have landed unacknowledged, got " + unacknowledged + ": " + context);
    List<GraphCommit> commits = commitsBy(g, "main", actor);
    assertEquals(visible.size(), commits.size(), "one commit per visible row, none without its row: " + context);
    assertPublishedEqualsHead(g, "main");
  }

  /** One child JVM running {@link CrashingWriter}. */
  private static final class Child {
    final String prefix;
    final String actor;
    final ChildLog log = new ChildLog();
    final Process process;
    final Thread reader;
    final Path stderr;
    final Path tmp;

    private Child(Process process, String prefix, String actor, Path stderr, Path tmp) {
      this.process = process;
      this.tmp = tmp;
      this.stderr = stderr;
      this.prefix = prefix;
      this.actor = actor;
      this.reader = read(process, log);
    }

    static Child start(Path dir, Path root, int run, boolean log) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String prefix = "r" + run;
      // A killed JVM leaves its unpacked Lance native library (about 180 MB) in its temp directory,
      // so each child gets one of its own that kill() deletes.
      Path tmp = Files.createDirectories(dir.resolve("tmp-" + run));
      ProcessBuilder pb = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
          "-Djava.io.tmpdir=" + tmp, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
          System.getProperty("java.class.path"), CrashingWriter.class.getName(), root.toString(),
          dir.resolve("scratch-" + run).toString(), prefix, "crasher-" + run, log ? "log" : "direct");
      Path stderr = dir.resolve("child-" + run + ".err");
      pb.redirectError(stderr.toFile());
      return new Child(pb.start(), prefix, "crasher-" + run, stderr, tmp);
    }

    String stderrTail() {
      try {
        String err = Files.readString(stderr);
        return err.substring(Math.max(0, err.length() - 2000));
      } catch (IOException e) {
        return e.toString();
      }
    }

    /** Lets the warmed-up child open the graph. */
    void go() {
      try {
        process.getOutputStream().write("GO\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
      } catch (IOException e) {
        throw new AssertionError("child " + prefix + " died while warming up (exit "
            + (process.isAlive() ? "none" : process.exitValue()) + "): " + stderrTail(), e);
      }
    }

    /** SIGKILL, then waits until every line it printed is read. */
    void kill() throws InterruptedException {
      // Through the handle: Process.destroyForcibly() also closes our end of stdout, losing unread lines.
      process.toHandle().destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
      deleteTree(tmp);
    }
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Thread read(Process child, ChildLog log) {
    Thread t = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          String[] parts = line.split(" ");
          switch (parts[0]) {
            case "READY" -> log.ready.countDown();
            case "TRY" -> log.lastTried = parts[1];
            case "COMMITTED" -> { if (parts.length == 3) log.committed.put(parts[1], parts[2]); }
            default -> { }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ProcessWriter} JVMs against one graph URL and checks what they leave: every
 * acknowledged write present once, no failed or retried attempt visible, the counter equal to the
 * acknowledged increments, no two increments reading the same value.
 */
final class WriterProcesses {
  private final Path dir;
  private final int writers;
  private final int operations;

  /** {@code dir} holds the writers' logs and temporary directories. */
  WriterProcesses(Path dir, int writers, int operations) {
    this.dir = dir;
    this.writers = writers;
    this.operations = operations;
  }

  /** {@code url} may already carry a query (storage options); more properties are appended to it. */
  private static String with(String url, String property) {
    return url + (url.contains("?") ? "&" : "?") + property;
  }

  /** What one writer printed. */
  private static final class Log {
    final Map<String, Long> acknowledged = new LinkedHashMap<>();
    final List<String> failed = new ArrayList<>();
    String lastTried;
    int attempts;
    boolean ready;
    boolean done;
  }

  void run(String url, int reopenEvery, boolean killOne) throws Exception {
    try (Connection c = DriverManager.getConnection(with(url, "create=true&schema=" + schema()));
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO Account (name, balance) VALUES ('counter', 0)");
    }
    List<Process> processes = new ArrayList<>();
    List<Log> logs = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    long started = System.nanoTime();
    try {
      for (int w = 0; w < writers; w++) {
        Process p = start(url, "w" + w, reopenEvery);
        Log log = new Log();
        processes.add(p);
        logs.add(log);
        readers.add(read(p, log));
      }
      Process victim = killOne ? processes.get(0) : null;
      if (victim != null) {
        Log victimLog = logs.get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged(victimLog) < operations / 3 && victim.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(new Random().nextInt(200));
        victim.destroyForcibly().waitFor();
      }
      for (Process p : processes) assertTrue(p.waitFor(480, TimeUnit.SECONDS), "writer finished");
      for (Thread t : readers) t.join(10_000);
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    for (int w = 0; w < writers; w++) {
      Log log = logs.get(w);
      assertTrue(log.ready, "writer " + w + " opened the graph: " + stderr("w" + w));
      if (!(killOne && w == 0)) assertTrue(log.done, "writer " + w + " ran to the end: " + stderr("w" + w));
      assertEquals(List.of(), log.failed, "writer " + w + " saw only retryable failures");
    }
    verify(url, logs, killOne ? logs.get(0) : null);
    int acknowledged = logs.stream().mapToInt(l -> l.acknowledged.size()).sum();
    int attempts = logs.stream().mapToInt(l -> l.attempts).sum();
    System.out.printf("multi-process writers (%d, reopen every %d%s): %d acknowledged of %d attempts in %.1f s,"
        + " %.1f commits/s%n", writers, reopenEvery, killOne ? ", one killed" : "", acknowledged, attempts, seconds,
        acknowledged / seconds);
    assertTrue(acknowledged * 2 >= attempts, "at least half of all attempts succeed: " + acknowledged + " of " + attempts);
  }

  private void verify(String url, List<Log> logs, Log killed) throws SQLException {
    try (Connection c = DriverManager.getConnection(url)) {
      Map<String, Integer> copies = new HashMap<>();
      Map<String, Long> values = new HashMap<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT label, n FROM Item")) {
        while (rs.next()) {
          copies.merge(rs.getString(1), 1, Integer::sum);
          values.put(rs.getString(1), rs.getLong(2));
        }
      }
      Set<String> acknowledged = new HashSet<>();
      logs.forEach(l -> acknowledged.addAll(l.acknowledged.keySet()));
      for (Log log : logs) {
        for (Map.Entry<String, Long> a : log.acknowledged.entrySet()) {
          assertEquals(1, copies.getOrDefault(a.getKey(), 0), "acknowledged " + a.getKey() + " is there exactly once");
          assertEquals(a.getValue(), values.get(a.getKey()), "acknowledged " + a.getKey() + " kept its value");
        }
      }
      for (Map.Entry<String, Integer> e : copies.entrySet()) {
        assertEquals(1, e.getValue(), "no retried attempt of " + e.getKey() + " is visible twice");
        boolean inFlight = killed != null && e.getKey().equals(killed.lastTried);
        assertTrue(acknowledged.contains(e.getKey()) || inFlight, "visible " + e.getKey() + " was acknowledged");
      }
      TreeSet<Long> markers = new TreeSet<>();
      int markerRows = 0;
      for (Map.Entry<String, Long> e : values.entrySet()) {
        if (!e.getKey().contains("-m")) continue;
        markers.add(e.getValue());
        markerRows++;
      }
      assertEquals(markerRows, markers.size(), "no two increments read the same value");
      long counter = Fixture.scalar(c, "SELECT balance FROM Account WHERE name = 'counter'");
      assertEquals(markerRows, counter, "the counter equals the increments that are visible");
      if (!markers.isEmpty()) assertEquals(counter, markers.last(), "increments 1.." + counter + " each once");
      long acknowledgedIncrements = logs.stream()
          .flatMap(l -> l.acknowledged.keySet().stream()).filter(l -> l.contains("-m")).count();
      assertTrue(counter == acknowledgedIncrements || (killed != null && counter == acknowledgedIncrements + 1),
          "counter " + counter + " against " + acknowledgedIncrements + " acknowledged increments");
      try (Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("INSERT INTO Item (label, n) VALUES ('after', 1)"), "a later write works");
        assertEquals(1, s.executeUpdate("UPDATE Account SET balance = balance + 1 WHERE name = 'counter'"));
      }
      assertEquals(counter + 1, Fixture.scalar(c, "SELECT balance FROM Account WHERE name = 'counter'"));
      if (killed == null) {
        assertEquals(0, Fixture.scalar(c, "SELECT COUNT(*) FROM _graph_recoveries WHERE recovery_kind = 'RolledForward'"),
            "no live writer's commit was published by anyone else");
      }
    }
  }

  private static int acknowledged(Log log) {
    synchronized (log) {
      return log.acknowledged.size();
    }
  }

  private Process start(String url, String name, int reopenEvery) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A killed JVM leaves its unpacked Lance native library (about 180 MB) in its temp directory.
    Path tmp = Files.createDirectories(dir.resolve(name + ".tmp"));
    ProcessBuilder pb = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "-Djava.io.tmpdir=" + tmp, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        ProcessWriter.class.getName(), with(url, "actor=" + name), name, Integer.toString(operations),
        Integer.toString(reopenEvery));
    pb.redirectError(dir.resolve(name + ".err").toFile());
    return pb.start();
  }

  private String stderr(String name) {
    try {
      String err = Files.readString(dir.resolve(name + ".err"));
      return err.substring(Math.max(0, err.length() - 3000));
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }

  private static Thread read(Process p, Log log) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split(" ", 4);
          synchronized (log) {
            switch (f[0]) {
              case "READY" -> log.ready = true;
              case "DONE" -> log.done = true;
              case "TRY" -> {
                log.lastTried = f[1];
                log.attempts++;
              }
              case "ACK" -> log.acknowledged.put(f[1], Long.parseLong(f[2]));
              case "FAIL" -> log.failed.add(line);
              default -> { }
            }
          }
        }
      } catch (IOException e) {
        // the process died; what it printed is what counts
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Path schema() {
    try {
      return Path.of(WriterProcesses.class.getResource("/multiprocess/counter.pg").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

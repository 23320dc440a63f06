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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer JVM on an object-store graph killed with SIGKILL while it commits: once its lock leases
 * expire, the next read-write open settles what it left (a recovery sidecar in the bucket), every
 * acknowledged write is there, nothing else but the write in flight, and writes go on. Each writer is
 * killed as soon as a commit's sidecar appears in the bucket; the test runs until a kill has left a
 * sidecar behind (at most {@value #MAX_RUNS} kills), so recovery is exercised for sure.
 */
class ObjectStorageRecoveryTest {
  private static final int MAX_RUNS = 5;
  /** Short leases, so that a dead writer's locks expire within the test. */
  private static final String LEASE = "&storage.lock_lease_seconds=1";

  @TempDir Path dir;

  @Test
  @Timeout(value = 480, unit = TimeUnit.SECONDS)
  void aKilledWriterIsRecoveredOnTheNextOpenAndLosesNoAcknowledgedWrite() throws Exception {
    try (S3Server s3 = new S3Server(Files.createDirectories(dir.resolve("s3")))) {
      String url = s3.url("crashed") + LEASE;
      Path recoveryDir = dir.resolve("s3").resolve(S3Server.BUCKET).resolve("crashed").resolve("__recovery");
      try (Connection c = DriverManager.getConnection(url + "&create=true&schema=" + schema());
          Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO Account (name, balance) VALUES ('counter', 0)");
      }
      Set<String> acknowledged = new HashSet<>();
      int sidecarsLeft = 0;
      int runs = 0;
      while (sidecarsLeft == 0 && runs < MAX_RUNS) {
        String name = "k" + runs++;
        Writer w = Writer.start(dir, url + "&actor=" + name, name);
        w.awaitAcknowledged(2, 180);
        // Killed as soon as its next commit's sidecar is in the bucket: between sidecar and publish.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sidecars(recoveryDir).isEmpty() && w.process.isAlive() && System.nanoTime() < deadline) Thread.sleep(1);
        w.kill(dir);
        acknowledged.addAll(w.acknowledged);
        List<Path> left = sidecars(recoveryDir);
        sidecarsLeft += left.size();
        // The dead writer's leases must expire before anyone may settle its sidecar.
        Thread.sleep(3500);
        try (Connection c = DriverManager.getConnection(url)) {
          assertEquals(List.of(), sidecars(recoveryDir), "the read-write open settled every sidecar (run " + name + ")");
          Set<String> visible = new HashSet<>(Fixture.strings(c, "SELECT label FROM Item"));
          assertTrue(visible.containsAll(acknowledged), "every acknowledged write survived: missing "
              + missing(acknowledged, visible));
          Set<String> extra = new HashSet<>(visible);
          extra.removeAll(acknowledged);
          assertTrue(extra.isEmpty() || extra.equals(Set.of(w.lastTried)),
              "only the write in flight may have landed unacknowledged: " + extra);
          acknowledged.addAll(extra);
          if (!left.isEmpty()) {
            assertTrue(Fixture.count(c, "_graph_recoveries") >= sidecarsLeft, "each settled sidecar is audited");
          }
        }
      }
      assertTrue(sidecarsLeft > 0, "in " + runs + " kills, none landed while a commit was under way");
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("INSERT INTO Item (label, n) VALUES ('after', 1)"), "writes go on");
        assertEquals(acknowledged.size() + 1, Fixture.count(c, "Item"));
      }
    }
  }

  private static Set<String> missing(Set<String> expected, Set<String> actual) {
    Set<String> m = new HashSet<>(expected);
    m.removeAll(actual);
    return m;
  }

  private static List<Path> sidecars(Path recoveryDir) throws IOException {
    if (!Files.isDirectory(recoveryDir)) return List.of();
    try (Stream<Path> s = Files.list(recoveryDir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
    }
  }

  /** One {@link ProcessWriter} JVM and what it printed. */
  private static final class Writer {
    final Process process;
    final Path tmp;
    final Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
    volatile String lastTried;
    final Thread reader;

    private Writer(Process process, Path tmp) {
      this.process = process;
      this.tmp = tmp;
      this.reader = new Thread(this::read);
      reader.setDaemon(true);
      reader.start();
    }

    static Writer start(Path dir, String url, String name) throws IOException {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      // A killed JVM leaves its unpacked Lance native library (about 180 MB) in its temp directory.
      Path tmp = Files.createDirectories(dir.resolve(name + ".tmp"));
      ProcessBuilder pb = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
          "-Djava.io.tmpdir=" + tmp, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
          System.getProperty("java.class.path"), ProcessWriter.class.getName(), url, name, "1000", "0");
      pb.redirectError(dir.resolve(name + ".err").toFile());
      return new Writer(pb.start(), tmp);
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          String[] f = line.split(" ", 4);
          if (f[0].equals("TRY")) lastTried = f[1];
          if (f[0].equals("ACK")) acknowledged.add(f[1]);
        }
      } catch (IOException e) {
        // the process died; what it printed is what counts
      }
    }

    void awaitAcknowledged(int n, int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (acknowledged.size() < n && process.isAlive() && System.nanoTime() < deadline) Thread.sleep(5);
      assertTrue(acknowledged.size() >= n, "the writer acknowledged " + acknowledged.size() + " writes");
    }

    void kill(Path dir) throws Exception {
      // Through the handle: Process.destroyForcibly() also closes our end of stdout, losing unread lines.
      process.toHandle().destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
      reader.join(10_000);
      try (Stream<Path> paths = Files.walk(tmp)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  private static Path schema() {
    try {
      return Path.of(ObjectStorageRecoveryTest.class.getResource("/multiprocess/counter.pg").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

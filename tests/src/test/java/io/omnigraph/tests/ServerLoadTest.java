package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen remote clients on loopback doing mixed reads, single inserts, committed and rolled-back
 * transactions for a while (10 seconds; {@code -Domnigraph.serverLoadSeconds=60} for longer): every
 * write the server acknowledged is in the graph, and nothing else is.
 */
class ServerLoadTest {
  static final int CLIENTS = 16;

  @TempDir
  Path dir;

  @Test
  void sixteenRemoteClientsLoseNoAcknowledgedWrite() throws Exception {
    Duration run = Duration.ofSeconds(Long.getLong("omnigraph.serverLoadSeconds", 10));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    Set<String> rolledBack = ConcurrentHashMap.newKeySet();
    AtomicLong reads = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    try (ServedGraph served = ServedGraph.start(dir, Duration.ofMinutes(10))) {
      long basePersons;
      try (Connection c = served.embedded()) {
        basePersons = Fixture.count(c, "Person");
      }
      long deadline = System.nanoTime() + run.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> clients = new ArrayList<>();
      for (int k = 0; k < CLIENTS; k++) {
        int client = k;
        clients.add(pool.submit(() -> {
          work(served, client, deadline, acknowledged, rolledBack, reads, conflicts);
          return null;
        }));
      }
      pool.shutdown();
      for (Future<?> f : clients) f.get();

      try (Connection c = served.embedded()) {
        Set<String> stored = new HashSet<>(Fixture.strings(c, "SELECT name FROM Person WHERE name LIKE 'w%'"));
        assertTrue(stored.containsAll(acknowledged), "every acknowledged write is there");
        assertEquals(acknowledged, stored, "and nothing else");
        assertEquals(basePersons + acknowledged.size(), Fixture.count(c, "Person"));
        assertTrue(rolledBack.stream().noneMatch(stored::contains), "no rolled-back write is there");
      }
      assertTrue(acknowledged.size() >= CLIENTS, "every client wrote: " + acknowledged.size());
      assertTrue(reads.get() >= CLIENTS, "every client read: " + reads.get());
      System.out.printf("server load: %d clients, %d s, %d acknowledged writes, %d rolled back, %d reads, %d conflicts%n",
          CLIENTS, run.toSeconds(), acknowledged.size(), rolledBack.size(), reads.get(), conflicts.get());
    }
  }

  private static void work(ServedGraph served, int client, long deadline, Set<String> acknowledged,
      Set<String> rolledBack, AtomicLong reads, AtomicLong conflicts) throws SQLException {
    Random random = new Random(client);
    List<String> mine = new ArrayList<>();
    int serial = 0;
    try (Connection c = served.alice();
        Statement s = c.createStatement();
        PreparedStatement insert = c.prepareStatement("INSERT INTO Person (name, age) VALUES (?, ?)");
        PreparedStatement lookup = c.prepareStatement("SELECT age FROM Person WHERE name = ?")) {
      while (System.nanoTime() < deadline) {
        int op = random.nextInt(10);
        try {
          if (op < 4) {
            String name = "w" + client + "-" + serial++;
            insert.setString(1, name);
            insert.setInt(2, client);
            assertEquals(1, insert.executeUpdate());
            acknowledged.add(name);
            mine.add(name);
          } else if (op < 6) {
            List<String> batch = List.of("w" + client + "-" + serial++, "w" + client + "-" + serial++);
            c.setAutoCommit(false);
            for (String name : batch) {
              insert.setString(1, name);
              insert.setInt(2, client);
              insert.executeUpdate();
            }
            boolean commit = op == 4;
            if (commit) {
              c.commit();
              acknowledged.addAll(batch);
              mine.addAll(batch);
            } else {
              c.rollback();
              rolledBack.addAll(batch);
            }
            c.setAutoCommit(true);
          } else {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM Person")) {
              rs.next();
              assertTrue(rs.getLong(1) >= mine.size());
            }
            if (!mine.isEmpty()) {
              lookup.setString(1, mine.get(random.nextInt(mine.size())));
              try (ResultSet rs = lookup.executeQuery()) {
                assertTrue(rs.next(), "a client reads its own acknowledged write");
                assertEquals(client, rs.getInt(1));
              }
            }
            reads.incrementAndGet();
          }
        } catch (SQLException e) {
          // Another writer committed first: the work is not acknowledged and must not be there.
          if (!"40001".equals(e.getSQLState())) throw e;
          conflicts.incrementAndGet();
          if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
          }
        }
      }
    }
  }
}

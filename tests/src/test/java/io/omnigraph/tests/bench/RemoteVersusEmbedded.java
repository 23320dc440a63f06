package io.omnigraph.tests.bench;

import io.omnigraph.server.OmniGraphServer;
import io.omnigraph.server.ServerSettings;
import io.omnigraph.server.UsersFile;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The same work through an embedded connection and through {@code omnigraph serve} on loopback (the
 * server in this JVM, the client speaking HTTP and protobuf to it): a full scan, 1,000 lookups by
 * key and 200 single-row auto-commit inserts. {@code -Dbench.persons} sets the graph size (default
 * 100,000). Prints a Markdown table on stdout (docs/benchmarks.md, section "Remote against embedded").
 */
public final class RemoteVersusEmbedded {
  private RemoteVersusEmbedded() {}

  public static void main(String[] args) throws Exception {
    int persons = Integer.getInteger("bench.persons", 100_000);
    Path dir = Files.createTempDirectory("omnigraph-remote-bench");
    Path schema = Files.writeString(dir.resolve("bench.pg"), BenchData.SCHEMA);
    Path data = dir.resolve("persons.jsonl");
    try (BufferedWriter w = Files.newBufferedWriter(data)) {
      for (int i = 0; i < persons; i++) {
        w.write("{\"type\": \"Person\", \"data\": {\"name\": \"" + BenchData.personId(i) + "\", \"age\": " + BenchData.age(i)
            + ", \"city\": \"" + BenchData.city(i) + "\"}}\n");
      }
    }
    Path graph = dir.resolve("graph");
    try (Connection c = DriverManager.getConnection("jdbc:omnigraph:" + graph + "?create=true&schema=" + schema);
        Statement s = c.createStatement()) {
      s.executeUpdate("LOAD DATA FROM '" + data + "' MODE OVERWRITE");
    }
    Path users = dir.resolve("users");
    UsersFile.add(users, "bench", false, "bench".toCharArray());
    System.err.printf("load average at start: %s%n", loadAverage());
    try (OmniGraphServer server = OmniGraphServer.start(
        ServerSettings.of(graph.toString(), 0, users).withHost("127.0.0.1"))) {
      Properties credentials = new Properties();
      credentials.setProperty("user", "bench");
      credentials.setProperty("password", "bench");
      double[] embedded;
      double[] remote;
      try (Connection c = DriverManager.getConnection("jdbc:omnigraph:" + graph)) {
        run(c, persons, "warm-e");
        embedded = run(c, persons, "embedded");
      }
      try (Connection c = DriverManager.getConnection("jdbc:omnigraph:remote:" + server.url(), credentials)) {
        run(c, persons, "warm-r");
        remote = run(c, persons, "remote");
      }
      System.out.printf("| measurement (%,d persons) | embedded | remote | remote / embedded |%n", persons);
      System.out.println("|---|---:|---:|---:|");
      String[] names = {"full scan (rows/s)", "1,000 lookups by key (ms each)", "200 single-row inserts (ms each)"};
      for (int i = 0; i < 3; i++) {
        double ratio = i == 0 ? embedded[i] / remote[i] : remote[i] / embedded[i];
        System.out.printf("| %s | %,.2f | %,.2f | %.1f× |%n", names[i], embedded[i], remote[i], ratio);
      }
    }
    System.err.printf("load average at end: %s%n", loadAverage());
  }

  /** Scan rate, lookup and insert latency on {@code c}; {@code tag} keeps the inserted names apart. */
  private static double[] run(Connection c, int persons, String tag) throws SQLException {
    long t0 = System.nanoTime();
    long rows = 0;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM Person")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) rs.getObject(i);
        rows++;
      }
    }
    double scan = rows / ((System.nanoTime() - t0) / 1e9);
    long t1 = System.nanoTime();
    try (PreparedStatement p = c.prepareStatement("SELECT age, city FROM Person WHERE name = ?")) {
      for (int i = 0; i < 1000; i++) {
        p.setString(1, BenchData.personId((int) Long.remainderUnsigned(BenchData.mix(i), persons)));
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) throw new IllegalStateException("lookup missed");
        }
      }
    }
    double lookup = (System.nanoTime() - t1) / 1e6 / 1000;
    long t2 = System.nanoTime();
    try (PreparedStatement p = c.prepareStatement("INSERT INTO Person (name, age, city) VALUES (?, ?, ?)")) {
      for (int i = 0; i < 200; i++) {
        p.setString(1, tag + "-" + i);
        p.setInt(2, 30);
        p.setString(3, "Riga");
        p.executeUpdate();
      }
    }
    double insert = (System.nanoTime() - t2) / 1e6 / 200;
    System.err.printf("  %s: scan %,.0f rows/s, lookup %.2f ms, insert %.2f ms%n", tag, scan, lookup, insert);
    return new double[] {scan, lookup, insert};
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}

package io.omnigraph.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What planning costs a connection: preparing a five-way join on the connection that plans it
 * first and on ten new connections after it, one PreparedStatement executed 5,000 times for
 * lookups by id, and 200 rounds of connect, prepare, one lookup, close (a BI tool or a pool that
 * opens a connection per query). The graph is tiny on purpose: this measures planning and the
 * per-execution path, not reading. Prints the figures on stdout (docs/benchmarks.md, section
 * "Plans shared by a graph's connections").
 */
public final class PlanSharingBench {
  private static final String SCHEMA = """
      node Person { name: String @key  age: I32? }
      node Company { name: String @key }
      edge Knows: Person -> Person
      edge WorksAt: Person -> Company
      """;
  private static final String DATA = """
      {"type": "Person", "data": {"name": "Alice", "age": 30}}
      {"type": "Person", "data": {"name": "Bob", "age": 25}}
      {"type": "Person", "data": {"name": "Charlie", "age": 35}}
      {"type": "Person", "data": {"name": "Diana", "age": 28}}
      {"type": "Company", "data": {"name": "Acme"}}
      {"edge": "Knows", "from": "Alice", "to": "Bob"}
      {"edge": "Knows", "from": "Bob", "to": "Diana"}
      {"edge": "WorksAt", "from": "Alice", "to": "Acme"}
      """;
  private static final String JOIN = "SELECT p.name, c.name, k.dst FROM Person p JOIN WorksAt w ON w.src = p.id"
      + " JOIN Company c ON c.id = w.dst JOIN Knows k ON k.src = p.id JOIN Person q ON q.id = k.dst WHERE p.age > ?";
  private static final String BY_ID = "SELECT name, age FROM Person WHERE id = ?";
  private static final String[] IDS = {"Alice", "Bob", "Charlie", "Diana"};

  private PlanSharingBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("omnigraph-plan-bench");
    Path schema = Files.writeString(dir.resolve("bench.pg"), SCHEMA);
    Path data = Files.writeString(dir.resolve("data.jsonl"), DATA);
    String url = "jdbc:omnigraph:" + dir.resolve("graph");
    try (Connection first = DriverManager.getConnection(url + "?create=true&schema=" + schema)) {
      try (Statement s = first.createStatement()) {
        s.executeUpdate("LOAD DATA FROM '" + data + "' MODE OVERWRITE");
      }
      // Warm the JVM on texts the measurements do not use.
      for (int i = 0; i < 30; i++) {
        try (PreparedStatement ps = first.prepareStatement("SELECT name FROM Person WHERE age > " + i)) {
          ps.executeQuery().close();
        }
      }
      long t0 = System.nanoTime();
      first.prepareStatement(JOIN).close();
      double firstPrepare = millis(t0);
      double[] others = new double[10];
      for (int i = 0; i < others.length; i++) {
        try (Connection c = DriverManager.getConnection(url)) {
          long t = System.nanoTime();
          c.prepareStatement(JOIN).close();
          others[i] = millis(t);
        }
      }
      System.out.printf("five-way join, first prepare: %.1f ms%n", firstPrepare);
      System.out.printf("five-way join, prepare on 10 new connections (ms): %s%n", Arrays.toString(others));
      try (PreparedStatement ps = first.prepareStatement(BY_ID)) {
        lookups(ps, 2_000);
        long t = System.nanoTime();
        lookups(ps, 5_000);
        System.out.printf("lookup by id, one PreparedStatement: %.3f ms per execution%n", millis(t) / 5_000);
      }
      long t = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(BY_ID)) {
          lookups(ps, 1);
        }
      }
      System.out.printf("connect, prepare, one lookup, close: %.3f ms each%n", millis(t) / 200);
    }
  }

  private static void lookups(PreparedStatement ps, int n) throws SQLException {
    for (int i = 0; i < n; i++) {
      ps.setString(1, IDS[i % IDS.length]);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) throw new IllegalStateException("no row for " + IDS[i % IDS.length]);
      }
    }
  }

  private static double millis(long since) {
    return (System.nanoTime() - since) / 1e6;
  }
}

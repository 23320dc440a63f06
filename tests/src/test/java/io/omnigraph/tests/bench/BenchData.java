package io.omnigraph.tests.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The benchmark graph, a pure function of the person index, so both databases load exactly the
 * same rows and lookups can name ids without reading them back.
 */
final class BenchData {
  static final String SCHEMA = """
      node Person { name: String @key  age: I32  city: String }
      edge Knows: Person -> Person { since: Date? }
      """;
  private static final String[] CITIES = {"Berlin", "Lagos", "Lima", "Osaka", "Pune", "Quito", "Riga", "Oslo",
      "Accra", "Hanoi", "Kyiv", "Porto", "Seoul", "Tunis", "Turin", "Yerevan"};
  private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

  final int persons;
  final long edges;

  BenchData(int persons, long edges) {
    this.persons = persons;
    this.edges = edges;
  }

  static String personId(int i) {
    return "person-" + i;
  }

  /** Ages 10..89 spread by a hash rather than by index, so a filter on age touches every fragment. */
  static int age(int i) {
    return 10 + (int) Long.remainderUnsigned(mix(i), 80);
  }

  static String city(int i) {
    return CITIES[(int) Long.remainderUnsigned(mix(i) >>> 17, CITIES.length)];
  }

  static String edgeId(long e) {
    return "knows-" + e;
  }

  /** Edge {@code e} leaves person {@code e mod persons}: every person gets the same out-degree (give or take one). */
  int edgeSrc(long e) {
    return (int) (e % persons);
  }

  int edgeDst(long e) {
    return (int) Long.remainderUnsigned(mix(e ^ 0x5DEECE66DL), persons);
  }

  /** One edge in ten has no date, so the nullable column really holds nulls. */
  static LocalDate since(long e) {
    long h = mix(e + 7);
    return Long.remainderUnsigned(h, 10) == 0 ? null : EPOCH.plusDays(Long.remainderUnsigned(h >>> 8, 9000));
  }

  /** SplitMix64 finaliser: cheap, deterministic, well spread. */
  static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Writes every node, then every edge, as the JSONL graph batch LOAD DATA reads. */
  void writeJsonl(Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder(160);
      for (int i = 0; i < persons; i++) {
        line.setLength(0);
        line.append("{\"type\":\"Person\",\"data\":{\"name\":\"").append(personId(i)).append("\",\"age\":").append(age(i))
            .append(",\"city\":\"").append(city(i)).append("\"}}\n");
        w.append(line);
      }
      for (long e = 0; e < edges; e++) {
        line.setLength(0);
        line.append("{\"edge\":\"Knows\",\"from\":\"").append(personId(edgeSrc(e))).append("\",\"to\":\"")
            .append(personId(edgeDst(e))).append("\",\"data\":{\"id\":\"").append(edgeId(e)).append('"');
        LocalDate since = since(e);
        if (since != null) line.append(",\"since\":\"").append(since).append('"');
        line.append("}}\n");
        w.append(line);
      }
    }
  }

  /** Creates DuckDB's Person and Knows tables and fills them from the JSONL file OmniGraph loads. */
  static void loadIntoDuckDb(Side duck, java.nio.file.Path jsonl) throws java.sql.SQLException {
    duck.update("CREATE TABLE Person (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, age INTEGER NOT NULL, "
        + "city VARCHAR NOT NULL)");
    duck.update("CREATE TABLE Knows (id VARCHAR PRIMARY KEY, src VARCHAR NOT NULL, dst VARCHAR NOT NULL, since DATE)");
    String source = "read_json('" + jsonl + "', format = 'newline_delimited', columns = {type: 'VARCHAR', "
        + "edge: 'VARCHAR', \"from\": 'VARCHAR', \"to\": 'VARCHAR', data: 'JSON'})";
    duck.update("INSERT INTO Person SELECT data->>'name', data->>'name', CAST(data->>'age' AS INTEGER), data->>'city' FROM "
        + source + " WHERE type = 'Person'");
    duck.update("INSERT INTO Knows SELECT data->>'id', \"from\", \"to\", CAST(data->>'since' AS DATE) FROM " + source
        + " WHERE edge = 'Knows'");
  }
}

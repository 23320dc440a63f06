package io.omnigraph.engine.merge;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.write.GraphTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Graphs and helpers shared by the merge tests. */
final class MergeFixtures {
  /** The schema of the SPEC §5.4 truth table. */
  static final String PEOPLE = """
      node Person {
        name: String @key
        age: I32?
      }
      edge Knows: Person -> Person
      """;

  private MergeFixtures() {}

  /** A graph with the truth table's base: Alice 30, Bob 25, Carol 40, Dan 50 and Knows Bob→Carol. */
  static Graph people(Path dir) {
    Graph g = Graph.init(dir.toString(), PEOPLE);
    write(g, "main", tx -> {
      tx.insert("Person", List.of(person("Alice", 30), person("Bob", 25), person("Carol", 40), person("Dan", 50)));
      tx.insert("Knows", List.of(knows("Bob", "Carol")));
    });
    return g;
  }

  /** A copy of a closed graph's directory, opened: far cheaper than building the graph again. */
  static Graph copyOf(Path template, Path dir) {
    try (Stream<Path> files = Files.walk(template)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path to = dir.resolve(template.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Graph.open(dir.toString(), false);
  }

  static void write(Graph g, String branch, Consumer<GraphTransaction> body) {
    try (GraphTransaction tx = g.begin(branch, "test")) {
      body.accept(tx);
      tx.commit();
    }
  }

  static Map<String, Object> person(String name, Integer age) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("age", age);
    return m;
  }

  static Map<String, Object> knows(String src, String dst) {
    return Map.of("src", src, "dst", dst);
  }

  /** Person name → age. */
  static Map<String, Object> ages(ReadView view) {
    Map<String, Object> out = new TreeMap<>();
    for (Object[] r : rows(view, "Person", List.of("name", "age"), Predicate.TRUE)) out.put((String) r[0], r[1]);
    return out;
  }

  /** Every edge of a type as {@code src>dst}, sorted; duplicates kept. */
  static List<String> edges(ReadView view, String type) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows(view, type, List.of("src", "dst"), Predicate.TRUE)) out.add(r[0] + ">" + r[1]);
    out.sort(null);
    return out;
  }

  /** The ids of the edges of a type from one source node. */
  static List<String> edgeIds(ReadView view, String type, String src) {
    List<String> out = new ArrayList<>();
    for (Object[] r : rows(view, type, List.of("id"), Predicate.eq("src", src))) out.add((String) r[0]);
    out.sort(null);
    return out;
  }

  static List<Object[]> rows(ReadView view, String type, List<String> columns, Predicate filter) {
    List<Object[]> out = new ArrayList<>();
    try (RowCursor c = view.scan(type, ScanRequest.all().withColumns(columns).withFilter(filter))) {
      while (c.next()) out.add(c.row());
    }
    return out;
  }
}

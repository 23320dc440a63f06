package io.omnigraph.engine;

import io.omnigraph.engine.storage.StorageOptions;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.write.LoadMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The fixture graph of SPEC §1.5 and small read helpers shared by engine tests. */
public final class Fixtures {
  private Fixtures() {}

  public static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixture/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String schema() {
    return resource("test.pg");
  }

  /**
   * Settings that publish every commit directly, never through the commit log: for tests of what
   * a direct publish does (its sidecars, failpoints, groups and per-commit maintenance).
   */
  public static GraphSettings direct() {
    return GraphSettings.defaults().with(java.util.Map.of("commitLog", "false"));
  }

  /** A fresh graph at {@code dir/g} with the fixture data loaded by an overwrite load. */
  public static Graph loaded(Path dir) {
    return loaded(dir, GraphSettings.defaults());
  }

  /** {@link #loaded(Path)} with {@code settings}. */
  public static Graph loaded(Path dir, GraphSettings settings) {
    Graph g = Graph.init(dir.resolve("g").toString(), schema(), StorageOptions.NONE, settings);
    g.load("main", new StringReader(resource("test.jsonl")), LoadMode.OVERWRITE, "fixture");
    return g;
  }

  public static TreeSet<String> ids(ReadView view, String type) {
    return ids(view, type, Predicate.TRUE);
  }

  public static TreeSet<String> ids(ReadView view, String type, Predicate filter) {
    TreeSet<String> out = new TreeSet<>();
    try (RowCursor c = view.scan(type, ScanRequest.all().withColumns(List.of("id")).withFilter(filter))) {
      while (c.next()) out.add((String) c.row()[0]);
    }
    return out;
  }

  public static List<Object[]> rows(ReadView view, String type, List<String> columns) {
    List<Object[]> out = new ArrayList<>();
    try (RowCursor c = view.scan(type, ScanRequest.all().withColumns(columns))) {
      while (c.next()) out.add(c.row());
    }
    return out;
  }

  public static Map<String, Object> person(String name, Integer age) {
    java.util.HashMap<String, Object> m = new java.util.HashMap<>();
    m.put("name", name);
    m.put("age", age);
    return m;
  }

  public static Map<String, Object> edge(String src, String dst) {
    return Map.of("src", src, "dst", dst);
  }
}

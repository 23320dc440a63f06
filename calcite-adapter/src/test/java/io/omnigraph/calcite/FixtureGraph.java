package io.omnigraph.calcite;

import io.omnigraph.engine.storage.StorageOptions;

import io.omnigraph.engine.GraphSettings;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixture graph of SPEC §1.5 with a SqlSession over it, which reads the open transaction
 * when there is one, else the latest snapshot of main, as a driver connection would.
 */
final class FixtureGraph implements AutoCloseable {
  static final String SCHEMA = """
      node Person {
        name: String @key
        age: I32?
      }
      node Company {
        name: String @key
      }
      edge Knows: Person -> Person {
        since: Date?
      }
      edge WorksAt: Person -> Company
      """;

  static final String DATA = """
      {"type": "Person", "data": {"name": "Alice", "age": 30}}
      {"type": "Person", "data": {"name": "Bob", "age": 25}}
      {"type": "Person", "data": {"name": "Charlie", "age": 35}}
      {"type": "Person", "data": {"name": "Diana", "age": 28}}
      {"type": "Company", "data": {"name": "Acme"}}
      {"type": "Company", "data": {"name": "Globex"}}
      {"edge": "Knows", "from": "Alice", "to": "Bob", "data": {"since": "2020-01-15"}}
      {"edge": "Knows", "from": "Alice", "to": "Charlie"}
      {"edge": "Knows", "from": "Bob", "to": "Diana", "data": {"since": "2022-06-01"}}
      {"edge": "WorksAt", "from": "Alice", "to": "Acme"}
      {"edge": "WorksAt", "from": "Bob", "to": "Globex"}
      """;

  final Graph graph;
  final GraphSettings settings;
  final SqlSession session;
  /** The transaction statements read and write through, when one is open. */
  GraphTransaction tx;

  private FixtureGraph(Graph graph, GraphSettings settings) throws SQLException {
    this.graph = graph;
    this.settings = settings;
    this.session = SqlSession.open(graph, this::view);
  }

  static FixtureGraph loaded(Path dir) throws SQLException {
    return loaded(dir, GraphSettings.defaults());
  }

  static FixtureGraph loaded(Path dir, GraphSettings settings) throws SQLException {
    Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA, StorageOptions.NONE, settings);
    g.load("main", new StringReader(DATA), LoadMode.APPEND, "fixture");
    return new FixtureGraph(g, settings);
  }

  static FixtureGraph empty(Path dir, String schema) throws SQLException {
    return new FixtureGraph(Graph.init(dir.resolve("g").toString(), schema), GraphSettings.defaults());
  }

  private ReadView view() {
    return tx != null && tx.isOpen() ? tx : graph.snapshot("main");
  }

  GraphTransaction begin() {
    tx = graph.begin("main", "tester");
    return tx;
  }

  /** Every row of a query, values as JDBC's getObject returns them. */
  List<List<Object>> query(String sql, Object... params) throws SQLException {
    try (TestQuery ps = TestQuery.prepare(session, sql)) {
      for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
      try (ResultSet rs = ps.executeQuery()) {
        int n = rs.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) row.add(rs.getObject(i));
          rows.add(row);
        }
        return rows;
      }
    }
  }

  /** The single column of a query's rows. */
  List<Object> column(String sql, Object... params) throws SQLException {
    return query(sql, params).stream().map(r -> r.get(0)).toList();
  }

  String explain(String sql, Object... params) throws SQLException {
    return String.valueOf(column("EXPLAIN PLAN FOR " + sql, params).get(0));
  }

  /** Runs DML in its own transaction and commits it. */
  DmlResult execute(String sql, Object... params) throws SQLException {
    GraphTransaction t = begin();
    try {
      DmlResult r = session.prepareDml(sql).execute(t, Arrays.asList(params));
      t.commit();
      return r;
    } finally {
      if (t.isOpen()) t.rollback();
      tx = null;
    }
  }

  /** Closes this fixture and opens its graph again read-write, which runs recovery. */
  FixtureGraph reopen() throws SQLException {
    String location = graph.location();
    close();
    return new FixtureGraph(Graph.open(location, false, StorageOptions.NONE, settings), settings);
  }

  @Override
  public void close() throws SQLException {
    if (tx != null && tx.isOpen()) tx.rollback();
    session.close();
    graph.close();
  }
}

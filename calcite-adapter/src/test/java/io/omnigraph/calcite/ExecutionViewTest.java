package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.read.TableInfo;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How executions meet the engine: one view per execution, rows pulled one by one. */
class ExecutionViewTest {
  @TempDir Path dir;
  Graph graph;
  SqlSession session;
  final AtomicInteger viewsAsked = new AtomicInteger();
  final AtomicInteger rowsPulled = new AtomicInteger();
  final AtomicInteger cursorsOpen = new AtomicInteger();

  @BeforeEach
  void open() throws Exception {
    graph = Graph.init(dir.resolve("g").toString(), FixtureGraph.SCHEMA);
    graph.load("main", new StringReader(FixtureGraph.DATA), LoadMode.APPEND, "fixture");
    session = SqlSession.open(graph, () -> {
      viewsAsked.incrementAndGet();
      return new CountingView(graph.snapshot("main"));
    });
  }

  @AfterEach
  void close() throws Exception {
    session.close();
    graph.close();
  }

  @Test
  void eachExecutionAsksForOneViewForAllItsTables() throws Exception {
    try (TestQuery ps = TestQuery.prepare(session, 
        "select p.name, c.name from Person p join WorksAt w on w.src = p.id join Company c on c.id = w.dst")) {
      assertEquals(2, count(ps));
      assertEquals(1, viewsAsked.get());
      assertEquals(2, count(ps));
      assertEquals(2, viewsAsked.get());
    }
  }

  @Test
  void aCommitBetweenExecutionsIsSeenByTheNextExecution() throws Exception {
    try (TestQuery ps = TestQuery.prepare(session, "select count(*) from Company")) {
      assertEquals(List.of(2L), values(ps));
      try (GraphTransaction tx = graph.begin("main", null)) {
        tx.insert("Company", List.of(Map.of("name", "Initech")));
        tx.commit();
      }
      assertEquals(List.of(3L), values(ps));
    }
  }

  @Test
  void rowsAreReadFromTheEngineOnlyAsTheResultSetAdvances() throws Exception {
    try (GraphTransaction tx = graph.begin("main", null)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < 5000; i++) rows.add(Map.of("name", "p" + i, "age", i));
      tx.insert("Person", rows);
      tx.commit();
    }
    try (TestQuery ps = TestQuery.prepare(session, "select name from Person where age >= 0");
        ResultSet rs = ps.executeQuery()) {
      for (int i = 0; i < 3; i++) assertTrue(rs.next());
      assertTrue(rowsPulled.get() < 100, "pulled " + rowsPulled.get() + " rows for 3");
      assertEquals(1, cursorsOpen.get());
    }
    assertEquals(0, cursorsOpen.get(), "closing the result set closes the engine cursor");
  }

  private static long count(TestQuery ps) throws Exception {
    long n = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) n++;
    }
    return n;
  }

  private static List<Object> values(TestQuery ps) throws Exception {
    List<Object> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) out.add(rs.getObject(1));
    }
    return out;
  }

  /** A view that counts the rows its scans hand out and the cursors left open. */
  private final class CountingView implements ReadView {
    private final ReadView inner;

    CountingView(ReadView inner) {
      this.inner = inner;
    }

    @Override
    public RowCursor scan(String typeName, ScanRequest request) {
      RowCursor c = inner.scan(typeName, request);
      cursorsOpen.incrementAndGet();
      return new RowCursor() {
        @Override
        public List<String> columns() {
          return c.columns();
        }

        @Override
        public boolean next() {
          rowsPulled.incrementAndGet();
          return c.next();
        }

        @Override
        public Object[] row() {
          return c.row();
        }

        @Override
        public void close() {
          cursorsOpen.decrementAndGet();
          c.close();
        }
      };
    }

    @Override
    public Catalog catalog() {
      return inner.catalog();
    }

    @Override
    public String branch() {
      return inner.branch();
    }

    @Override
    public long manifestVersion() {
      return inner.manifestVersion();
    }

    @Override
    public String headCommitId() {
      return inner.headCommitId();
    }

    @Override
    public Optional<Map<String, Object>> get(String typeName, String id) {
      return inner.get(typeName, id);
    }

    @Override
    public long count(String typeName, Predicate filter) {
      return inner.count(typeName, filter);
    }

    @Override
    public List<TableInfo> tables() {
      return inner.tables();
    }
  }
}

package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.commit.GraphCommit;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemTablesTest {
  @TempDir Path dir;
  FixtureGraph g;

  @BeforeEach
  void open() throws Exception {
    g = FixtureGraph.loaded(dir);
  }

  @AfterEach
  void close() throws Exception {
    g.close();
  }

  @Test
  void commitsListTheBranchHistoryNewestFirst() throws Exception {
    g.execute("insert into Company (name) values ('Initech')");
    List<GraphCommit> engine = g.graph.commits("main");
    List<List<Object>> rows = g.query("select graph_commit_id, branch, graph_manifest_version, parent_commit_id,"
        + " actor_id, created_at from _graph_commits");
    assertEquals(engine.size(), rows.size());
    assertEquals(3, rows.size(), "genesis, the fixture load and the insert");
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      GraphCommit c = engine.get(i);
      assertEquals(c.id(), row.get(0));
      assertEquals("main", row.get(1));
      assertEquals(c.manifestVersion(), row.get(2));
      assertEquals(c.parentCommitId(), row.get(3));
      assertEquals(c.actorId(), row.get(4));
      assertTrue(row.get(5) instanceof Timestamp);
    }
    assertEquals("tester", rows.get(0).get(4));
    assertEquals(rows.get(1).get(0), rows.get(0).get(3), "each commit's parent is the one before it");
    assertNull(rows.get(2).get(3), "genesis has no parent");
  }

  @Test
  void branchesShowMainWithItsHead() throws Exception {
    List<List<Object>> rows = g.query("select name, head_commit_id, created_from from _graph_branches");
    assertEquals(1, rows.size());
    assertEquals("main", rows.get(0).get(0));
    assertEquals(g.graph.snapshot("main").headCommitId(), rows.get(0).get(1));
    assertNull(rows.get(0).get(2));
  }

  @Test
  void branchesShowWhereEachBranchCameFrom() throws Exception {
    g.graph.createBranch("feature", "main");
    g.graph.createBranch("hotfix", "feature");
    List<List<Object>> rows = g.query("select name, created_from from _graph_branches order by name");
    assertEquals(List.of(List.of("feature", "main"), List.of("hotfix", "feature"), java.util.Arrays.asList("main", null)),
        rows);
  }

  @Test
  void tablesShowEveryTypeWithKindAndRowCount() throws Exception {
    List<List<Object>> rows = g.query(
        "select type_name, kind, row_count, table_branch from _graph_tables order by kind desc, type_name");
    assertEquals(List.of(
        List.of("Company", "node", 2L), List.of("Person", "node", 4L),
        List.of("Knows", "edge", 3L), List.of("WorksAt", "edge", 2L)),
        rows.stream().map(r -> r.subList(0, 3)).toList());
    rows.forEach(r -> assertNull(r.get(3), "main owns its tables"));
    assertNotNull(g.column("select published_version from _graph_tables where type_name = 'Person'").get(0));
  }

  @Test
  void systemTablesJoinWithEachOtherAndIgnoreCase() throws Exception {
    assertEquals(List.of(2L), g.column(
        "select count(*) from _GRAPH_COMMITS c join _graph_branches b on b.name = c.BRANCH"));
  }

  @Test
  void writingToASystemTableIsRefused() {
    SqlAssert.fails("42000", () -> g.session.prepareDml("insert into _graph_commits (branch) values ('x')"));
    SqlAssert.fails("42000", () -> g.session.prepareDml("delete from _graph_tables"));
    String message = SqlAssert.fails("42000", () -> g.session.prepareDml("update _graph_branches set name = 'x'"))
        .getMessage();
    assertEquals("system table _graph_branches is read-only", message);
  }
}

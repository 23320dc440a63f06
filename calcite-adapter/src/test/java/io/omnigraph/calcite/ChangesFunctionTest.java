package io.omnigraph.calcite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesFunctionTest {
  private static final String FEATURE_CHANGES =
      "select kind, type_name, entity_id, op, src, dst from table(_graph_changes('main', 'feature'))";

  @TempDir Path dir;
  FixtureGraph g;
  /** The commit the feature branch was created at. */
  String fork;

  @BeforeEach
  void open() throws Exception {
    g = FixtureGraph.loaded(dir);
    g.graph.createBranch("feature", "main");
    fork = g.graph.snapshot("feature").headCommitId();
  }

  @AfterEach
  void close() throws Exception {
    g.close();
  }

  /** Runs DML statements as one commit on {@code branch}. */
  private void onBranch(String branch, String... statements) throws SQLException {
    try (GraphTransaction tx = g.graph.begin(branch, "tester")) {
      for (String sql : statements) g.session.prepareDml(sql).execute(tx, List.of());
      tx.commit();
    }
  }

  private void changeFeature() throws SQLException {
    onBranch("feature",
        "insert into Person (name, age) values ('Eve', 22)",
        "update Person set age = 26 where name = 'Bob'",
        "delete from Person where name = 'Diana'");
  }

  private String knowsId(String src, String dst) throws SQLException {
    return (String) g.column("select id from Knows where src = ? and dst = ?", src, dst).get(0);
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  @Test
  void branchChangesListEachInsertUpdateAndDeleteWithCascadedEdges() throws Exception {
    String bobKnowsDiana = knowsId("Bob", "Diana");
    changeFeature();
    assertEquals(List.of(
        row("node", "Person", "Bob", "UPDATE", null, null),
        row("node", "Person", "Diana", "DELETE", null, null),
        row("node", "Person", "Eve", "INSERT", null, null),
        row("edge", "Knows", bobKnowsDiana, "DELETE", "Bob", "Diana")),
        g.query(FEATURE_CHANGES));
  }

  @Test
  void swappingTheArgumentsInvertsEachChange() throws Exception {
    changeFeature();
    assertEquals(List.of("Bob:UPDATE", "Diana:INSERT", "Eve:DELETE"), g.column(
        "select entity_id || ':' || op from table(_graph_changes('feature', 'main')) where kind = 'node'"));
  }

  @Test
  void aStateComparedWithItselfHasNoChanges() throws Exception {
    changeFeature();
    assertEquals(List.of(), g.query("select * from table(_graph_changes('feature', 'feature'))"));
    assertEquals(List.of(), g.query("select * from table(_graph_changes('main', '" + fork + "'))"));
  }

  @Test
  void commitIdsNameTheStateThatCommitLeft() throws Exception {
    g.execute("insert into Company (name) values ('Initech')");
    String before = g.graph.commits("main").get(1).id();
    String after = g.graph.commits("main").get(0).id();
    assertEquals(List.of(row("node", "Company", "Initech", "INSERT", null, null)),
        g.query("select kind, type_name, entity_id, op, src, dst from table(_graph_changes(?, ?))", before, after));
  }

  @Test
  void theForkCommitIsolatesTheBranchWorkFromLaterWorkOnMain() throws Exception {
    changeFeature();
    g.execute("insert into Company (name) values ('Initech')");
    List<Object> sinceHeads = g.column(
        "select entity_id || ':' || op from table(_graph_changes('main', 'feature')) where kind = 'node'");
    assertTrue(sinceHeads.contains("Initech:DELETE"), "main's newer insert looks undone: " + sinceHeads);
    assertEquals(List.of("Bob:UPDATE", "Diana:DELETE", "Eve:INSERT"), g.column(
        "select entity_id || ':' || op from table(_graph_changes(?, 'feature')) where kind = 'node'", fork));
  }

  @Test
  void theResultFollowsTheBranchesBetweenExecutionsOfOnePlan() throws Exception {
    assertEquals(List.of(), g.query(FEATURE_CHANGES));
    onBranch("feature", "insert into Company (name) values ('Initech')");
    assertEquals(1, g.query(FEATURE_CHANGES).size());
  }

  @Test
  void theFunctionNameIgnoresCaseUnlessQuoted() throws Exception {
    changeFeature();
    assertEquals(List.of(4L), g.column("SELECT COUNT(*) FROM TABLE(_GRAPH_CHANGES('main', 'feature'))"));
    assertEquals(List.of(4L), g.column("select count(*) from table(\"_graph_changes\"('main', 'feature'))"));
    SqlAssert.fails("42000", () -> g.query("select * from table(\"_GRAPH_CHANGES\"('main', 'feature'))"));
  }

  @Test
  void changesJoinWithTheEntityTables() throws Exception {
    changeFeature();
    assertEquals(List.of(row("Bob", 25)), g.query("select c.entity_id, p.age from table(_graph_changes('main',"
        + " 'feature')) c join Person p on p.id = c.entity_id where c.op = 'UPDATE'"));
  }

  @Test
  void anUnknownTargetIsNotFound() {
    SQLException e = assertThrows(SQLException.class,
        () -> g.query("select * from table(_graph_changes('main', 'nowhere'))"));
    OmniGraphException cause = engineCause(e);
    assertEquals(ErrorKind.NOT_FOUND, cause.kind());
    assertEquals("'nowhere' is neither a branch nor a commit of this graph", cause.getMessage());
  }

  @Test
  void writingToTheFunctionIsRefused() {
    String message = SqlAssert.fails("42000",
        () -> g.session.prepareDml("insert into _graph_changes (kind) values ('node')")).getMessage();
    assertEquals("system table _graph_changes is read-only", message);
  }

  private static OmniGraphException engineCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof OmniGraphException e) return e;
    }
    throw new AssertionError("no engine failure in the cause chain", t);
  }
}

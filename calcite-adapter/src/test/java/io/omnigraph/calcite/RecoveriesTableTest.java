package io.omnigraph.calcite;

import io.omnigraph.engine.GraphSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.recovery.FailpointTriggered;
import io.omnigraph.engine.recovery.Failpoints;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveriesTableTest {
  @TempDir Path dir;
  FixtureGraph g;

  @BeforeEach
  void open() throws Exception {
    // Failpoints sit on the direct publish path, which the commit log would bypass.
    g = FixtureGraph.loaded(dir, GraphSettings.defaults().with(java.util.Map.of("commitLog", "false")));
  }

  @AfterEach
  void close() throws Exception {
    g.close();
  }

  @Test
  void aCleanGraphHasNoRecoveries() throws Exception {
    assertEquals(List.of(), g.query("select * from _graph_recoveries"));
  }

  @Test
  void aWriteInterruptedBeforePublishIsRolledForwardAndAudited() throws Exception {
    g.graph.context().failpoints().arm(Failpoints.COMMIT_BEFORE_PUBLISH);
    assertThrows(FailpointTriggered.class, () -> g.execute("insert into Company (name) values ('Initech')"));
    g = g.reopen();

    List<List<Object>> rows = g.query("select graph_commit_id, recovery_kind, recovery_for_actor, operation_id,"
        + " sidecar_writer_kind, per_table_outcomes, created_at from _graph_recoveries");
    assertEquals(1, rows.size());
    List<Object> r = rows.get(0);
    assertEquals(g.graph.snapshot("main").headCommitId(), r.get(0), "the writer's commit, published by recovery");
    assertEquals("RolledForward", r.get(1));
    assertEquals("tester", r.get(2));
    assertEquals(g.graph.recoveries().get(0).operationId(), r.get(3));
    assertEquals("Mutation", r.get(4));
    String outcomes = (String) r.get(5);
    assertTrue(outcomes.startsWith("[{\"table_key\":") && outcomes.contains("Company"), outcomes);
    assertTrue(r.get(6) instanceof Timestamp);
    assertEquals(List.of(1L), g.column("select count(*) from Company where name = 'Initech'"));
  }

  @Test
  void writingToTheAuditIsRefused() {
    String message = SqlAssert.fails("42000", () -> g.session.prepareDml("delete from _graph_recoveries"))
        .getMessage();
    assertEquals("system table _graph_recoveries is read-only", message);
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The omnigraph command (io.omnigraph.cli.OmniGraphCli, what bin/omnigraph runs), each call its own
 * JVM, on one graph it created itself with init and load.
 */
class CliProcessTest {
  @TempDir
  static Path dir;
  static Path graph;

  /** What one run of the command did. */
  record Run(int exit, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  @BeforeAll
  static void initAndLoad() throws Exception {
    graph = dir.resolve("graph");
    Run init = omnigraph("init", graph.toString(), "--schema", Fixture.resource("graph.pg").toString());
    assertEquals(0, init.exit(), init.err());
    Run load = omnigraph("load", graph.toString(), Fixture.resource("graph.jsonl").toString(), "--mode", "overwrite");
    assertEquals(0, load.exit(), load.err());
    assertTrue(load.out().startsWith("loaded 11 entities"), load.out());
  }

  @Test
  void aScriptRunsItsStatementsInOrderAndPrintsTablesAndUpdateCounts() throws Exception {
    Path script = Files.writeString(dir.resolve("ok.sql"), """
        -- a branch of its own; the ; in this comment and in the string below split nothing
        CREATE BRANCH 'scripted';
        USE BRANCH 'scripted';
        INSERT INTO Person (name, age) VALUES ('Eve; the second', 41);
        SELECT name, age FROM Person
          WHERE age > 29 ORDER BY name;
        """);
    Run run = omnigraph("sql", graph.toString(), "-f", script.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of(
        "update count: 0",
        "update count: 0",
        "update count: 1",
        "+-----------------+-----+",
        "| name            | age |",
        "+-----------------+-----+",
        "| Alice           | 30  |",
        "| Charlie         | 35  |",
        "| Eve; the second | 41  |",
        "+-----------------+-----+"), run.lines(), run.err());
    try (Connection c = connect("")) {
      assertEquals(4, Fixture.count(c, "Person"), "main is untouched");
    }
  }

  @Test
  void aFailingStatementStopsTheScriptWithItsLineAndSqlStateAndExitStatusOne() throws Exception {
    Path script = Files.writeString(dir.resolve("bad.sql"), """
        INSERT INTO Person (name, age) VALUES ('Frank', 50);

        INSERT INTO Person (name, age)
          VALUES ('Grace', 200);
        INSERT INTO Person (name, age) VALUES ('Heidi', 20);
        """);
    Run run = omnigraph("sql", graph.toString(), "--format", "csv", "-f", script.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.err().contains("statement at line 3 failed (SQLState 23514)"), run.err());
    try (Connection c = connect("")) {
      assertEquals(List.of("Frank"), Fixture.strings(c,
          "SELECT name FROM Person WHERE name IN ('Frank', 'Grace', 'Heidi')"), "only the statement before it took effect");
    }
  }

  @Test
  void branchesAreCreatedListedAndDropped() throws Exception {
    Run create = omnigraph("branch", "create", graph.toString(), "review", "--from", "main");
    assertEquals(List.of("created branch review from main"), create.lines(), create.err());
    Run list = omnigraph("branch", "list", graph.toString(), "--format", "csv");
    assertEquals(0, list.exit(), list.err());
    assertEquals("name,head_commit_id,created_from", list.lines().get(0));
    assertTrue(list.lines().stream().anyMatch(l -> l.startsWith("review,") && l.endsWith(",main")), list.out());
    Run drop = omnigraph("branch", "drop", graph.toString(), "review");
    assertEquals(List.of("dropped branch review"), drop.lines(), drop.err());
    try (Connection c = connect("")) {
      assertTrue(!Fixture.strings(c, "SELECT name FROM _graph_branches").contains("review"), "the branch is gone");
    }
  }

  @Test
  void logListsTheBranchsCommitsNewestFirst() throws Exception {
    Run log = omnigraph("log", graph.toString(), "--format", "csv");
    assertEquals(0, log.exit(), log.err());
    List<String> expected = new ArrayList<>();
    try (Connection c = connect("")) {
      expected.addAll(Fixture.strings(c, "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC"));
    }
    List<String> ids = log.lines().stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
    assertEquals("graph_commit_id,created_at,actor_id,parent_commit_id,merged_parent_commit_id", log.lines().get(0));
    assertEquals(expected, ids);
  }

  @Test
  void aMissingSubcommandIsAUsageError() throws Exception {
    Run run = omnigraph("branch", graph.toString());
    assertEquals(2, run.exit(), run.err());
    assertTrue(run.err().contains("Usage: omnigraph branch"), run.err());
  }

  /** bin/omnigraph with OMNIGRAPH_NO_BUILD: runs the command (JVM flag included) or says it needs a build. */
  @Test
  void theLauncherRunsTheCommandWithoutBuildingWhenNothingChanged() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    assumeTrue(root != null && Files.isExecutable(root.resolve("bin/omnigraph")), "run from the tests module");
    boolean stale = DemoScriptTest.stale(root, "cli/target/cli.classpath",
        List.of("engine", "calcite-adapter", "driver", "shell", "server", "cli"));
    ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/omnigraph").toString(), "branch", "list", graph.toString(),
        "--format", "csv");
    pb.environment().put("OMNIGRAPH_NO_BUILD", "1");
    pb.environment().put("OMNIGRAPH_JAVA_OPTS", "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
    Run run = run(pb);
    if (stale) {
      assertEquals(3, run.exit(), run.err());
      assertTrue(run.err().contains("needs a build"), run.err());
      return;
    }
    assertEquals(0, run.exit(), run.err());
    assertEquals("name,head_commit_id,created_from", run.lines().get(0), run.err());
    assertTrue(run.lines().stream().anyMatch(l -> l.startsWith("main,")), run.out());
  }

  private static Connection connect(String query) throws Exception {
    return DriverManager.getConnection("jdbc:omnigraph:" + graph + query);
  }

  private static Run omnigraph(String... args) throws IOException, InterruptedException {
    return run(new ProcessBuilder(CliCommand.of(dir, args)));
  }

  private static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finished");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}

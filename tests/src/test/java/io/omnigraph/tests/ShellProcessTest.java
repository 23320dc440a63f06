package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL shell of ./omnigraph-demo (io.omnigraph.shell.OmniGraphShell), run as its own process. */
class ShellProcessTest {
  @TempDir
  static Path dir;
  static String head;

  @BeforeAll
  static void createGraph() throws SQLException {
    try (Connection c = Fixture.createLoaded(dir); Statement s = c.createStatement()) {
      s.execute("CREATE BRANCH feature");
      head = Fixture.strings(c, "SELECT graph_commit_id FROM _graph_commits ORDER BY created_at DESC LIMIT 1").get(0);
    }
  }

  @Test
  void outputToAFileIsAPlainTableWithoutEscapesOrTerminalWarnings() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    List<String> command = shell(Fixture.url(dir), "-e", "SELECT name, age FROM Person ORDER BY name");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(List.of(
        "+---------+-----+",
        "|  name   | age |",
        "+---------+-----+",
        "| Alice   | 30  |",
        "| Bob     | 25  |",
        "| Charlie | 35  |",
        "| Diana   | 28  |",
        "+---------+-----+"), stdout.lines().toList(), stdout + stderr);
    assertFalse(stderr.contains("WARNING") || stderr.contains("terminal"), stderr);
    assertFalse((stdout + stderr).contains("\u001b"), "no escape codes");
  }

  @Test
  void thePromptShowsTheBranchAndFollowsUseBranch() throws Exception {
    String transcript = onTerminal(shell(Fixture.url(dir)), "USE BRANCH feature;\n!quit\n");
    assertTrue(transcript.contains("0: graph [main]> USE BRANCH feature"), transcript);
    assertTrue(transcript.contains("0: graph [feature]> !quit"), transcript);
  }

  @Test
  void thePromptOfASnapshotConnectionShowsTheSnapshot() throws Exception {
    String transcript = onTerminal(shell(Fixture.url(dir) + "?snapshot=" + head), "!quit\n");
    assertTrue(transcript.contains("0: graph [main @ " + head + "]> !quit"), transcript);
    assertFalse(transcript.contains("Error"), transcript);
  }

  private static List<String> shell(String url, String... more) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "io.omnigraph.shell.OmniGraphShell", "-n", "test", "-p", "",
        "-u", url));
    command.addAll(List.of(more));
    return command;
  }

  /** Runs {@code command} on a pseudo-terminal (util-linux script) fed {@code input}; returns what it printed. */
  private static String onTerminal(List<String> command, String input) throws Exception {
    boolean haveScript = Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "script")));
    assumeTrue(haveScript, "needs util-linux 'script' for a pseudo-terminal");
    StringBuilder line = new StringBuilder("stty cols 200 rows 50;");
    for (String arg : command) line.append(" '").append(arg.replace("'", "'\\''")).append("'");
    Process p = new ProcessBuilder("script", "-qec", line.toString(), "/dev/null").redirectErrorStream(true).start();
    p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return out;
  }
}

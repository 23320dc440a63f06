package io.omnigraph.cli;

import io.omnigraph.shell.OmniGraphShell;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph sql}: the interactive shell, or a script run statement by statement. */
@Command(name = "sql", mixinStandardHelpOptions = true,
    description = {"Runs a SQL script (-f) or opens the interactive SQL shell.",
        "With -f, runs the script's statements in order (split at ';' outside quotes and comments),"
            + " printing each result set and update count, and stops at the first that fails."})
final class SqlCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  GraphLocation location;

  @Option(names = "--branch", paramLabel = "<branch>", description = "branch to read and write (default main)")
  String branch;

  @Option(names = "--snapshot", paramLabel = "<commit>", description = "read the graph as of this commit (read-only)")
  String snapshot;

  @Option(names = "--actor", paramLabel = "<actor>", description = "actor recorded on every commit")
  String actor;

  @Option(names = {"-f", "--file"}, paramLabel = "<script.sql>", description = "the script to run; - reads standard input")
  String file;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
      description = "table, csv or json (default ${DEFAULT-VALUE}); only with -f")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    Properties properties = Graphs.properties("branch", branch, "snapshot", snapshot, "actor", actor);
    if (file == null) {
      OmniGraphShell.main(new String[] {"-n", "omnigraph", "-p", "", "-u", Graphs.url(location, properties)});
      return 0;
    }
    String script = read(file);
    PrintWriter out = spec.commandLine().getOut();
    try (Connection c = Graphs.open(location, properties, System.err)) {
      StatementRunner runner = new StatementRunner(c, format, out);
      for (ScriptStatements.Statement s : ScriptStatements.split(script)) runner.run(s.line(), s.sql());
    }
    return 0;
  }

  private static String read(String file) throws IOException {
    if (file.equals("-")) return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read the script " + file + ": " + e, e);
    }
  }
}

package io.omnigraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph load}: the driver's {@code LOAD DATA}, one commit on the branch. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Loads a JSONL data file as one commit (LOAD DATA FROM '<file>' MODE <mode>).")
final class LoadCommand implements Callable<Integer> {
  enum Mode { APPEND, OVERWRITE, MERGE }

  @Spec
  CommandSpec spec;

  @Mixin
  GraphLocation location;

  @Parameters(index = "1", paramLabel = "<file.jsonl>", description = "the data file")
  Path data;

  @Option(names = "--mode", paramLabel = "<mode>", defaultValue = "append",
      description = "append, overwrite or merge (default ${DEFAULT-VALUE})")
  Mode mode;

  @Option(names = "--branch", paramLabel = "<branch>", description = "branch to load into (default main)")
  String branch;

  @Option(names = "--actor", paramLabel = "<actor>", description = "actor recorded on the commit")
  String actor;

  @Override
  public Integer call() throws Exception {
    String sql = "LOAD DATA FROM " + Graphs.quoted(data.toAbsolutePath().toString())
        + " MODE " + mode.name().toUpperCase(Locale.ROOT);
    try (Connection c = Graphs.open(location, Graphs.properties("branch", branch, "actor", actor), System.err);
        Statement s = c.createStatement()) {
      long loaded = s.executeLargeUpdate(sql);
      PrintWriter out = spec.commandLine().getOut();
      out.println("loaded " + loaded + " entities from " + data + " (" + mode.name().toLowerCase(Locale.ROOT) + ")");
    } catch (SQLException e) {
      throw new StatementFailure(0, e);
    }
    return 0;
  }
}

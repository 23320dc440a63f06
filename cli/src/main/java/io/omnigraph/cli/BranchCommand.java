package io.omnigraph.cli;

import java.sql.Connection;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph branch list|create|drop}: SHOW BRANCHES, CREATE BRANCH and DROP BRANCH. */
@Command(name = "branch", mixinStandardHelpOptions = true, description = "Lists, creates and drops branches.",
    subcommands = {BranchCommand.List.class, BranchCommand.Create.class, BranchCommand.Drop.class})
final class BranchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: list, create or drop");
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the graph's branches (SHOW BRANCHES).")
  static final class List implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphLocation location;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
        description = "table, csv or json (default ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
      try (Connection c = Graphs.open(location, Graphs.properties("readOnly", "true"), System.err)) {
        new StatementRunner(c, format, spec.commandLine().getOut()).run(0, "SHOW BRANCHES");
      }
      return 0;
    }
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Creates branch <name> at the head of --from (CREATE BRANCH).")
  static final class Create implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphLocation location;

    @Parameters(index = "1", paramLabel = "<name>", description = "the new branch")
    String name;

    @Option(names = "--from", paramLabel = "<branch>", defaultValue = "main", description = "where it starts (default ${DEFAULT-VALUE})")
    String from;

    @Option(names = "--actor", paramLabel = "<actor>", description = "actor recorded on the change")
    String actor;

    @Override
    public Integer call() throws Exception {
      control(location, Graphs.properties("actor", actor),
          "CREATE BRANCH " + Graphs.quoted(name) + " FROM " + Graphs.quoted(from));
      spec.commandLine().getOut().println("created branch " + name + " from " + from);
      return 0;
    }
  }

  @Command(name = "drop", mixinStandardHelpOptions = true, description = "Drops branch <name> (DROP BRANCH).")
  static final class Drop implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphLocation location;

    @Parameters(index = "1", paramLabel = "<name>", description = "the branch to drop")
    String name;

    @Option(names = "--actor", paramLabel = "<actor>", description = "actor recorded on the change")
    String actor;

    @Override
    public Integer call() throws Exception {
      control(location, Graphs.properties("actor", actor), "DROP BRANCH " + Graphs.quoted(name));
      spec.commandLine().getOut().println("dropped branch " + name);
      return 0;
    }
  }

  private static void control(GraphLocation location, Properties properties, String sql) throws Exception {
    try (Connection c = Graphs.open(location, properties, System.err);
        java.sql.Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (java.sql.SQLException e) {
      throw new StatementFailure(0, e);
    }
  }
}

package io.omnigraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code omnigraph} command (bin/omnigraph). Every subcommand goes through the JDBC driver, so
 * it accepts, refuses and reports exactly what the driver does. Exit status: 0 on success, 1 when a
 * statement, the graph or a file fails (a message on stderr naming the SQLState), 2 on a usage error.
 */
@Command(name = "omnigraph", mixinStandardHelpOptions = true, version = "omnigraph 0.1.0",
    description = "Scripts and maintenance for OmniGraph graphs, through the JDBC driver.",
    subcommands = {SqlCommand.class, InitCommand.class, LoadCommand.class, BranchCommand.class,
        LogCommand.class, MergeCommand.class, ServeCommand.class, UsersCommand.class})
public final class OmniGraphCli implements Runnable {
  /** A statement, graph or file failure. */
  static final int FAILED = 1;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line {@code args}; returns the exit status. */
  static int execute(String... args) {
    CommandLine cli = new CommandLine(new OmniGraphCli());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof StatementFailure || e instanceof IOException) {
        commandLine.getErr().println("omnigraph: " + e.getMessage());
      } else if (e instanceof SQLException s) {
        commandLine.getErr().println("omnigraph: " + new StatementFailure(0, s).getMessage());
      } else {
        throw e;
      }
      commandLine.getErr().flush();
      return FAILED;
    });
    return cli.execute(args);
  }
}

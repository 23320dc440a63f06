package io.omnigraph.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph log}: a branch's commits, newest first, from the {@code _graph_commits} system table. */
@Command(name = "log", mixinStandardHelpOptions = true, description = "Lists a branch's commits, newest first.")
final class LogCommand implements Callable<Integer> {
  static final String QUERY = "SELECT graph_commit_id, created_at, actor_id, parent_commit_id, merged_parent_commit_id"
      + " FROM _graph_commits ORDER BY created_at DESC, graph_manifest_version DESC";

  @Spec
  CommandSpec spec;

  @Mixin
  GraphLocation location;

  @Option(names = "--branch", paramLabel = "<branch>", description = "whose history (default main)")
  String branch;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
      description = "table, csv or json (default ${DEFAULT-VALUE})")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    try (Connection c = Graphs.open(location, Graphs.properties("branch", branch, "readOnly", "true"), System.err)) {
      new StatementRunner(c, format, spec.commandLine().getOut()).run(0, QUERY);
    }
    return 0;
  }
}

package io.omnigraph.cli;

import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph merge}: the driver's {@code MERGE BRANCH}, or its dry run listing the conflicts. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = {"Merges a branch into another (MERGE BRANCH), or lists the conflicts it would meet.",
        "A conflicting merge fails with SQLState 40002 and changes nothing; --dry-run lists the conflicts instead."})
final class MergeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  GraphLocation location;

  @Parameters(index = "1", paramLabel = "<source>", description = "the branch to merge")
  String source;

  @Option(names = "--into", paramLabel = "<target>", defaultValue = "main", description = "the branch merged into (default ${DEFAULT-VALUE})")
  String target;

  @Option(names = "--dry-run", description = "list the conflicts the merge would meet; change nothing")
  boolean dryRun;

  @Option(names = "--actor", paramLabel = "<actor>", description = "actor recorded on the merge commit")
  String actor;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "table",
      description = "table, csv or json (default ${DEFAULT-VALUE})")
  OutputFormat format;

  @Override
  public Integer call() throws Exception {
    String sql = "MERGE BRANCH " + Graphs.quoted(source) + " INTO " + Graphs.quoted(target) + (dryRun ? " DRY RUN" : "");
    try (Connection c = Graphs.open(location, Graphs.properties("actor", actor), System.err)) {
      new StatementRunner(c, format, spec.commandLine().getOut()).run(0, sql);
    }
    return 0;
  }
}

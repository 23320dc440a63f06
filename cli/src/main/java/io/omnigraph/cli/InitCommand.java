package io.omnigraph.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph init}: creates a graph from a schema (the driver's {@code create=true}). */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = {"Creates an empty graph at <location> from a .pg schema.",
        "A graph that already exists there is left as it is (with a warning if its schema differs)."})
final class InitCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  GraphLocation location;

  @Option(names = "--schema", required = true, paramLabel = "<file.pg>", description = "the schema file")
  Path schema;

  @Override
  public Integer call() throws Exception {
    String schemaPath = schema.toAbsolutePath().toString();
    try (Connection c = Graphs.open(location,
        Graphs.properties("create", "true", "schema", schemaPath), System.err)) {
      spec.commandLine().getOut().println("graph ready at " + location.value + " (schema " + schema + ")");
    }
    return 0;
  }
}

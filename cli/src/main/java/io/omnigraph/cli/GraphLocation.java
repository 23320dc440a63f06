package io.omnigraph.cli;

import picocli.CommandLine.Parameters;

/** The first positional parameter of every command: the graph it works on. */
final class GraphLocation {
  @Parameters(index = "0", paramLabel = "<location>", description = "the graph's directory (or URI)")
  String value;
}

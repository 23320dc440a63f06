package io.omnigraph.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The first positional parameter of every command: the graph it works on, and how to reach its store. */
final class GraphLocation {
  @Parameters(index = "0", paramLabel = "<location>", description = "the graph's directory, or s3://bucket/prefix")
  String value;

  @Option(names = "--storage", paramLabel = "<key=value>",
      description = "an object-store option for an s3:// location (repeatable), e.g. aws_endpoint=http://127.0.0.1:9000")
  Map<String, String> storage = new LinkedHashMap<>();

  /** {@code properties} plus the storage options, as the driver's {@code storage.<key>} connection properties. */
  Properties with(Properties properties) {
    Properties p = new Properties();
    p.putAll(properties);
    storage.forEach((k, v) -> p.setProperty("storage." + k, v));
    return p;
  }
}

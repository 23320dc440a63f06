package io.omnigraph.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs the {@code omnigraph} command in a child JVM on the tests' classpath. */
final class CliCommand {
  private CliCommand() {}

  /** {@code omnigraph args...}; the child's temporary files go under {@code dir/tmp}. */
  static List<String> of(Path dir, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Each JVM unpacks Lance's native library (about 180 MB) into its temp directory.
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> command = new ArrayList<>(List.of(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "-Djava.io.tmpdir=" + tmp, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), "io.omnigraph.cli.OmniGraphCli"));
    command.addAll(List.of(args));
    return command;
  }
}

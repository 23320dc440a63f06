package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./omnigraph-demo builds only when its last build is missing or older than a source file or pom.
 * Run with OMNIGRAPH_DEMO_NO_BUILD set, the script stops (exit 3) where it would build, so this test
 * never starts Maven inside Maven; it checks the script's decision against the files' dates.
 */
class DemoScriptTest {
  private static final List<String> MODULES = List.of("engine", "calcite-adapter", "driver", "shell");

  @TempDir
  Path dir;

  @Test
  void launchesWithoutBuildingWhenNothingChangedAndSaysSoWhenItMustBuild() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    assumeTrue(root != null && Files.isExecutable(root.resolve("omnigraph-demo")), "run from the tests module");
    boolean stale = stale(root, "shell/target/shell.classpath", MODULES);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(root.resolve("omnigraph-demo").toString(), "-e", "SHOW BRANCH")
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("OMNIGRAPH_DEMO_NO_BUILD", "1");
    pb.environment().put("OMNIGRAPH_DEMO_GRAPH", dir.resolve("demo-graph").toString());
    Process p = pb.start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS));
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    if (stale) {
      assertEquals(3, p.exitValue(), stderr);
      assertTrue(stderr.contains("needs a build"), stderr);
      return;
    }
    assertEquals(0, p.exitValue(), stderr);
    assertTrue(stderr.contains("Creating the demo graph in " + dir.resolve("demo-graph")), stderr);
    assertTrue(!stderr.contains("Building"), stderr);
    assertEquals(List.of(
        "+--------+----------+-----------+",
        "| branch | snapshot | read_only |",
        "+--------+----------+-----------+",
        "| main   |          | false     |",
        "+--------+----------+-----------+"), stdout.lines().toList(), stderr);
  }

  /**
   * True when a launcher's stamp (the class path file its build writes, relative to {@code root}) is
   * missing or older than a source file or pom of {@code modules}.
   */
  static boolean stale(Path root, String stampPath, List<String> modules) throws IOException {
    Path stamp = root.resolve(stampPath);
    if (!Files.isRegularFile(stamp) || Files.size(stamp) == 0) return true;
    long built = Files.getLastModifiedTime(stamp).toMillis();
    if (Files.getLastModifiedTime(root.resolve("pom.xml")).toMillis() > built) return true;
    for (String module : modules) {
      if (Files.getLastModifiedTime(root.resolve(module).resolve("pom.xml")).toMillis() > built) return true;
      try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main"))) {
        if (files.anyMatch(f -> newer(f, built))) return true;
      }
    }
    try (Stream<Path> files = Files.walk(root.resolve("META-INF"))) {
      return files.anyMatch(f -> newer(f, built));
    }
  }

  private static boolean newer(Path f, long than) {
    try {
      return Files.getLastModifiedTime(f).toMillis() > than;
    } catch (IOException e) {
      return true;
    }
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver is silent by default: an application's output is its own (no SLF4J notices, no Arrow INFO lines). */
class QuietOutputTest {
  @TempDir
  Path dir;

  @Test
  void aPlainApplicationPrintsOnlyItsOwnOutput() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m",
        "-cp", applicationClassPath(), QuietApplication.class.getName(),
        Fixture.createUrl(dir), Fixture.resource("graph.jsonl").toString())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the application finished");
    assertEquals(0, p.exitValue(), Files.readString(err));
    assertEquals("", Files.readString(err, StandardCharsets.UTF_8), "nothing on stderr");
    assertEquals(List.of("persons=4", "older=Alice,Charlie"), Files.readAllLines(out, StandardCharsets.UTF_8));
  }

  /**
   * The application's own class plus the driver and its dependencies, as an application would have
   * them: this module's test-classes directory is left out, so no test logging configuration applies.
   */
  private String applicationClassPath() throws Exception {
    String classFile = QuietApplication.class.getName().replace('.', '/') + ".class";
    Path app = dir.resolve("app");
    Path target = app.resolve(classFile);
    Files.createDirectories(target.getParent());
    try (var in = QuietApplication.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(in, target);
    }
    List<String> entries = new ArrayList<>(List.of(app.toString()));
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.endsWith("test-classes")) entries.add(e);
    }
    return String.join(File.pathSeparator, entries);
  }
}

package io.omnigraph.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.tests.bench.CommitSoak;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that keeps committing must not keep native memory per commit. Runs the commit soak in
 * a child JVM whose heap is fixed and touched up front, so that any growth of its resident set
 * after warm-up is native memory: the Lance handles, sessions and caches the engine holds.
 */
class CommitMemoryTest {
  private static final int COMMITS = 1_500;
  private static final int WARM_UP = 200;
  /**
   * Lance's shared caches fill towards their budget after warm-up (measured: about 90 MB between
   * commits 200 and 1,500); a handle kept per commit costs gigabytes over the same run.
   */
  private static final long MARGIN_MB = 160;
  private static final Pattern ROW = Pattern.compile("^\\| ([0-9,]+) \\| ([0-9,]+) \\|", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void residentMemoryStaysFlatOverFifteenHundredSingleRowCommits() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-Dbench.dir=" + dir.resolve("soak"), "-Dbench.every=100", "-Dbench.optimizeEvery=100",
        "-cp", System.getProperty("java.class.path"), CommitSoak.class.getName(), String.valueOf(COMMITS))
        .redirectErrorStream(true);
    pb.environment().put("LANCE_CPU_THREADS", "2");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), out);
    System.out.print(out);
    assertEquals(0, p.exitValue(), out);

    TreeMap<Integer, Long> rssMb = new TreeMap<>();
    Matcher m = ROW.matcher(out);
    while (m.find()) rssMb.put(Integer.parseInt(m.group(1).replace(",", "")), Long.parseLong(m.group(2).replace(",", "")));
    assertEquals(COMMITS / 100, rssMb.size(), out);
    long growth = rssMb.get(COMMITS) - rssMb.get(WARM_UP);
    assertTrue(growth <= MARGIN_MB, "RSS grew " + growth + " MB between commit " + WARM_UP + " and " + COMMITS
        + " (allowed " + MARGIN_MB + " MB):\n" + out);
  }
}

package io.omnigraph.engine.recovery;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.GraphSettings;
import io.omnigraph.engine.storage.StorageOptions;
import io.omnigraph.engine.write.GraphTransaction;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The child process of {@link SigkillRecoveryTest}. It first warms up on a scratch graph (native
 * library, class loading, the commit path) so that the parent can start it while the previous
 * child is still running, then waits for a line on stdin, opens the graph read-write and commits
 * single-row inserts (alternately a Person and a Company) until it is killed. It prints
 * {@code TRY <name>} before each commit and {@code COMMITTED <name> <commit id>} after the commit
 * returns, so the parent knows which writes were acknowledged.
 *
 * <p>Arguments: graph location, scratch location, row name prefix, actor, and optionally {@code log}
 * to make the commits through main's commit log.
 */
public final class CrashingWriter {
  private CrashingWriter() {}

  public static void main(String[] args) throws IOException {
    String location = args[0];
    String scratch = args[1];
    String prefix = args[2];
    String actor = args[3];
    boolean logged = args.length > 4 && args[4].equals("log");
    GraphSettings settings = GraphSettings.defaults().with(Map.of("commitLog", String.valueOf(logged)));
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    try (Graph warm = Graph.init(scratch, Fixtures.schema())) {
      for (int i = 0; i < 2; i++) insert(warm, "warm", "warm-" + i, i);
    }
    out.println("WARM");
    // The parent going away (stdin closed) means this child is not wanted.
    if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) return;
    try (Graph g = Graph.open(location, false, StorageOptions.NONE, settings)) {
      out.println("READY");
      for (int i = 0; ; i++) {
        String name = prefix + "-" + i;
        out.println("TRY " + name);
        out.println("COMMITTED " + name + " " + insert(g, actor, name, i));
      }
    }
  }

  private static String insert(Graph g, String actor, String name, int i) {
    try (GraphTransaction tx = g.begin("main", actor)) {
      tx.insert(i % 2 == 0 ? "Person" : "Company", List.of(Map.of("name", name)));
      return tx.commit().orElseThrow().id();
    }
  }
}

package io.omnigraph.engine.recovery;

import io.omnigraph.engine.storage.StorageOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.storage.TableHeads;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Interrupted writers, sidecar inspection and the post-recovery invariants shared by recovery tests. */
final class RecoveryFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecoveryFixtures() {}

  /** A two-table write (a Person and a Company) as a mutation by {@code actor}. */
  static void mutatePersonAndCompany(Graph g, String branch, String name, String actor) {
    try (GraphTransaction tx = g.begin(branch, actor)) {
      tx.insert("Person", List.of(Fixtures.person(name, 41)));
      tx.insert("Company", List.of(Map.of("name", name + " Inc")));
      tx.commit();
    }
  }

  /** The same two-table write as an append load by {@code actor}. */
  static void loadPersonAndCompany(Graph g, String branch, String name, String actor) {
    String jsonl = "{\"type\":\"Person\",\"data\":{\"name\":\"" + name + "\",\"age\":41}}\n"
        + "{\"type\":\"Company\",\"data\":{\"name\":\"" + name + " Inc\"}}\n";
    g.load(branch, new StringReader(jsonl), LoadMode.APPEND, actor);
  }

  /** Runs {@code write} with {@code failpoint} armed and expects it to stop there. */
  static void interrupt(Graph g, String failpoint, Runnable write) {
    g.context().failpoints().arm(failpoint);
    try {
      FailpointTriggered t = assertThrows(FailpointTriggered.class, write::run);
      assertEquals(failpoint, t.failpoint());
    } finally {
      g.context().failpoints().disarm(failpoint);
    }
  }

  /** Closes a handle and opens the graph again read-write, which runs recovery. */
  static Graph reopen(Graph g) {
    String location = g.location();
    g.close();
    return Graph.open(location, false, StorageOptions.NONE, Fixtures.direct());
  }

  /** Opens a graph with failpoints armed from the moment the handle exists (so during its recovery). */
  static Graph openWithFailpoints(String location, String... names) {
    String before = System.getProperty(Failpoints.PROPERTY);
    System.setProperty(Failpoints.PROPERTY, String.join(",", names));
    try {
      return Graph.open(location, false, StorageOptions.NONE, Fixtures.direct());
    } finally {
      if (before == null) System.clearProperty(Failpoints.PROPERTY);
      else System.setProperty(Failpoints.PROPERTY, before);
    }
  }

  static Path root(Graph g) {
    return Path.of(g.location());
  }

  /** Sidecar files under {@code __recovery/}, oldest first. */
  static List<Path> sidecars(Path root) {
    Path dir = root.resolve(RecoveryJournal.DIR);
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path onlySidecar(Path root) {
    List<Path> all = sidecars(root);
    assertEquals(1, all.size(), "sidecars " + all);
    return all.get(0);
  }

  static ObjectNode readJson(Path sidecar) {
    try {
      return (ObjectNode) JSON.readTree(sidecar.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites a sidecar in place, as a different writer (or a bug) might have left it. */
  static void editSidecar(Path sidecar, Consumer<ObjectNode> edit) {
    ObjectNode json = readJson(sidecar);
    edit.accept(json);
    try {
      Files.writeString(sidecar, JSON.writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String operationId(Path sidecar) {
    return SidecarCodec.operationIdOf(sidecar.getFileName().toString());
  }

  static List<RecoveryRecord> audit(Graph g) {
    return new RecoveryAudit(g.context()).recoveries();
  }

  static List<GraphCommit> commitsBy(Graph g, String branch, String actor) {
    List<GraphCommit> out = new ArrayList<>();
    for (GraphCommit c : g.commits(branch)) if (actor.equals(c.actorId())) out.add(c);
    return out;
  }

  /** Every table the branch pins is at its Lance HEAD on the pinned lineage: nothing is half-published. */
  static void assertPublishedEqualsHead(Graph g, String branch) {
    TableHeads heads = new TableHeads(g.context().tables());
    for (TableEntry e : g.snapshot(branch).state().tables()) {
      long head = heads.head(g.context().store().uri(e.location()), e.tableBranch());
      assertEquals(head, e.version(), e.tableKey() + " on " + branch + " (lineage " + e.tableBranch() + ")");
    }
  }

  static TableEntry entry(Graph g, String branch, String tableKey) {
    return g.snapshot(branch).state().tables().stream().filter(e -> e.tableKey().equals(tableKey)).findFirst()
        .orElseThrow();
  }

  static long head(Graph g, TableEntry e, String lanceBranch) {
    return new TableHeads(g.context().tables()).head(g.context().store().uri(e.location()), lanceBranch);
  }
}

package io.omnigraph.engine.merge;

import static io.omnigraph.engine.merge.MergeFixtures.edgeIds;
import static io.omnigraph.engine.merge.MergeFixtures.edges;
import static io.omnigraph.engine.merge.MergeFixtures.knows;
import static io.omnigraph.engine.merge.MergeFixtures.person;
import static io.omnigraph.engine.merge.MergeFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §5.4 in full: every pair of operations, one on the source branch "feature" (L) and one on
 * main (R), all starting from Alice 30, Bob 25, Carol 40, Dan 50 and Knows Bob→Carol; then
 * feature is merged into main.
 */
class MergeTruthTableTest {
  @TempDir static Path shared;
  private static Path template;

  @TempDir Path dir;

  enum Op { NOOP, ADD_NODE, REMOVE_NODE, ADD_EDGE, REMOVE_EDGE, SET_PROPERTY, NET_ZERO_EDGE }

  @BeforeAll
  static void buildBase() {
    template = shared.resolve("base");
    MergeFixtures.people(template).close();
  }

  static Stream<Arguments> cells() {
    List<Arguments> out = new ArrayList<>();
    for (Op l : Op.values()) for (Op r : Op.values()) out.add(Arguments.of(l, r));
    return out.stream();
  }

  /** The state a graph is in, compared as a whole. */
  record State(Map<String, Object> ages, List<String> knows) {
    static State of(io.omnigraph.engine.read.ReadView view) {
      return new State(MergeFixtures.ages(view), edges(view, "Knows"));
    }
  }

  private static final State BASE = new State(
      new TreeMap<>(Map.of("Alice", 30, "Bob", 25, "Carol", 40, "Dan", 50)), List.of("Bob>Carol"));

  @ParameterizedTest(name = "{0} x {1}")
  @MethodSource("cells")
  void mergeFeatureIntoMain(Op l, Op r) {
    try (Graph g = MergeFixtures.copyOf(template, dir.resolve("g"))) {
      g.createBranch("feature", "main");
      apply(g, "feature", l, true);
      apply(g, "main", r, false);
      GraphCommit mainBefore = g.commits("main").get(0);
      String featureHead = g.snapshot("feature").headCommitId();
      State rAlone = State.of(g.snapshot("main"));
      String expectedConflict = expectedConflict(g, l, r);

      BranchMerge merge = new BranchMerge(g.context());
      if (expectedConflict != null) {
        MergeConflictException e = assertThrows(MergeConflictException.class, () -> merge.merge("feature", "main", "m", false));
        assertEquals(List.of(expectedConflict), summaries(e.conflicts()));
        assertEquals(rAlone, State.of(g.snapshot("main")), "the target is exactly as R left it");
        assertEquals(mainBefore.id(), g.snapshot("main").headCommitId(), "no commit after a conflict");
        return;
      }
      MergeResult result = merge.merge("feature", "main", "m", false);
      MergeOutcome expected = l == Op.NOOP ? MergeOutcome.ALREADY_UP_TO_DATE
          : r == Op.NOOP ? MergeOutcome.FAST_FORWARD : MergeOutcome.MERGED;
      assertEquals(expected, result.outcome());
      assertEquals(List.of(), result.conflicts());
      State want = applyModel(applyModel(BASE, r, false), l, true);
      assertEquals(want, State.of(g.snapshot("main")));
      if (expected == MergeOutcome.ALREADY_UP_TO_DATE) {
        assertNull(result.commitId());
        assertEquals(mainBefore.id(), g.snapshot("main").headCommitId());
      } else {
        GraphCommit head = g.commits("main").get(0);
        assertEquals(result.commitId(), head.id());
        assertEquals(mainBefore.id(), head.parentCommitId());
        assertEquals(featureHead, head.mergedParentCommitId());
        assertEquals(MergeOutcome.ALREADY_UP_TO_DATE, merge.merge("feature", "main", "m", false).outcome());
      }
    }
  }

  /** {@code KIND Type id} of the one conflict the pair must produce, or null when it merges. */
  private static String expectedConflict(Graph g, Op l, Op r) {
    if (l == Op.ADD_NODE && r == Op.ADD_NODE) return "DIVERGENT_INSERT Person Eve";
    if (l == Op.REMOVE_NODE && r == Op.SET_PROPERTY || l == Op.SET_PROPERTY && r == Op.REMOVE_NODE) {
      return "DELETE_VS_UPDATE Person Alice";
    }
    if (l == Op.SET_PROPERTY && r == Op.SET_PROPERTY) return "DIVERGENT_UPDATE Person Alice";
    if (l == Op.REMOVE_NODE && r == Op.ADD_EDGE) return "ORPHAN_EDGE Knows " + edgeIds(g.snapshot("main"), "Knows", "Alice").get(0);
    if (l == Op.ADD_EDGE && r == Op.REMOVE_NODE) return "ORPHAN_EDGE Knows " + edgeIds(g.snapshot("feature"), "Knows", "Alice").get(0);
    return null;
  }

  private static List<String> summaries(List<MergeConflict> conflicts) {
    return conflicts.stream().map(c -> c.kind() + " " + c.typeName() + " " + c.entityId()).toList();
  }

  /** Runs an operation on a branch; the two sides use different values where that matters. */
  private static void apply(Graph g, String branch, Op op, boolean left) {
    switch (op) {
      case NOOP -> { }
      case ADD_NODE -> write(g, branch, tx -> tx.insert("Person", List.of(person("Eve", left ? 21 : 22))));
      case REMOVE_NODE -> write(g, branch, tx -> tx.delete("Person", Predicate.eq("name", "Alice")));
      case ADD_EDGE -> write(g, branch, tx -> tx.insert("Knows", List.of(knows("Alice", "Carol"))));
      case REMOVE_EDGE -> write(g, branch, tx -> tx.delete("Knows", Predicate.eq("src", "Bob")));
      case SET_PROPERTY -> write(g, branch, tx -> tx.update("Person", Predicate.eq("name", "Alice"), Map.of("age", left ? 31 : 32)));
      case NET_ZERO_EDGE -> {
        write(g, branch, tx -> tx.insert("Knows", List.of(knows("Alice", "Carol"))));
        write(g, branch, tx -> tx.delete("Knows", Predicate.eq("src", "Alice")));
      }
    }
  }

  /** The operation's effect as a change from the base, applied to a model state. */
  private static State applyModel(State s, Op op, boolean left) {
    Map<String, Object> ages = new TreeMap<>(s.ages());
    List<String> knows = new ArrayList<>(s.knows());
    switch (op) {
      case NOOP, NET_ZERO_EDGE -> { }
      case ADD_NODE -> ages.put("Eve", left ? 21 : 22);
      case REMOVE_NODE -> ages.remove("Alice");
      case ADD_EDGE -> knows.add("Alice>Carol");
      case REMOVE_EDGE -> knows.remove("Bob>Carol");
      case SET_PROPERTY -> ages.put("Alice", left ? 31 : 32);
    }
    knows.sort(null);
    return new State(ages, knows);
  }
}

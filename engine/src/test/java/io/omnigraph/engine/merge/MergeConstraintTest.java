package io.omnigraph.engine.merge;

import static io.omnigraph.engine.merge.MergeFixtures.edgeIds;
import static io.omnigraph.engine.merge.MergeFixtures.edges;
import static io.omnigraph.engine.merge.MergeFixtures.knows;
import static io.omnigraph.engine.merge.MergeFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pinned rule cases of SPEC §5.4: each side is valid alone, the merged graph is not. */
class MergeConstraintTest {
  static final String USERS = """
      node User {
        name: String @key
        email: String? @unique
      }
      node Company {
        name: String @key
      }
      edge Follows: User -> User {
        @unique(src, dst)
      }
      edge WorksAt: User -> Company @card(0..1)
      """;

  @TempDir Path dir;

  private Graph users() {
    Graph g = Graph.init(dir.resolve("g").toString(), USERS);
    write(g, "main", tx -> {
      tx.insert("User", List.of(user("Alice", null), user("Bob", null), user("Carol", null)));
      tx.insert("Company", List.of(Map.of("name", "Acme"), Map.of("name", "Beta")));
    });
    g.createBranch("feature", "main");
    return g;
  }

  private static Map<String, Object> user(String name, String email) {
    Map<String, Object> m = new HashMap<>();
    m.put("name", name);
    m.put("email", email);
    return m;
  }

  private static MergeConflict onlyConflict(Graph g, String source, String target) {
    String headBefore = g.snapshot(target).headCommitId();
    MergeConflictException e = assertThrows(MergeConflictException.class,
        () -> new BranchMerge(g.context()).merge(source, target, null, false));
    assertEquals(1, e.conflicts().size(), e.getMessage());
    assertEquals(headBefore, g.snapshot(target).headCommitId(), "nothing published");
    return e.conflicts().get(0);
  }

  @Test
  void sameUniqueEmailInsertedOnBothSidesIsAUniqueViolation() {
    try (Graph g = users()) {
      write(g, "feature", tx -> tx.insert("User", List.of(user("Dave", "dup@x"))));
      write(g, "main", tx -> tx.insert("User", List.of(user("Erin", "dup@x"))));
      MergeConflict c = onlyConflict(g, "feature", "main");
      assertEquals(ConflictKind.UNIQUE_VIOLATION, c.kind());
      assertEquals("User", c.typeName());
      assertEquals("Dave", c.entityId());
      assertTrue(g.snapshot("main").get("User", "Dave").isEmpty());
    }
  }

  @Test
  void samePairUnderUniqueSrcDstOnBothSidesIsAUniqueViolation() {
    try (Graph g = users()) {
      write(g, "feature", tx -> tx.insert("Follows", List.of(knows("Alice", "Bob"))));
      write(g, "main", tx -> tx.insert("Follows", List.of(knows("Alice", "Bob"))));
      MergeConflict c = onlyConflict(g, "feature", "main");
      assertEquals(ConflictKind.UNIQUE_VIOLATION, c.kind());
      assertEquals("Follows", c.typeName());
      assertEquals(edgeIds(g.snapshot("feature"), "Follows", "Alice").get(0), c.entityId());
      assertEquals(List.of("Alice>Bob"), edges(g.snapshot("main"), "Follows"));
    }
  }

  @Test
  void differentPairsUnderUniqueSrcDstMerge() {
    try (Graph g = users()) {
      write(g, "feature", tx -> tx.insert("Follows", List.of(knows("Alice", "Bob"))));
      write(g, "main", tx -> tx.insert("Follows", List.of(knows("Alice", "Carol"))));
      MergeResult r = new BranchMerge(g.context()).merge("feature", "main", null, false);
      assertEquals(MergeOutcome.MERGED, r.outcome());
      assertEquals(List.of("Alice>Bob", "Alice>Carol"), edges(g.snapshot("main"), "Follows"));
    }
  }

  @Test
  void oneEmployerAddedOnEachSideBreaksCardZeroToOne() {
    try (Graph g = users()) {
      write(g, "feature", tx -> tx.insert("WorksAt", List.of(knows("Alice", "Acme"))));
      write(g, "main", tx -> tx.insert("WorksAt", List.of(knows("Alice", "Beta"))));
      MergeConflict c = onlyConflict(g, "feature", "main");
      assertEquals(ConflictKind.CARDINALITY_VIOLATION, c.kind());
      assertEquals("WorksAt", c.typeName());
      assertNull(c.entityId());
      assertEquals(List.of("Alice>Beta"), edges(g.snapshot("main"), "WorksAt"));
    }
  }

  @Test
  void mergingMainIntoABranchThatDeletedANodeReportsTheOrphanEdge() {
    try (Graph g = MergeFixtures.people(dir.resolve("g"))) {
      g.createBranch("cleanup", "main");
      write(g, "cleanup", tx -> tx.delete("Person", Predicate.eq("name", "Bob")));
      write(g, "main", tx -> tx.insert("Knows", List.of(knows("Alice", "Bob"))));
      MergeConflict c = onlyConflict(g, "main", "cleanup");
      assertEquals(ConflictKind.ORPHAN_EDGE, c.kind());
      assertEquals("Knows", c.typeName());
      assertEquals(edgeIds(g.snapshot("main"), "Knows", "Alice").get(0), c.entityId());
      assertTrue(c.message().contains("'Bob' not found"), c.message());
      assertEquals(List.of(), edges(g.snapshot("cleanup"), "Knows"));
    }
  }

  @Test
  void everyOrphanEdgeIsReportedNotJustTheFirst() {
    try (Graph g = MergeFixtures.people(dir.resolve("g"))) {
      g.createBranch("feature", "main");
      write(g, "feature", tx -> tx.delete("Person", Predicate.eq("name", "Carol")));
      write(g, "main", tx -> tx.insert("Knows", List.of(knows("Alice", "Carol"), knows("Dan", "Carol"))));
      MergeConflictException e = assertThrows(MergeConflictException.class,
          () -> new BranchMerge(g.context()).merge("feature", "main", null, false));
      assertEquals(2, e.conflicts().size(), e.getMessage());
      assertTrue(e.conflicts().stream().allMatch(c -> c.kind() == ConflictKind.ORPHAN_EDGE));
      assertEquals(e.conflicts().stream().map(MergeConflict::entityId).sorted().toList(),
          e.conflicts().stream().map(MergeConflict::entityId).toList(), "ordered by id");
    }
  }
}

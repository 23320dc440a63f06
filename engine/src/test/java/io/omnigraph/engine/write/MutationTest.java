package io.omnigraph.engine.write;

import static io.omnigraph.engine.Fixtures.edge;
import static io.omnigraph.engine.Fixtures.ids;
import static io.omnigraph.engine.Fixtures.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.GraphCommit;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.TableInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutationTest {
  @TempDir Path dir;
  Graph g;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private Map<String, Long> versions(Snapshot s) {
    return s.tables().stream().collect(java.util.stream.Collectors.toMap(TableInfo::typeName, TableInfo::publishedVersion));
  }

  @Test
  void insertAdvancesManifestByOneAndChainsTheCommit() {
    Snapshot before = g.snapshot("main");
    GraphCommit c;
    try (GraphTransaction tx = g.begin("main", "alice")) {
      assertEquals(1, tx.insert("Person", List.of(person("Eve", 22))).rows());
      c = tx.commit().orElseThrow();
    }
    Snapshot after = g.snapshot("main");
    assertEquals(before.manifestVersion() + 1, after.manifestVersion());
    assertEquals(before.headCommitId(), c.parentCommitId());
    assertEquals("alice", c.actorId());
    assertEquals(c.id(), after.headCommitId());
    assertEquals(22, after.get("Person", "Eve").orElseThrow().get("age"));
    Map<String, Long> v0 = versions(before);
    Map<String, Long> v1 = versions(after);
    assertEquals(v0.get("Person") + 1, v1.get("Person"));
    assertEquals(v0.get("Knows"), v1.get("Knows"));
  }

  @Test
  void nodeAndEdgeInsertedTogetherLandInOneCommitAndReadYourWrites() {
    long v = g.snapshot("main").manifestVersion();
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(person("Eve", 22)));
      assertTrue(tx.get("Person", "Eve").isPresent(), "pending row visible inside the transaction");
      tx.insert("Knows", List.of(edge("Eve", "Alice")));
      assertEquals(Set.of("Eve"), ids(tx, "Person", Predicate.eq("name", "Eve")));
      tx.commit();
    }
    Snapshot s = g.snapshot("main");
    assertEquals(v + 1, s.manifestVersion());
    assertEquals(1, s.count("Knows", Predicate.eq("src", "Eve")));
  }

  @Test
  void failingLastStatementLeavesEveryTableAndTheManifestUnchanged() {
    Snapshot before = g.snapshot("main");
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(person("Eve", 22)));
      tx.update("Person", Predicate.eq("name", "Bob"), Map.of("age", 26));
      tx.insert("Knows", List.of(edge("Eve", "Missing")));
      ConstraintViolation e = assertThrows(ConstraintViolation.class, tx::commit);
      assertEquals(Rule.ENDPOINT, e.rule());
      assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
    Snapshot after = g.snapshot("main");
    assertEquals(before.manifestVersion(), after.manifestVersion());
    assertEquals(versions(before), versions(after));
    assertTrue(after.get("Person", "Eve").isEmpty());
    assertEquals(25, after.get("Person", "Bob").orElseThrow().get("age"));
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(person("Frank", 40)));
      tx.commit();
    }
    assertTrue(g.snapshot("main").get("Person", "Frank").isPresent());
  }

  @Test
  void mixedInsertUpdateDeleteIsOneCommitWithOneVersionPerTable() {
    Snapshot before = g.snapshot("main");
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(person("Eve", 22)));
      tx.update("Person", Predicate.eq("name", "Eve"), Map.of("age", 23));
      tx.delete("Person", Predicate.eq("name", "Diana"));
      tx.commit();
    }
    Snapshot after = g.snapshot("main");
    assertEquals(before.manifestVersion() + 1, after.manifestVersion());
    assertEquals(versions(before).get("Person") + 1, versions(after).get("Person"));
    assertEquals(23, after.get("Person", "Eve").orElseThrow().get("age"));
    assertEquals(Set.of("Alice", "Bob", "Charlie", "Eve"), ids(after, "Person"));
    assertEquals(Set.of(), ids(after, "Knows", Predicate.eq("dst", "Diana")), "cascade removed Bob->Diana");
  }

  @Test
  void updateMatchingNothingMakesNoCommit() {
    Snapshot before = g.snapshot("main");
    try (GraphTransaction tx = g.begin("main", null)) {
      assertEquals(0, tx.update("Person", Predicate.eq("name", "Missing"), Map.of("age", 99)).rows());
      assertEquals(Optional.empty(), tx.commit());
    }
    assertEquals(before.headCommitId(), g.snapshot("main").headCommitId());
  }

  @Test
  void deletingANodeCascadesToEveryIncidentEdge() {
    try (GraphTransaction tx = g.begin("main", null)) {
      GraphTransaction.Affected a = tx.delete("Person", Predicate.eq("name", "Alice"));
      assertEquals(1, a.rows());
      assertEquals(3, a.cascaded());
      tx.commit();
    }
    Snapshot s = g.snapshot("main");
    assertEquals(3, ids(s, "Person").size());
    assertEquals(1, s.count("Knows", Predicate.TRUE));
    assertEquals(1, s.count("WorksAt", Predicate.TRUE));
  }

  @Test
  void updatingAKeyPropertyIsRefused() {
    try (GraphTransaction tx = g.begin("main", null)) {
      ConstraintViolation e = assertThrows(ConstraintViolation.class,
          () -> tx.update("Person", Predicate.eq("name", "Alice"), Map.of("name", "X")));
      assertEquals(Rule.KEY_UPDATE, e.rule());
      assertTrue(e.getMessage().contains("cannot update @key property"));
    }
  }

  @Test
  void strictInsertOfAnExistingKeyFailsAndKeepsTheRow() {
    long v = g.snapshot("main").manifestVersion();
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Person", List.of(person("Alice", 99)));
      ConstraintViolation e = assertThrows(ConstraintViolation.class, tx::commit);
      assertEquals(Rule.KEY, e.rule());
      assertEquals("Alice", e.entityId());
    }
    assertEquals(30, g.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
    assertEquals(v, g.snapshot("main").manifestVersion());
  }

  @Test
  void upsertReplacesTheRowAndNullsOmittedProperties() {
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.upsert("Person", List.of(Map.of("name", "Alice")));
      tx.commit();
    }
    Map<String, Object> alice = g.snapshot("main").get("Person", "Alice").orElseThrow();
    assertEquals(null, alice.get("age"));
    assertEquals(4, ids(g.snapshot("main"), "Person").size());
  }

  @Test
  void valueRulesFailBeforeAnythingIsWritten() {
    try (GraphTransaction tx = g.begin("main", null)) {
      ConstraintViolation e = assertThrows(ConstraintViolation.class,
          () -> tx.insert("Person", List.of(Map.of("age", 3))));
      assertEquals(Rule.REQUIRED, e.rule());
      OmniGraphException unknown = assertThrows(OmniGraphException.class,
          () -> tx.insert("Person", List.of(Map.of("name", "Zed", "height", 3))));
      assertTrue(unknown.getMessage().contains("unknown input field 'height'"));
    }
  }

  @Test
  void insertThenDeleteInOneTransactionPublishesNothingForThatRow() {
    Snapshot before = g.snapshot("main");
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert("Company", List.of(Map.of("name", "Initech")));
      tx.deleteById("Company", List.of("Initech"));
      tx.insert("Company", List.of(Map.of("name", "Hooli")));
      tx.commit();
    }
    Snapshot after = g.snapshot("main");
    assertEquals(Set.of("Acme", "Globex", "Hooli"), ids(after, "Company"));
    assertEquals(before.manifestVersion() + 1, after.manifestVersion());
  }
}

package io.omnigraph.engine.write;

import static io.omnigraph.engine.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.Snapshot;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.read.Predicate;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoadTest {
  @TempDir Path dir;

  private static LoadResult load(Graph g, LoadMode mode, String jsonl) {
    return g.load("main", new StringReader(jsonl), mode, "loader");
  }

  @Test
  void fixtureLoadReadsBackEveryType() {
    try (Graph g = Fixtures.loaded(dir)) {
      Snapshot s = g.snapshot("main");
      assertEquals(Set.of("Alice", "Bob", "Charlie", "Diana"), ids(s, "Person"));
      assertEquals(Set.of("Acme", "Globex"), ids(s, "Company"));
      assertEquals(3, s.count("Knows", Predicate.TRUE));
      assertEquals(2, s.count("WorksAt", Predicate.TRUE));
      assertEquals(30, s.get("Person", "Alice").orElseThrow().get("age"));
      assertEquals(2, g.commits("main").size());
    }
  }

  @Test
  void appendOfAnExistingKeyConflictsAndChangesNothing() {
    try (Graph g = Fixtures.loaded(dir)) {
      Snapshot before = g.snapshot("main");
      ConstraintViolation e = assertThrows(ConstraintViolation.class,
          () -> load(g, LoadMode.APPEND, "{\"type\":\"Person\",\"data\":{\"name\":\"Alice\",\"age\":99}}"));
      assertEquals(Rule.KEY, e.rule());
      assertEquals("Alice", e.entityId());
      Snapshot after = g.snapshot("main");
      assertEquals(30, after.get("Person", "Alice").orElseThrow().get("age"));
      assertEquals(before.manifestVersion(), after.manifestVersion());
    }
  }

  @Test
  void mergeUpsertsByKey() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      load(g, LoadMode.APPEND, "{\"type\":\"Person\",\"data\":{\"name\":\"Alice\",\"age\":30}}\n"
          + "{\"type\":\"Person\",\"data\":{\"name\":\"Bob\",\"age\":25}}");
      load(g, LoadMode.MERGE, "{\"type\":\"Person\",\"data\":{\"name\":\"Alice\",\"age\":31}}\n"
          + "{\"type\":\"Person\",\"data\":{\"name\":\"Charlie\",\"age\":35}}");
      Snapshot s = g.snapshot("main");
      assertEquals(Set.of("Alice", "Bob", "Charlie"), ids(s, "Person"));
      assertEquals(31, s.get("Person", "Alice").orElseThrow().get("age"));
      assertEquals(25, s.get("Person", "Bob").orElseThrow().get("age"));
    }
  }

  @ParameterizedTest
  @EnumSource(LoadMode.class)
  void duplicateKeysInOneLoadAreRejectedInEveryMode(LoadMode mode) {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      ConstraintViolation e = assertThrows(ConstraintViolation.class, () -> load(g, mode,
          "{\"type\":\"Person\",\"data\":{\"name\":\"Alice\"}}\n{\"type\":\"Person\",\"data\":{\"name\":\"Alice\"}}"));
      assertTrue(e.getMessage().contains("@unique violation"), e.getMessage());
      assertTrue(e.getMessage().contains("Alice"));
      assertEquals(0, g.snapshot("main").count("Person", Predicate.TRUE));
    }
  }

  @Test
  void overwriteDroppingANodeStillReferencedByAKeptEdgeIsRejected() {
    try (Graph g = Fixtures.loaded(dir)) {
      ConstraintViolation e = assertThrows(ConstraintViolation.class,
          () -> load(g, LoadMode.OVERWRITE, "{\"type\":\"Person\",\"data\":{\"name\":\"Alice\"}}"));
      assertTrue(e.getMessage().contains("not found"), e.getMessage());
      assertEquals(4, ids(g.snapshot("main"), "Person").size());
    }
  }

  @Test
  void overwriteReplacesOnlyTheTablesItMentions() {
    try (Graph g = Fixtures.loaded(dir)) {
      load(g, LoadMode.OVERWRITE, "{\"type\":\"Company\",\"data\":{\"name\":\"Acme\"}}\n"
          + "{\"type\":\"Company\",\"data\":{\"name\":\"Globex\"}}\n{\"type\":\"Company\",\"data\":{\"name\":\"Initech\"}}");
      Snapshot s = g.snapshot("main");
      assertEquals(Set.of("Acme", "Globex", "Initech"), ids(s, "Company"));
      assertEquals(4, ids(s, "Person").size());
    }
  }

  @Test
  void emptyLoadStillCommits() {
    try (Graph g = Fixtures.loaded(dir)) {
      String head = g.snapshot("main").headCommitId();
      LoadResult r = load(g, LoadMode.MERGE, "\n");
      assertEquals(head, r.commit().parentCommitId());
      assertEquals(r.commit().id(), g.snapshot("main").headCommitId());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\":\"Person\",\"edge\":\"Knows\"}",
      "{\"type\":\"Person\",\"data\":{\"name\":\"A\"},\"extra\":1}",
      "{\"type\":\"Person\",\"data\":{\"name\":\"A\",\"height\":3}}",
      "{\"type\":\"Nobody\",\"data\":{}}",
      "{\"edge\":\"Knows\",\"from\":\"Alice\",\"to\":\"Bob\",\"data\":{\"src\":\"x\"}}",
      "{\"type\":\"Person\",\"data\":{\"name\":\"A\",\"name\":\"B\"}}",
      "{\"type\":\"Person\",\"data\":{\"name\":\"A\",\"age\":\"old\"}}",
      "{\"type\":\"Person\",\"data\":{\"name\":\"A\",\"_rowid\":1}}",
      "not json"})
  void malformedLinesFailTheWholeLoad(String line) {
    try (Graph g = Fixtures.loaded(dir)) {
      long v = g.snapshot("main").manifestVersion();
      String jsonl = "{\"type\":\"Person\",\"data\":{\"name\":\"Zed\"}}\n" + line;
      OmniGraphException e = assertThrows(OmniGraphException.class, () -> load(g, LoadMode.MERGE, jsonl));
      assertTrue(e.kind() == ErrorKind.BAD_INPUT || e.kind() == ErrorKind.CONSTRAINT, e.getMessage());
      assertEquals(v, g.snapshot("main").manifestVersion());
      assertTrue(g.snapshot("main").get("Person", "Zed").isEmpty());
    }
  }
}

package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.error.WriteConflict;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes of rows the caller has just read through the transaction ({@code replaceReadRows},
 * {@code deleteReadRows}): the same checks, cascades and per-row conflicts as the by-id methods
 * that read the rows again.
 */
class ReadRowWritesTest {
  @TempDir Path dir;
  private Graph g;

  @BeforeEach
  void open() {
    g = Fixtures.loaded(dir);
  }

  @AfterEach
  void close() {
    g.close();
  }

  private static Map<String, Object> personImage(String name, Object age) {
    Map<String, Object> image = new HashMap<>();
    image.put("id", name);
    image.put("name", name);
    image.put("age", age);
    return image;
  }

  private Map<String, Object> person(String id) {
    return g.snapshot("main").get("Person", id).orElseThrow();
  }

  @Test
  void replacedImagesAreWrittenWithCanonicalValues() {
    try (GraphTransaction tx = g.begin("main", "t")) {
      GraphTransaction.Affected a = tx.replaceReadRows("Person", Set.of("age"),
          Map.of("Alice", personImage("Alice", 31L), "Bob", personImage("Bob", null)));
      assertEquals(2, a.rows());
      assertEquals(Map.of("id", "Alice", "name", "Alice", "age", 31), tx.get("Person", "Alice").orElseThrow(),
          "read your writes, the long narrowed to the column's Int32");
      tx.commit();
    }
    assertEquals(31, person("Alice").get("age"));
    assertEquals(null, person("Bob").get("age"));
    assertEquals(35, person("Charlie").get("age"), "rows not handed over are kept");
  }

  @Test
  void anAssignedKeyOrIdIsRefusedAndAnUnassignedValueIsStillChecked() {
    try (GraphTransaction tx = g.begin("main", "t")) {
      ConstraintViolation key = assertThrows(ConstraintViolation.class,
          () -> tx.replaceReadRows("Person", Set.of("name"), Map.of("Alice", personImage("Alice", 30))));
      assertEquals(Rule.KEY_UPDATE, key.rule());
      ConstraintViolation id = assertThrows(ConstraintViolation.class,
          () -> tx.replaceReadRows("Person", Set.of("id"), Map.of("Alice", personImage("Alice", 30))));
      assertEquals(Rule.KEY_UPDATE, id.rule());
      ConstraintViolation range = assertThrows(ConstraintViolation.class,
          () -> tx.replaceReadRows("Person", Set.of(), Map.of("Alice", personImage("Alice", 1L << 40))));
      assertEquals(Rule.OUT_OF_RANGE, range.rule());
      assertFalse(tx.hasChanges(), "a refused image changes nothing");
    }
  }

  @Test
  void anIncompleteOrMisKeyedImageIsBadInput() {
    try (GraphTransaction tx = g.begin("main", "t")) {
      Map<String, Object> lacking = personImage("Alice", 30);
      lacking.remove("age");
      OmniGraphException e = assertThrows(OmniGraphException.class,
          () -> tx.replaceReadRows("Person", Set.of(), Map.of("Alice", lacking)));
      assertEquals(ErrorKind.BAD_INPUT, e.kind());
      Map<String, Object> extra = personImage("Alice", 30);
      extra.put("shoeSize", 42);
      assertEquals(ErrorKind.BAD_INPUT, assertThrows(OmniGraphException.class,
          () -> tx.replaceReadRows("Person", Set.of(), Map.of("Alice", extra))).kind());
      assertEquals(ErrorKind.BAD_INPUT, assertThrows(OmniGraphException.class,
          () -> tx.replaceReadRows("Person", Set.of(), Map.of("Bob", personImage("Alice", 30)))).kind());
    }
  }

  @Test
  void anEdgeImageCanMoveItsEndpoint() {
    String id;
    try (GraphTransaction tx = g.begin("main", "t")) {
      id = Fixtures.ids(tx, "Knows", Predicate.eq("dst", "Charlie")).first();
      Map<String, Object> image = new HashMap<>(tx.get("Knows", id).orElseThrow());
      image.put("dst", "Diana");
      tx.replaceReadRows("Knows", Set.of("dst"), Map.of(id, image));
      tx.commit();
    }
    Map<String, Object> edge = g.snapshot("main").get("Knows", id).orElseThrow();
    assertEquals("Alice", edge.get("src"));
    assertEquals("Diana", edge.get("dst"));
  }

  @Test
  void aReplacedRowChangedFirstElsewhereFailsTheCommitButOtherRowsDoNot() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.replaceReadRows("Person", Set.of("age"), Map.of("Alice", personImage("Alice", 70)));
      setAge("Bob", 71);
      tx.commit();
    }
    assertEquals(70, person("Alice").get("age"));
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.replaceReadRows("Person", Set.of("age"), Map.of("Alice", personImage("Alice", 80)));
      setAge("Alice", 72);
      assertThrows(WriteConflict.class, tx::commit);
    }
    assertEquals(72, person("Alice").get("age"), "first committer wins");
  }

  @Test
  void deletingReadNodesCascadesToTheirEdges() {
    try (GraphTransaction tx = g.begin("main", "t")) {
      GraphTransaction.Affected a = tx.deleteReadRows("Person", List.of("Alice"));
      assertEquals(1, a.rows());
      assertEquals(3, a.cascaded(), "two Knows and one WorksAt");
      tx.commit();
    }
    assertTrue(g.snapshot("main").get("Person", "Alice").isEmpty());
    assertEquals(Set.of("Bob"), Set.copyOf(Fixtures.ids(g.snapshot("main"), "Knows").stream()
        .map(id -> (String) g.snapshot("main").get("Knows", id).orElseThrow().get("src")).toList()));
  }

  @Test
  void aDeletedRowChangedFirstElsewhereFailsTheCommit() {
    try (GraphTransaction tx = g.begin("main", "mine")) {
      tx.deleteReadRows("Person", List.of("Charlie"));
      setAge("Charlie", 36);
      assertThrows(WriteConflict.class, tx::commit);
    }
    assertEquals(36, person("Charlie").get("age"));
  }

  private void setAge(String id, int age) {
    try (GraphTransaction tx = g.begin("main", "other")) {
      tx.updateById("Person", Map.of(id, Map.of("age", age)));
      tx.commit();
    }
  }
}

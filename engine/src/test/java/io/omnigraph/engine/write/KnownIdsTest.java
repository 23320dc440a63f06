package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.storage.TableRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownIdsTest {
  @TempDir Path dir;

  /** A reading of fixed ids that counts how often it runs. */
  private static Consumer<IdSet> scanOf(AtomicInteger scans, String... ids) {
    return set -> {
      scans.incrementAndGet();
      for (String id : ids) set.add(id);
    };
  }

  @Test
  void aSetIsReadOnceAndCarriedForwardByOwnCommits() {
    KnownIds known = new KnownIds(100);
    AtomicInteger scans = new AtomicInteger();
    TableRef v1 = new TableRef("t", null, 1);
    assertEquals(Set.of("a"), known.existing(v1, 2, List.of("a", "z"), scanOf(scans, "a", "b")));
    assertEquals(Set.of("b"), known.existing(v1, 2, List.of("b"), scanOf(scans, "a", "b")));
    assertEquals(1, scans.get());

    known.committed(v1, 2, false, List.of("a"), List.of("c"));
    TableRef v2 = new TableRef("t", null, 2);
    assertEquals(Set.of("b", "c"), known.existing(v2, 2, List.of("a", "b", "c"), scanOf(scans)));
    assertEquals(1, scans.get(), "no scan after an own commit");
  }

  @Test
  void theVersionBeforeAnOwnCommitIsStillAnsweredWithoutAScan() {
    KnownIds known = new KnownIds(100);
    AtomicInteger scans = new AtomicInteger();
    TableRef v1 = new TableRef("t", null, 1);
    known.existing(v1, 3, List.of("a"), scanOf(scans, "a", "b", "u"));
    // "a" removed, "c" added, "u" rewritten (removed and added again).
    known.committed(v1, 2, false, List.of("a", "u"), List.of("c", "u"));
    assertEquals(Set.of("a", "b", "u"), known.existing(v1, 3, List.of("a", "b", "c", "u", "z"), scanOf(scans)));
    assertEquals(Set.of("c", "z"), known.absent(v1, 3, List.of("a", "b", "c", "u", "z"), scanOf(scans)));
    assertEquals(Set.of("b", "c", "u"), known.existing(new TableRef("t", null, 2), 3, List.of("a", "b", "c", "u"),
        scanOf(scans)));
    assertEquals(1, scans.get(), "neither version is read again");
    // Two steps on, the first version is no longer answered: it is read.
    known.committed(new TableRef("t", null, 2), 3, false, List.of(), List.of("d"));
    assertEquals(Set.of("a"), known.existing(v1, 3, List.of("a", "d"), scanOf(scans, "a", "b", "u")));
    assertEquals(2, scans.get());
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.EnumSource(io.omnigraph.engine.write.LoadMode.class)
  void aLoadIntoEmptyTablesIsKnownWithoutReadingItBack(io.omnigraph.engine.write.LoadMode mode) {
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema())) {
      g.load("main", new java.io.StringReader(Fixtures.resource("test.jsonl")), mode, "fixture");
      for (String type : List.of("Person", "Knows")) {
        Set<String> ids = Fixtures.ids(g.snapshot("main"), type);
        assertTrue(!ids.isEmpty());
        TableRef ref = g.snapshot("main").ref(g.catalog().type(type).orElseThrow());
        List<String> asked = new java.util.ArrayList<>(ids);
        asked.add("absent");
        Set<String> found = g.context().knownIds().existing(ref, ids.size(), asked, set -> {
          throw new AssertionError("the ids of " + type + " were read back after the load");
        });
        assertEquals(ids, found);
      }
    }
  }

  @Test
  void aSetReadFromStoredBatchesHoldsEveryIdByteForByte() {
    String location = dir.resolve("g").toString();
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) names.add(i % 3 == 0 ? "Zoë-" + i + "-✓" : "p" + i);
    try (Graph g = Graph.init(location, Fixtures.schema())) {
      try (GraphTransaction tx = g.begin("main", "w")) {
        tx.insert("Person", names.stream().map(n -> Fixtures.person(n, 1)).toList());
        tx.commit();
      }
    }
    // A second handle has no set yet: it reads one from the table's batches.
    try (Graph g = Graph.open(location, false)) {
      TableRef ref = g.snapshot("main").ref(g.catalog().type("Person").orElseThrow());
      List<String> asked = new java.util.ArrayList<>(names);
      asked.add("Zoë-1-✓");
      asked.add("p20000");
      Set<String> found = g.context().knownIds().existing(ref, names.size(), asked,
          set -> g.snapshot("main").readIds("Person", set::add));
      assertEquals(Set.copyOf(names), found);
    }
  }

  @Test
  void maintenanceCarriesTheSetToTheVersionItPublishes() {
    System.setProperty("omnigraph.autoCompactEvery", "0");
    try (Graph g = Fixtures.loaded(dir)) {
      for (int i = 0; i < 5; i++) {
        try (GraphTransaction tx = g.begin("main", "w")) {
          tx.insert("Person", List.of(Fixtures.person("kept-" + i, i)));
          tx.commit();
        }
      }
      long before = g.snapshot("main").ref(g.catalog().type("Person").orElseThrow()).version();
      g.optimize();
      TableRef after = g.snapshot("main").ref(g.catalog().type("Person").orElseThrow());
      assertTrue(after.version() > before, "OPTIMIZE published a new version of Person");
      Set<String> found = g.context().knownIds().existing(after, 100, List.of("kept-3", "absent"), set -> {
        throw new AssertionError("the ids were read again after maintenance");
      });
      assertEquals(Set.of("kept-3"), found);
    } finally {
      System.clearProperty("omnigraph.autoCompactEvery");
    }
  }

  @Test
  void aVersionMadeElsewhereIsReadAgainAndAnOverBudgetTableIsNeverHeld() {
    KnownIds known = new KnownIds(3);
    AtomicInteger scans = new AtomicInteger();
    known.existing(new TableRef("t", null, 1), 2, List.of("a"), scanOf(scans, "a", "b"));
    known.committed(new TableRef("t", null, 5), 6, false, List.of(), List.of("x"));
    assertEquals(Set.of("x"), known.existing(new TableRef("t", null, 7), 1, List.of("x"), scanOf(scans, "x")));
    assertEquals(2, scans.get(), "a commit from another version is not carried forward");

    assertNull(known.existing(new TableRef("big", null, 1), 4, List.of("a"), scanOf(scans, "a", "b", "c", "d")));
    known.existing(new TableRef("u", null, 1), 3, List.of("a"), scanOf(scans, "a", "b", "c"));
    assertEquals(3, known.held(), "the least recently used table made room");
  }

  @Test
  void withoutHeldIdsALargeStrictInsertFindsItsDuplicatesInOnePassOverTheIds() {
    io.omnigraph.engine.GraphSettings none = io.omnigraph.engine.GraphSettings.defaults()
        .with(java.util.Map.of("cache.knownIds", "0"));
    try (Graph g = Graph.init(dir.resolve("g").toString(), Fixtures.schema(),
        io.omnigraph.engine.storage.StorageOptions.NONE, none)) {
      List<java.util.Map<String, Object>> first = new java.util.ArrayList<>();
      for (int i = 0; i < 3000; i++) first.add(Fixtures.person((i % 7 == 0 ? "Ünï-" : "P") + i, i));
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.insert("Person", first);
        tx.commit();
      }
      for (String dup : List.of("P2999", "Ünï-700")) {
        List<java.util.Map<String, Object>> next = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) next.add(Fixtures.person("N" + i, i));
        next.add(Fixtures.person(dup, 1));
        try (GraphTransaction tx = g.begin("main", null)) {
          tx.insert("Person", next);
          ConstraintViolation e = org.junit.jupiter.api.Assertions.assertThrows(ConstraintViolation.class, tx::commit);
          org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(dup), e.getMessage());
        }
      }
      List<java.util.Map<String, Object>> fresh = new java.util.ArrayList<>();
      for (int i = 0; i < 2500; i++) fresh.add(Fixtures.person("Ünï-fresh-" + i, i));
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.insert("Person", fresh);
        tx.commit();
      }
      assertEquals(5500, g.snapshot("main").count("Person", io.omnigraph.engine.read.Predicate.TRUE));
    }
  }

  @Test
  void strictInsertsStillFindCommittedDuplicatesAcrossManyCommits() {
    try (Graph g = Fixtures.loaded(dir)) {
      for (int i = 0; i < 20; i++) {
        try (GraphTransaction tx = g.begin("main", null)) {
          tx.insert("Person", List.of(Fixtures.person("P" + i, i)));
          tx.commit();
        }
      }
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.delete("Person", io.omnigraph.engine.read.Predicate.eq("name", "P3"));
        tx.commit();
      }
      for (String dup : List.of("P0", "P19", "Alice")) {
        try (GraphTransaction tx = g.begin("main", null)) {
          tx.insert("Person", List.of(Fixtures.person(dup, 1)));
          org.junit.jupiter.api.Assertions.assertThrows(ConstraintViolation.class, tx::commit, dup);
        }
      }
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.insert("Person", List.of(Fixtures.person("P3", 1)));
        tx.commit();
      }
      assertEquals(1, g.snapshot("main").get("Person", "P3").orElseThrow().get("age"));
    }
  }
}

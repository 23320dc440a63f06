package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.write.AddressScope;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A set-based change that reads its rows while the transaction notes their row addresses stages
 * without looking the ids up again, and changes exactly the rows an id lookup would have found,
 * also when the table moved between the read and the commit.
 */
class RowAddressNotesTest {
  private static final String SCHEMA = "node Item { sku: String @key\n qty: I64? }";
  private static final Predicate LOW = new Predicate.Compare("qty", Predicate.Op.LT, 500L);

  @TempDir Path dir;

  @Test
  void notedReadsStageWithoutLookingIdsUp() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      loadInTwoFragments(g);
      long before = g.context().tables().idsLookedUp();
      try (GraphTransaction tx = g.begin("main", "test")) {
        try (AddressScope noting = tx.noteRowAddresses("Item")) {
          tx.replaceReadRows("Item", Set.of("qty"), negated(readLow(tx)));
        }
        tx.commit();
      }
      assertEquals(before, g.context().tables().idsLookedUp(), "every updated row's address was noted");
      assertContent(g, 1000, 500);

      before = g.context().tables().idsLookedUp();
      try (GraphTransaction tx = g.begin("main", "test")) {
        try (AddressScope noting = tx.noteRowAddresses("Item")) {
          List<String> ids = new ArrayList<>(idsOf(tx, new Predicate.Compare("qty", Predicate.Op.GT, 899L)));
          assertEquals(100, tx.deleteReadRows("Item", ids).rows());
        }
        tx.commit();
      }
      assertEquals(before, g.context().tables().idsLookedUp(), "every deleted row's address was noted");
      assertContent(g, 900, 500);
    }
  }

  @Test
  void withoutNotesTheIdsAreLookedUp() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      loadInTwoFragments(g);
      long before = g.context().tables().idsLookedUp();
      try (GraphTransaction tx = g.begin("main", "test")) {
        tx.replaceReadRows("Item", Set.of("qty"), negated(readLow(tx)));
        tx.commit();
      }
      assertEquals(before + 500, g.context().tables().idsLookedUp());
      assertContent(g, 1000, 500);
    }
  }

  @Test
  void notesOfAVersionCompactedSinceAreNotUsed() {
    try (Graph g = Graph.init(dir.resolve("g").toString(), SCHEMA)) {
      loadInTwoFragments(g);
      try (GraphTransaction tx = g.begin("main", "test")) {
        Map<String, Map<String, Object>> images;
        try (AddressScope noting = tx.noteRowAddresses("Item")) {
          images = negated(readLow(tx));
          tx.replaceReadRows("Item", Set.of("qty"), images);
        }
        // Compaction rewrites the fragments the noted addresses point into.
        g.optimize();
        long before = g.context().tables().idsLookedUp();
        tx.commit();
        assertTrue(g.context().tables().idsLookedUp() >= before + 500, "the moved table's rows were looked up");
      }
      assertContent(g, 1000, 500);
    }
  }

  @Test
  void edgesADeleteCascadesToAreStagedWithTheAddressesTheSearchRead() {
    String schema = "node P { name: String @key }\nedge Knows: P -> P";
    try (Graph g = Graph.init(dir.resolve("g").toString(), schema)) {
      StringBuilder jsonl = new StringBuilder();
      for (int i = 0; i < 300; i++) jsonl.append("{\"type\":\"P\",\"data\":{\"name\":\"p").append(i).append("\"}}\n");
      for (int i = 0; i < 300; i++) {
        jsonl.append("{\"edge\":\"Knows\",\"from\":\"p").append(i).append("\",\"to\":\"p")
            .append((i + 1) % 300).append("\"}\n");
      }
      g.load("main", new StringReader(jsonl.toString()), LoadMode.APPEND, null);
      long before = g.context().tables().idsLookedUp();
      try (GraphTransaction tx = g.begin("main", "test")) {
        try (AddressScope noting = tx.noteRowAddresses("P")) {
          List<String> ids = new ArrayList<>();
          try (RowCursor c = tx.scan("P", ScanRequest.all().withColumns(List.of("id"))
              .withFilter(new Predicate.Compare("name", Predicate.Op.LT, "p2")))) {
            while (c.next()) ids.add((String) c.row()[0]);
          }
          assertEquals(112, ids.size());
          GraphTransaction.Affected a = tx.deleteReadRows("P", ids);
          assertEquals(112, a.rows());
          assertTrue(a.cascaded() > 112, "edges leaving and entering the deleted persons");
        }
        tx.commit();
      }
      assertEquals(before, g.context().tables().idsLookedUp(), "no person or edge was looked up to stage");
      List<String[]> edges = new ArrayList<>();
      try (RowCursor c = g.snapshot("main").scan("Knows", ScanRequest.all().withColumns(List.of("src", "dst")))) {
        while (c.next()) edges.add(new String[] {(String) c.row()[0], (String) c.row()[1]});
      }
      int expected = 0;
      for (int i = 0; i < 300; i++) {
        if (("p" + i).compareTo("p2") >= 0 && ("p" + (i + 1) % 300).compareTo("p2") >= 0) expected++;
      }
      assertEquals(expected, edges.size());
      for (String[] e : edges) {
        assertTrue(e[0].compareTo("p2") >= 0 && e[1].compareTo("p2") >= 0, e[0] + " -> " + e[1]);
      }
    }
  }

  /** 1,000 items with qty 0..999, in two fragments of the table. */
  private static void loadInTwoFragments(Graph g) {
    load(g, 0, 600);
    load(g, 600, 1000);
  }

  private static void load(Graph g, int from, int to) {
    StringBuilder jsonl = new StringBuilder();
    for (int i = from; i < to; i++) {
      jsonl.append("{\"type\":\"Item\",\"data\":{\"sku\":\"s").append(i).append("\",\"qty\":").append(i).append("}}\n");
    }
    g.load("main", new StringReader(jsonl.toString()), LoadMode.APPEND, null);
  }

  private static List<Map<String, Object>> readLow(GraphTransaction tx) {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (RowCursor c = tx.scan("Item", ScanRequest.all().withFilter(LOW))) {
      while (c.next()) rows.add(c.rowMap());
    }
    assertEquals(500, rows.size());
    return rows;
  }

  private static List<String> idsOf(GraphTransaction tx, Predicate where) {
    List<String> ids = new ArrayList<>();
    try (RowCursor c = tx.scan("Item", ScanRequest.all().withColumns(List.of("id")).withFilter(where))) {
      while (c.next()) ids.add((String) c.row()[0]);
    }
    return ids;
  }

  private static Map<String, Map<String, Object>> negated(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> images = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      Map<String, Object> image = new HashMap<>(row);
      image.put("qty", -(Long) row.get("qty"));
      images.put((String) row.get("id"), image);
    }
    return images;
  }

  /** {@code rows} items, each sku once; those with qty below {@code negatedBelow} were negated. */
  private static void assertContent(Graph g, int rows, int negatedBelow) {
    Map<String, Long> qty = new HashMap<>();
    try (RowCursor c = g.snapshot("main").scan("Item", ScanRequest.all())) {
      while (c.next()) {
        Map<String, Object> row = c.rowMap();
        assertEquals(null, qty.put((String) row.get("sku"), (Long) row.get("qty")), "one row per sku");
      }
    }
    assertEquals(rows, qty.size());
    qty.forEach((sku, q) -> {
      int i = Integer.parseInt(sku.substring(1));
      assertEquals(i < negatedBelow ? -i : i, q.longValue(), sku);
    });
  }
}

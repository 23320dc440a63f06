package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.Predicate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and filter values may hold any Unicode scalar value, outside the Basic Multilingual Plane and NUL included. */
class UnicodeKeysTest {
  @TempDir Path dir;

  @Test
  void keysOutsideTheBasicPlaneAndWithNulRoundTripThroughWritesFiltersAndDeletes() {
    List<String> names = List.of("smile \uD83D\uDE00", "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "nul\u0000inside");
    try (Graph g = Fixtures.loaded(dir)) {
      for (String name : names) {
        try (GraphTransaction tx = g.begin("main", null)) {
          tx.insert("Person", List.of(Fixtures.person(name, 7)));
          tx.commit();
        }
      }
      for (String name : names) {
        assertTrue(g.snapshot("main").get("Person", name).isPresent(), name);
        assertEquals(1, g.snapshot("main").count("Person", Predicate.eq("name", name)), name);
      }
      try (GraphTransaction tx = g.begin("main", null)) {
        tx.update("Person", Predicate.eq("name", names.get(0)), Map.of("age", 8));
        tx.delete("Person", Predicate.eq("name", names.get(2)));
        tx.commit();
      }
      assertEquals(8, g.snapshot("main").get("Person", names.get(0)).orElseThrow().get("age"));
      assertTrue(g.snapshot("main").get("Person", names.get(2)).isEmpty());
    }
  }
}

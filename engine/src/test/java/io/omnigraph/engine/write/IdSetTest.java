package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact id set answers as a {@code HashSet<String>} through growth, removals and compaction. */
class IdSetTest {
  @Test
  void answersAsAHashSetThroughAddsRemovesAndRebuilds() {
    Random random = new Random(7);
    IdSet ids = new IdSet();
    Set<String> model = new HashSet<>();
    List<String> added = new ArrayList<>();
    for (int round = 0; round < 200_000; round++) {
      int op = random.nextInt(10);
      if (op < 6 || added.isEmpty()) {
        // Ids of every length, non-ASCII ones and the empty id included.
        String id = switch (random.nextInt(4)) {
          case 0 -> "p" + random.nextInt(50_000);
          case 1 -> "ü-" + random.nextInt(1000) + "-✓";
          case 2 -> "";
          default -> Long.toString(random.nextLong(), 36).repeat(1 + random.nextInt(3));
        };
        assertEquals(model.add(id), ids.add(id), id);
        added.add(id);
      } else if (op < 9) {
        String id = added.get(random.nextInt(added.size()));
        assertEquals(model.remove(id), ids.remove(id), id);
      } else {
        String id = added.get(random.nextInt(added.size()));
        assertEquals(model.contains(id), ids.contains(id), id);
      }
      assertEquals(model.size(), ids.size());
    }
    for (String id : added) {
      assertEquals(model.contains(id), ids.contains(id), id);
      // The same answer for the id's bytes inside a larger buffer, as a pass over a column hands them.
      byte[] own = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      byte[] framed = new byte[own.length + 5];
      System.arraycopy(own, 0, framed, 3, own.length);
      assertEquals(model.contains(id), ids.contains(framed, 3, own.length), id);
    }
  }

  @Test
  void removingMostIdsAndAddingAgainKeepsEveryAnswer() {
    IdSet ids = new IdSet(10);
    for (int i = 0; i < 100_000; i++) assertTrue(ids.add("id-" + i));
    long full = ids.bytes();
    for (int i = 0; i < 99_000; i++) assertTrue(ids.remove("id-" + i));
    for (int i = 0; i < 50_000; i++) assertTrue(ids.add("new-" + i));
    assertEquals(51_000, ids.size());
    for (int i = 0; i < 99_000; i++) assertFalse(ids.contains("id-" + i));
    for (int i = 99_000; i < 100_000; i++) assertTrue(ids.contains("id-" + i));
    for (int i = 0; i < 50_000; i++) assertTrue(ids.contains("new-" + i));
    assertFalse(ids.add("new-7"));
    assertTrue(ids.bytes() <= full * 2, "removed ids' bytes are dropped when the set rebuilds");
  }
}

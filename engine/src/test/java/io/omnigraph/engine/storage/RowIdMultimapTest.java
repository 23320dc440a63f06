package io.omnigraph.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowIdMultimapTest {
  @Test
  void keepsEveryRowIdOfAHashOnceThroughGrowth() {
    RowIdMultimap m = new RowIdMultimap();
    for (long i = 0; i < 100_000; i++) m.put(RowIdMultimap.hash(("k" + i).getBytes(StandardCharsets.UTF_8)), i);
    long shared = RowIdMultimap.hash("k7".getBytes(StandardCharsets.UTF_8));
    m.put(shared, 7);
    m.put(shared, 500_000);
    assertEquals(100_001, m.size());
    assertEquals(List.of(7L, 500_000L), rowIds(m, shared));
    assertEquals(List.of(99_999L), rowIds(m, RowIdMultimap.hash("k99999".getBytes(StandardCharsets.UTF_8))));
    assertEquals(List.of(), rowIds(m, RowIdMultimap.hash("absent".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theHashIsNeverTheEmptyMarker() {
    for (int i = 0; i < 10_000; i++) {
      if (RowIdMultimap.hash(("x" + i).getBytes(StandardCharsets.UTF_8)) == 0) throw new AssertionError(i);
    }
  }

  private static List<Long> rowIds(RowIdMultimap m, long hash) {
    List<Long> out = new ArrayList<>();
    m.forEach(hash, out::add);
    out.sort(null);
    return out;
  }
}

package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RowCodecTest {
  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocatorWhichFailsOnLeaks() {
    allocator.close();
  }

  @Test
  void everyValueTypeRoundTripsThroughArrow() {
    List<Map<String, Object>> rows = List.of(extremes(), allNull("n1"), ordinary());

    List<Map<String, Object>> back = roundTrip(AllTypes.ALL, rows);

    for (int i = 0; i < rows.size(); i++) {
      AllTypes.assertRowEquals(rows.get(i), back.get(i));
    }
  }

  @Test
  void edgeRowsCarrySrcAndDst() {
    EdgeType link = AllTypes.CATALOG.edge("Link").orElseThrow();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "e1");
    row.put("src", "a");
    row.put("dst", "b");
    row.put("w", 0.25);
    row.put("note", null);

    AllTypes.assertRowEquals(row, roundTrip(link, List.of(row)).get(0));
  }

  @Test
  void looseValuesAreCoercedOnWrite() {
    Map<String, Object> row = allNull("loose");
    row.put("i64", 5);
    row.put("u64", 7L);
    row.put("d", "2024-01-02");
    row.put("v", new double[] {1, 2, 3});
    row.put("nums", new int[] {4});

    Map<String, Object> back = roundTrip(AllTypes.ALL, List.of(row)).get(0);

    assertEquals(5L, back.get("i64"));
    assertEquals(BigInteger.valueOf(7), back.get("u64"));
    assertEquals(LocalDate.of(2024, 1, 2), back.get("d"));
    assertArrayEquals(new float[] {1, 2, 3}, (float[]) back.get("v"));
    assertEquals(List.of(4L), back.get("nums"));
  }

  @Test
  void readReturnsOnlyTheRequestedColumnsInOrder() {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(AllTypes.ALL.arrowSchema(), allocator)) {
      RowCodec.write(AllTypes.ALL, List.of(ordinary(), allNull("n")), root);

      Map<String, Object> row = RowCodec.read(root, 0, List.of("e", "id", "i32"));

      assertEquals(List.of("e", "id", "i32"), List.copyOf(row.keySet()));
      assertEquals("ord", row.get("id"));
      assertEquals(7, RowCodec.readValue(root.getVector("i32"), 0));
      assertArrayEquals(new byte[] {0, 1, -1}, (byte[]) RowCodec.readValue(root.getVector("blob"), 0));
      assertNull(RowCodec.readValue(root.getVector("blob"), 1));
      assertNull(RowCodec.readValue(root.getVector("v"), 1));
      assertThrows(IllegalArgumentException.class, () -> RowCodec.read(root, 0, List.of("nope")));
    }
  }

  @Test
  void writingReplacesWhatTheRootHeld() {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(AllTypes.ALL.arrowSchema(), allocator)) {
      RowCodec.write(AllTypes.ALL, List.of(extremes(), ordinary()), root);
      RowCodec.write(AllTypes.ALL, List.of(allNull("only")), root);

      assertEquals(1, root.getRowCount());
      AllTypes.assertRowEquals(allNull("only"), RowCodec.read(root, 0, AllTypes.ALL.columnNames()));
    }
  }

  @Test
  void aRowWithoutItsIdIsRefused() {
    Map<String, Object> row = allNull("x");
    row.remove("id");

    try (VectorSchemaRoot root = VectorSchemaRoot.create(AllTypes.ALL.arrowSchema(), allocator)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RowCodec.write(AllTypes.ALL, List.of(row), root));
      assertTrue(e.getMessage().contains("All row 0 has no string id"), e.getMessage());
    }
  }

  @Test
  void emptyBatchWritesZeroRows() {
    assertTrue(roundTrip(AllTypes.ALL, List.of()).isEmpty());
  }

  private List<Map<String, Object>> roundTrip(EntityType type, List<Map<String, Object>> rows) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(type.arrowSchema(), allocator)) {
      RowCodec.write(type, rows, root);
      assertEquals(rows.size(), root.getRowCount());
      List<Map<String, Object>> back = new ArrayList<>();
      for (int i = 0; i < root.getRowCount(); i++) {
        back.add(RowCodec.read(root, i, type.columnNames()));
      }
      return back;
    }
  }

  private static Map<String, Object> extremes() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "ext");
    row.put("s", "ünïcödé ✓");
    row.put("b", false);
    row.put("i32", Integer.MIN_VALUE);
    row.put("i64", Long.MIN_VALUE);
    row.put("u32", 4294967295L);
    row.put("u64", new BigInteger("18446744073709551615"));
    row.put("f32", -Float.MAX_VALUE);
    row.put("f64", Double.MIN_VALUE);
    row.put("d", LocalDate.of(1969, 12, 31));
    row.put("dt", Instant.ofEpochMilli(-1));
    row.put("blob", new byte[0]);
    row.put("tags", List.of());
    row.put("nums", List.of(Long.MAX_VALUE, -1L));
    row.put("days", List.of(LocalDate.EPOCH));
    row.put("v", new float[] {-1.5f, 0f, Float.MIN_VALUE});
    row.put("e", "y");
    return row;
  }

  private static Map<String, Object> ordinary() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "ord");
    row.put("s", "plain");
    row.put("b", true);
    row.put("i32", 7);
    row.put("i64", 1L << 40);
    row.put("u32", 0L);
    row.put("u64", BigInteger.ONE);
    row.put("f32", 0.1f);
    row.put("f64", 2.5);
    row.put("d", LocalDate.of(2024, 2, 29));
    row.put("dt", Instant.parse("2024-01-02T03:04:05.678Z"));
    row.put("blob", new byte[] {0, 1, (byte) 255});
    row.put("tags", List.of("a", "", "c"));
    row.put("nums", List.of(3L));
    row.put("days", List.of(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 6, 15)));
    row.put("v", new float[] {1f, 2f, 3f});
    row.put("e", "x");
    return row;
  }

  private static Map<String, Object> allNull(String id) {
    Map<String, Object> row = new HashMap<>();
    for (String column : AllTypes.ALL.columnNames()) {
      row.put(column, null);
    }
    row.put("id", id);
    return row;
  }
}

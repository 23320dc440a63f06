package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

/** A node type with one nullable property of every value type, for conversion and codec tests. */
final class AllTypes {
  static final String PG = """
      node All {
        s: String?  b: Bool?  i32: I32?  i64: I64?  u32: U32?  u64: U64?  f32: F32?  f64: F64?
        d: Date?  dt: DateTime?  blob: Blob?
        tags: [String]?  nums: [I64]?  days: [Date]?  v: Vector(3)?  e: enum(x, y)?
      }
      edge Link: All -> All { w: F64  note: String? }
      """;
  static final Catalog CATALOG = SchemaCompiler.compile(PG);
  static final NodeType ALL = CATALOG.node("All").orElseThrow();

  private AllTypes() {}

  static Property prop(String name) {
    return ALL.property(name).orElseThrow();
  }

  /** Row equality that compares byte[] and float[] values by content. */
  static void assertRowEquals(Map<String, Object> expected, Map<String, Object> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (Map.Entry<String, Object> e : expected.entrySet()) {
      Object a = actual.get(e.getKey());
      if (e.getValue() instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) a, e.getKey());
      } else if (e.getValue() instanceof float[] floats) {
        assertArrayEquals(floats, (float[]) a, e.getKey());
      } else {
        assertEquals(e.getValue(), a, e.getKey());
      }
    }
  }
}

package io.omnigraph.engine.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.SchemaCompiler;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A line read token by token gives exactly the row its JSON tree gives, for every value type; a
 * line with anything unusual or wrong is declined, so the tree reading says what is wrong.
 */
class StreamedLineTest {
  private static final Catalog CATALOG = SchemaCompiler.compile("""
      node All {
        s: String?  b: Bool?  i32: I32?  i64: I64?  u32: U32?  u64: U64?  f32: F32?  f64: F64?
        d: Date?  dt: DateTime?  blob: Blob?
        tags: [String]?  nums: [I64]?  days: [Date]?  v: Vector(3)?  e: enum(x, y)?
      }
      node Keyed { name: String @key  age: I32? }
      edge Link: All -> All { w: F64  note: String? }
      """);

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\": \"All\", \"data\": {\"s\": \"x\", \"b\": true, \"i32\": -7, \"i64\": 9223372036854775807, \"u32\": 4294967295,"
          + " \"u64\": 18446744073709551615, \"f32\": 1.5, \"f64\": -2.25e10, \"d\": \"2024-02-29\","
          + " \"dt\": \"2024-02-29T12:34:56.789Z\", \"tags\": [\"a\", \"b\"], \"nums\": [1, 2], \"days\": [\"2020-01-01\"],"
          + " \"v\": [0.5, 1, 2], \"e\": \"y\"}}",
      "{\"type\": \"All\", \"data\": {\"s\": null, \"b\": false, \"i32\": 42.0, \"i64\": \"-123\", \"d\": 19000, \"id\": \"mine\"}}",
      "{\"type\": \"All\"}",
      "{\"type\": \"Keyed\", \"data\": {\"name\": \"Ann\", \"age\": 30}}",
      "{\"edge\": \"Link\", \"from\": \"a\", \"to\": \"b\", \"data\": {\"w\": 0.25}}",
      "{\"from\": \"a\", \"edge\": \"Link\", \"data\": {\"w\": 1, \"note\": \"n\"}, \"to\": \"b\"}",
      "  {\"type\":\"Keyed\",\"data\":{\"age\":null,\"name\":\"Émile ✓\"}}  "})
  void aRegularLineGivesTheRowItsTreeGives(String line) {
    Map<EntityType, BulkRows.Layout> layouts = new HashMap<>();
    JsonlLoader.Row streamed = StreamedLine.read(line, CATALOG, layouts);
    assertNotNull(streamed, "read token by token: " + line);
    JsonlLoader.Row tree = JsonlLoader.throughTree(line, 1, CATALOG, layouts);
    assertEquals(tree.type(), streamed.type());
    assertEquals(tree.values().keySet(), streamed.values().keySet());
    for (String column : tree.values().keySet()) {
      Object a = tree.values().get(column);
      Object b = streamed.values().get(column);
      if (a instanceof float[] f) assertArrayEquals(f, (float[]) b, column);
      else if (a instanceof byte[] bytes) assertArrayEquals(bytes, (byte[]) b, column);
      else assertEquals(a, b, column);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\": \"All\", \"data\": {\"s\": \"x\", \"s\": \"y\"}}",
      "{\"type\": \"All\", \"type\": \"All\"}",
      "{\"data\": {\"s\": \"x\"}, \"type\": \"All\"}",
      "{\"type\": \"All\", \"data\": {\"tags\": [{\"a\": 1, \"a\": 2}]}}",
      "{\"type\": \"All\"} {\"type\": \"All\"}",
      "{\"type\": \"All\", \"data\": {\"i32\": \"30\"}}",
      "{\"type\": \"All\", \"data\": {\"nope\": 1}}",
      "{\"type\": \"All\", \"data\": {\"_rowid\": 1}}",
      "{\"type\": \"Nope\"}",
      "{\"type\": \"All\", \"from\": \"a\"}",
      "{\"edge\": \"Link\", \"from\": \"a\", \"data\": {\"w\": 1}}",
      "{\"edge\": \"Link\", \"from\": \"a\", \"to\": \"b\", \"data\": {\"src\": \"c\", \"w\": 1}}",
      "{\"type\": \"All\", \"data\": {\"id\": 5}}",
      "{\"type\": \"All\", \"data\": null}",
      "[1, 2]",
      "{\"type\": \"All\", \"data\": {\"s\": \"x\"",
      "{\"type\": \"All\", \"extra\": 1}"})
  void anUnusualOrWrongLineIsLeftToTheTreeReading(String line) {
    assertNull(StreamedLine.read(line, CATALOG, new HashMap<>()), line);
  }
}

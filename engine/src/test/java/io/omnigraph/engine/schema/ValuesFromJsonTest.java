package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesFromJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0} <- {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      s    | "x"                                  | String     | x
      s    | ""                                   | String     | ``
      b    | true                                 | Boolean    | true
      i32  | 42                                   | Integer    | 42
      i32  | 42.0                                 | Integer    | 42
      i32  | -2147483648                          | Integer    | -2147483648
      i64  | 9223372036854775807                  | Long       | 9223372036854775807
      i64  | "-123"                               | Long       | -123
      u32  | 4294967295                           | Long       | 4294967295
      u64  | 18446744073709551615                 | BigInteger | 18446744073709551615
      u64  | "18446744073709551615"               | BigInteger | 18446744073709551615
      f32  | 1.5                                  | Float      | 1.5
      f32  | 2                                    | Float      | 2.0
      f64  | 0.1                                  | Double     | 0.1
      d    | "2024-02-29"                         | LocalDate  | 2024-02-29
      d    | 1                                    | LocalDate  | 1970-01-02
      d    | -1                                   | LocalDate  | 1969-12-31
      dt   | "2024-01-02T03:04:05Z"               | Instant    | 2024-01-02T03:04:05Z
      dt   | "2024-01-02T03:04:05.123456+02:00"   | Instant    | 2024-01-02T01:04:05.123Z
      dt   | "2024-01-02T03:04:05"                | Instant    | 2024-01-02T03:04:05Z
      dt   | "2024-01-02 03:04:05.5"              | Instant    | 2024-01-02T03:04:05.500Z
      dt   | "2024-01-02"                         | Instant    | 2024-01-02T00:00:00Z
      dt   | 1000                                 | Instant    | 1970-01-01T00:00:01Z
      dt   | -1                                   | Instant    | 1969-12-31T23:59:59.999Z
      e    | "y"                                  | String     | y
      tags | ["a", "b"]                           | List       | [a, b]
      nums | [1, "2"]                             | List       | [1, 2]
      days | ["2024-01-01", 0]                    | List       | [2024-01-01, 1970-01-01]
      """)
  void acceptedJsonBecomesTheCanonicalJavaType(String prop, String json, String javaType, String text) {
    Object value = fromJson(prop, json);

    assertEquals(javaType, value instanceof List ? "List" : value.getClass().getSimpleName());
    assertEquals(text, value.toString());
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      i32  | "30"                     | TYPE         | All.i32 expects Int32, got string '30'
      i32  | 1.5                      | TYPE         | All.i32 expects Int32, got number 1.5
      i32  | 2147483648               | OUT_OF_RANGE | All.i32 value 2147483648 is out of range for Int32
      u32  | -1                       | OUT_OF_RANGE | All.u32 value -1 is out of range for UInt32
      u32  | 4294967296               | OUT_OF_RANGE | All.u32 value 4294967296 is out of range for UInt32
      u64  | 18446744073709551616     | OUT_OF_RANGE | All.u64 value 18446744073709551616 is out of range for UInt64
      i64  | 9223372036854775808      | OUT_OF_RANGE | All.i64 value 9223372036854775808 is out of range for Int64
      i64  | "abc"                    | TYPE         | All.i64 expects Int64, got string 'abc'
      i64  | true                     | TYPE         | All.i64 expects Int64, got boolean true
      s    | 5                        | TYPE         | All.s expects String, got number 5
      s    | {"a": 1}                 | TYPE         | All.s expects String, got object
      b    | "true"                   | TYPE         | All.b expects Bool, got string 'true'
      f32  | 1e300                    | OUT_OF_RANGE | All.f32 value 1.0E300 is out of range for Float32
      f64  | "1.5"                    | TYPE         | All.f64 expects Float64, got string '1.5'
      d    | "2024-13-01"             | TYPE         | All.d expects Date (YYYY-MM-DD), got string '2024-13-01'
      d    | "01/02/2024"             | TYPE         | All.d expects Date (YYYY-MM-DD)
      d    | "2023-02-29"             | TYPE         | All.d expects Date (YYYY-MM-DD), got string '2023-02-29'
      d    | "2024-04-31"             | TYPE         | All.d expects Date (YYYY-MM-DD), got string '2024-04-31'
      d    | "2024-00-10"             | TYPE         | All.d expects Date (YYYY-MM-DD), got string '2024-00-10'
      d    | "2024-1a-10"             | TYPE         | All.d expects Date (YYYY-MM-DD), got string '2024-1a-10'
      d    | 1.5                      | TYPE         | All.d expects Date, got number 1.5
      d    | 99999999999              | OUT_OF_RANGE | All.d value 99999999999 is out of range for Date
      dt   | "yesterday"              | TYPE         | All.dt expects DateTime, got string 'yesterday'
      dt   | true                     | TYPE         | All.dt expects DateTime, got boolean true
      blob | 5                        | TYPE         | All.blob expects Blob, got number 5
      blob | "base64:!!!"             | TYPE         | All.blob expects Blob, got invalid base64 payload
      e    | 1                        | TYPE         | All.e expects a string enum value, got number 1
      tags | "a"                      | TYPE         | All.tags expects List<String>, got string 'a'
      nums | [1, "x"]                 | TYPE         | All.nums[1] expects Int64, got string 'x'
      nums | [1, null]                | TYPE         | All.nums[1] expects Int64, got null
      v    | [1, "x", 3]              | VECTOR       | All.v[1] vector elements must be finite numbers, got string 'x'
      v    | [1, null, 3]             | VECTOR       | All.v[1] vector elements must be finite numbers, got null
      v    | [1, [2], 3]              | VECTOR       | All.v[1] vector elements must be finite numbers, got array
      v    | [1, 1e300, 3]            | VECTOR       | All.v[1] vector elements must be finite numbers
      v    | 3                        | TYPE         | All.v expects Vector(3), got number 3
      """)
  void rejectedJsonNamesTheTypePropertyAndRule(String prop, String json, Rule rule, String message) {
    ConstraintViolation e = assertThrows(ConstraintViolation.class, () -> fromJson(prop, json));

    assertEquals(rule, e.rule());
    assertEquals("All", e.typeName());
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", ""})
  void nullOrMissingStaysNull(String json) {
    JsonNode node = json.isEmpty() ? JSON.missingNode() : read(json);

    assertNull(Values.fromJson(AllTypes.prop("s"), node, "All"));
    assertNull(Values.fromJson(AllTypes.prop("v"), node, "All"));
    assertNull(Values.fromJson(AllTypes.prop("s"), null, "All"));
  }

  @Test
  void blobsAreManagedBase64BytesWithEmptyDistinctFromNull() {
    assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), (byte[]) fromJson("blob", "\"base64:aGk=\""));
    assertArrayEquals(new byte[0], (byte[]) fromJson("blob", "\"base64:\""));
  }

  @Test
  void anyOtherBlobStringIsAnExternalUriAndDenied() {
    OmniGraphException e = assertThrows(OmniGraphException.class,
        () -> fromJson("blob", "\"s3://bucket/photo.jpg\""));

    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
    assertTrue(e.getMessage().contains("All.blob: external blob URI 's3://bucket/photo.jpg' denied"),
        e.getMessage());
  }

  @Test
  void vectorsBecomeFloatArraysOfAnyLength() {
    assertArrayEquals(new float[] {1f, 2.5f, -3f}, (float[]) fromJson("v", "[1, 2.5, -3]"));
    assertArrayEquals(new float[] {1f}, (float[]) fromJson("v", "[1]"));
  }

  @Test
  void listsAreImmutableListsOfTheElementType() {
    Object nums = fromJson("nums", "[1, 2]");

    assertEquals(List.of(1L, 2L), nums);
    assertThrows(UnsupportedOperationException.class, () -> ((List<?>) nums).clear());
    assertEquals(List.of(), fromJson("tags", "[]"));
  }

  @Test
  void u64KeepsFullPrecisionAboveLongRange() {
    assertEquals(new BigInteger("18446744073709551615"), fromJson("u64", "18446744073709551615"));
    assertInstanceOf(Long.class, fromJson("u32", "0"));
  }

  private static Object fromJson(String prop, String json) {
    return Values.fromJson(AllTypes.prop(prop), read(json), "All");
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}

package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValuesCoerceTest {

  static Stream<Arguments> looseValues() {
    Instant noon = Instant.parse("2024-01-02T12:00:00Z");
    return Stream.of(
        Arguments.of("s", "x", "x"),
        Arguments.of("s", new StringBuilder("sb"), "sb"),
        Arguments.of("b", "TRUE", true),
        Arguments.of("b", Boolean.FALSE, false),
        Arguments.of("i32", 5L, 5),
        Arguments.of("i32", (short) 7, 7),
        Arguments.of("i32", 3.0, 3),
        Arguments.of("i32", "12", 12),
        Arguments.of("i32", new BigDecimal("40.00"), 40),
        Arguments.of("i64", 5, 5L),
        Arguments.of("i64", BigInteger.TEN, 10L),
        Arguments.of("u32", 4294967295L, 4294967295L),
        Arguments.of("u64", Long.MAX_VALUE, BigInteger.valueOf(Long.MAX_VALUE)),
        Arguments.of("u64", new BigDecimal("18446744073709551615"), new BigInteger("18446744073709551615")),
        Arguments.of("f32", 1.5, 1.5f),
        Arguments.of("f32", 2, 2f),
        Arguments.of("f64", new BigDecimal("0.1"), 0.1),
        Arguments.of("f64", 1.5f, 1.5),
        Arguments.of("f64", "2.5", 2.5),
        Arguments.of("d", "2024-01-02", LocalDate.of(2024, 1, 2)),
        Arguments.of("d", java.sql.Date.valueOf("2024-01-02"), LocalDate.of(2024, 1, 2)),
        Arguments.of("d", 1, LocalDate.of(1970, 1, 2)),
        Arguments.of("d", LocalDateTime.of(2024, 1, 2, 23, 59), LocalDate.of(2024, 1, 2)),
        Arguments.of("dt", Timestamp.valueOf("2024-01-02 12:00:00.123"), noon.plusMillis(123)),
        Arguments.of("dt", java.sql.Date.valueOf("2024-01-02"), Instant.parse("2024-01-02T00:00:00Z")),
        Arguments.of("dt", 1000L, Instant.ofEpochMilli(1000)),
        Arguments.of("dt", "2024-01-02T12:00:00Z", noon),
        Arguments.of("dt", OffsetDateTime.of(2024, 1, 2, 14, 0, 0, 0, ZoneOffset.ofHours(2)), noon),
        Arguments.of("dt", LocalDateTime.of(2024, 1, 2, 12, 0), noon),
        Arguments.of("dt", noon.plusNanos(1_000_000), noon.plusMillis(1)),
        Arguments.of("dt", java.util.Date.from(noon), noon),
        Arguments.of("e", "x", "x"),
        Arguments.of("tags", new Object[] {"a", "b"}, List.of("a", "b")),
        Arguments.of("tags", Set.of("a"), List.of("a")),
        Arguments.of("nums", new int[] {1, 2}, List.of(1L, 2L)),
        Arguments.of("nums", List.of(1, "2"), List.of(1L, 2L)),
        Arguments.of("days", List.of("2024-01-01"), List.of(LocalDate.of(2024, 1, 1))));
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("looseValues")
  void looseJavaValuesBecomeCanonical(String prop, Object loose, Object canonical) {
    Object value = Values.coerce(AllTypes.prop(prop), loose, "All");

    assertEquals(canonical, value);
    if (!(canonical instanceof List)) {
      assertEquals(canonical.getClass(), value.getClass());
    }
    assertTrue(Values.isCanonical(AllTypes.prop(prop).type(), value));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("s", 5, Rule.TYPE, "All.s expects String, got number 5"),
        Arguments.of("b", 1, Rule.TYPE, "All.b expects Bool, got number 1"),
        Arguments.of("i32", 3.5, Rule.TYPE, "All.i32 expects Int32, got number 3.5"),
        Arguments.of("i32", "x", Rule.TYPE, "All.i32 expects Int32, got string 'x'"),
        Arguments.of("i32", 1L << 40, Rule.OUT_OF_RANGE, "All.i32 value 1099511627776 is out of range for Int32"),
        Arguments.of("i32", Double.NaN, Rule.TYPE, "All.i32 expects Int32, got number NaN"),
        Arguments.of("u64", -1L, Rule.OUT_OF_RANGE, "All.u64 value -1 is out of range for UInt64"),
        Arguments.of("f32", Double.MAX_VALUE, Rule.OUT_OF_RANGE, "All.f32 value"),
        Arguments.of("f64", List.of(1), Rule.TYPE, "All.f64 expects Float64, got array"),
        Arguments.of("d", "2024-1-2", Rule.TYPE, "All.d expects Date (YYYY-MM-DD), got string '2024-1-2'"),
        Arguments.of("d", 3.0, Rule.TYPE, "All.d expects Date, got number 3.0"),
        Arguments.of("dt", true, Rule.TYPE, "All.dt expects DateTime, got boolean true"),
        Arguments.of("dt", Instant.MAX, Rule.DATETIME_OUT_OF_RANGE, "All.dt value"),
        Arguments.of("dt", Timestamp.valueOf("2024-01-02 12:00:00.123456"), Rule.DATETIME_OUT_OF_RANGE,
            "All.dt value 2024-01-02T12:00:00.123456Z has digits below the millisecond"),
        Arguments.of("dt", Instant.parse("+10000-01-01T00:00:00Z"), Rule.DATETIME_OUT_OF_RANGE,
            "All.dt value +10000-01-01T00:00:00Z is outside the supported range 0001-01-01..9999-12-31"),
        Arguments.of("d", java.time.LocalDate.of(-5000, 1, 1), Rule.DATETIME_OUT_OF_RANGE, "All.d value -5000-01-01 is outside"),
        Arguments.of("d", java.time.LocalDate.of(100000, 1, 1), Rule.DATETIME_OUT_OF_RANGE, "All.d value +100000-01-01 is outside"),
        Arguments.of("blob", List.of(), Rule.TYPE, "All.blob expects Blob, got array"),
        Arguments.of("e", 5, Rule.TYPE, "All.e expects a string enum value, got number 5"),
        Arguments.of("tags", "a", Rule.TYPE, "All.tags expects List<String>, got string 'a'"),
        Arguments.of("tags", java.util.Arrays.asList("a", null), Rule.TYPE, "All.tags[1] expects String, got null"),
        Arguments.of("nums", List.of(1, 2.5), Rule.TYPE, "All.nums[1] expects Int64, got number 2.5"),
        Arguments.of("v", new Object[] {1, "x", 2}, Rule.VECTOR, "All.v[1] vector elements must be finite numbers, got string 'x'"),
        Arguments.of("v", new float[] {1, Float.NaN, 2}, Rule.VECTOR, "All.v[1] vector elements must be finite numbers, got number NaN"),
        Arguments.of("v", "1,2,3", Rule.TYPE, "All.v expects Vector, got string '1,2,3'"));
  }

  @ParameterizedTest(name = "{0} <- {1}")
  @MethodSource("badValues")
  void wrongJavaValuesAreRejectedWithTheirRule(String prop, Object bad, Rule rule, String message) {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> Values.coerce(AllTypes.prop(prop), bad, "All"));

    assertEquals(rule, e.rule());
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void vectorsAcceptNumericArraysAndLists() {
    assertArrayEquals(new float[] {1f, 2.5f}, (float[]) Values.coerce(AllTypes.prop("v"), new double[] {1, 2.5}, "All"));
    assertArrayEquals(new float[] {1f, 2f}, (float[]) Values.coerce(AllTypes.prop("v"), List.of(1, 2L), "All"));
    float[] canonical = {1f, 2f, 3f};
    assertSame(canonical, Values.coerce(AllTypes.prop("v"), canonical, "All"));
  }

  @Test
  void blobsAcceptBytesBuffersAndBase64Text() {
    byte[] bytes = {1, 2, 3};
    assertSame(bytes, Values.coerce(AllTypes.prop("blob"), bytes, "All"));
    assertArrayEquals(bytes, (byte[]) Values.coerce(AllTypes.prop("blob"), ByteBuffer.wrap(bytes), "All"));
    assertArrayEquals(new byte[] {'h', 'i'}, (byte[]) Values.coerce(AllTypes.prop("blob"), "base64:aGk=", "All"));
    assertEquals(ErrorKind.UNSUPPORTED, assertThrows(OmniGraphException.class,
        () -> Values.coerce(AllTypes.prop("blob"), "https://x/y", "All")).kind());
  }

  @Test
  void nullStaysNull() {
    assertNull(Values.coerce(AllTypes.prop("i32"), null, "All"));
  }
}

package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyIdsTest {
  private static final Catalog CATALOG = SchemaCompiler.compile("""
      node Person { name: String @key  age: I32? }
      node Release { product: String  year: I32  @key(year, product) }
      node Reading { value: F64 @key }
      node Sample { value: F32 @key }
      node Counter { n: I64 @key }
      node Day { d: Date @key }
      node Flag { on: Bool @key }
      node Note { text: String }
      """);

  static Stream<Arguments> canonicalTexts() {
    return Stream.of(
        Arguments.of("Alice", "Alice"),
        Arguments.of(42, "42"),
        Arguments.of(-7L, "-7"),
        Arguments.of(new BigInteger("18446744073709551615"), "18446744073709551615"),
        Arguments.of(true, "true"),
        Arguments.of(false, "false"),
        Arguments.of(1.0, "1"),
        Arguments.of(1.5, "1.5"),
        Arguments.of(-0.0, "0"),
        Arguments.of(-0.0f, "0"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(1e20, "100000000000000000000"),
        Arguments.of(1e-7, "0.0000001"),
        Arguments.of(Math.pow(2, 63), "9223372036854776000"),
        Arguments.of(2.82879384806159e17, "282879384806159000"),
        Arguments.of(Double.MIN_VALUE, "0." + "0".repeat(323) + "5"),
        Arguments.of(0.1f, "0.1"),
        Arguments.of(0.3f, "0.3"),
        Arguments.of(16777217f, "16777216"),
        Arguments.of(3.4028235e38f, "34028235" + "0".repeat(31)),
        Arguments.of(LocalDate.of(2024, 1, 2), "19724"),
        Arguments.of(LocalDate.of(1969, 12, 31), "-1"),
        Arguments.of(Instant.ofEpochMilli(1_700_000_000_123L), "1700000000123"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("canonicalTexts")
  void canonicalTextOfKeyValues(Object value, String text) {
    assertEquals(text, KeyIds.canonical(value));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonFiniteNumbersHaveNoCanonicalText(double d) {
    assertThrows(IllegalArgumentException.class, () -> KeyIds.canonical(d));
    assertThrows(IllegalArgumentException.class, () -> KeyIds.canonical((float) d));
  }

  @Test
  void singleKeyIdIsTheValuesCanonicalText() {
    assertEquals("Alice", KeyIds.deriveId(node("Person"), Map.of("name", "Alice", "age", 30)));
    assertEquals("true", KeyIds.deriveId(node("Flag"), Map.of("on", true)));
    assertEquals("19724", KeyIds.deriveId(node("Day"), Map.of("d", LocalDate.of(2024, 1, 2))));
    assertEquals("0", KeyIds.deriveId(node("Reading"), Map.of("value", -0.0)));
  }

  @Test
  void compositeKeyIdIsAJsonArrayInPropertyOrder() {
    assertEquals("[\"acme\",\"2024\"]",
        KeyIds.deriveId(node("Release"), Map.of("year", 2024, "product", "acme")));
    assertEquals("[\"a\\\"b\\\\c\",\"1\"]",
        KeyIds.deriveId(node("Release"), Map.of("year", 1, "product", "a\"b\\c")));
  }

  @Test
  void keyValuesAreCoercedToTheirDeclaredWidthFirst() {
    assertEquals("42", KeyIds.deriveId(node("Counter"), Map.of("n", 42)));
    assertEquals("0.1", KeyIds.deriveId(node("Sample"), Map.of("value", 0.1)));
    assertEquals("0.10000000149011612", KeyIds.deriveId(node("Reading"), Map.of("value", 0.1f)));
  }

  @Test
  void suppliedIdMustMatchTheCanonicalId() {
    assertEquals("Alice", KeyIds.deriveId(node("Person"), Map.of("name", "Alice", "id", "Alice")));

    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> KeyIds.deriveId(node("Person"), Map.of("name", "Alice", "id", "alice")));
    assertEquals(Rule.KEY, e.rule());
    assertTrue(e.getMessage().contains("does not match its canonical @key id 'Alice'"), e.getMessage());
    assertThrows(ConstraintViolation.class,
        () -> KeyIds.deriveId(node("Counter"), Map.of("n", 42L, "id", 42)));
  }

  @Test
  void missingKeyValueIsARequiredViolation() {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> KeyIds.deriveId(node("Release"), Map.of("product", "acme")));

    assertEquals(Rule.REQUIRED, e.rule());
    assertTrue(e.getMessage().contains("missing required property 'year'"), e.getMessage());
  }

  @Test
  void nanKeyIsRejected() {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> KeyIds.deriveId(node("Reading"), Map.of("value", Double.NaN)));

    assertEquals(Rule.OUT_OF_RANGE, e.rule());
    assertTrue(e.getMessage().contains("Reading.value: NaN is not a valid @key value"), e.getMessage());
  }

  @Test
  void unkeyedTypesHaveNoDerivedId() {
    assertThrows(IllegalArgumentException.class, () -> KeyIds.deriveId(node("Note"), Map.of("text", "x")));
  }

  private static NodeType node(String name) {
    return CATALOG.node(name).orElseThrow();
  }
}

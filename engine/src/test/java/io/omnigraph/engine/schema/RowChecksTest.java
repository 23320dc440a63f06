package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.Rule;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RowChecksTest {
  private static final Catalog CATALOG = SchemaCompiler.compile("""
      node Person {
        name: String @key
        age: I32?
        score: F64?
        big: U64?
        email: String?
        status: enum(active, banned)?
        v: Vector(2)?
        @range(age, 0..150) @range(score, ..10) @range(big, 5..)
        @check(email, "[^@]+@[^@]+")
      }
      edge Knows: Person -> Person { since: Date }
      """);
  private static final NodeType PERSON = CATALOG.node("Person").orElseThrow();

  @Test
  void aValidRowPasses() {
    assertDoesNotThrow(() -> RowChecks.checkValues(PERSON, "Alice", alice()));
  }

  @Test
  void absentNullablePropertiesPass() {
    assertDoesNotThrow(() -> RowChecks.checkValues(PERSON, "Alice", Map.of("name", "Alice")));
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of("name", null, Rule.REQUIRED, "Person 'Alice': missing required property 'name'"),
        Arguments.of("age", "30", Rule.TYPE, "Person 'Alice': age expects Int32, got string '30'"),
        Arguments.of("status", "gone", Rule.ENUM,
            "Person 'Alice': invalid enum value 'gone' for status (allowed: active, banned)"),
        Arguments.of("age", 200, Rule.RANGE, "Person 'Alice': @range violation: age = 200 not in 0..150"),
        Arguments.of("age", -1, Rule.RANGE, "Person 'Alice': @range violation: age = -1 not in 0..150"),
        Arguments.of("score", 10.5, Rule.RANGE, "Person 'Alice': @range violation: score = 10.5 not in ..10"),
        Arguments.of("score", Double.NaN, Rule.RANGE, "Person 'Alice': @range violation: score = NaN"),
        Arguments.of("big", BigInteger.ONE, Rule.RANGE, "Person 'Alice': @range violation: big = 1 not in 5.."),
        Arguments.of("email", "nobody", Rule.CHECK,
            "Person 'Alice': @check violation: email 'nobody' does not match \"[^@]+@[^@]+\""),
        Arguments.of("v", new float[] {1, 2, 3}, Rule.VECTOR,
            "Person 'Alice': vector dimension mismatch: v has 3 values, expected 2"));
  }

  @ParameterizedTest(name = "{0} = {1} -> {2}")
  @MethodSource("violations")
  void eachViolationNamesTypeEntityAndRule(String prop, Object value, Rule rule, String message) {
    Map<String, Object> row = alice();
    row.put(prop, value);

    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> RowChecks.checkValues(PERSON, "Alice", row));

    assertEquals(rule, e.rule());
    assertEquals(ErrorKind.CONSTRAINT, e.kind());
    assertEquals("Person", e.typeName());
    assertEquals("Alice", e.entityId());
    assertEquals(message, e.getMessage().substring(0, Math.min(message.length(), e.getMessage().length())));
  }

  @Test
  void boundaryValuesOfARangeAreInside() {
    Map<String, Object> row = alice();
    row.put("age", 150);
    row.put("score", 10.0);
    row.put("big", BigInteger.valueOf(5));

    assertDoesNotThrow(() -> RowChecks.checkValues(PERSON, "Alice", row));
  }

  @Test
  void edgePropertiesAreRequiredToo() {
    EdgeType knows = CATALOG.edge("Knows").orElseThrow();

    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> RowChecks.checkValues(knows, "e1", Map.of("src", "a", "dst", "b")));

    assertEquals("Knows 'e1': missing required property 'since'", e.getMessage());
    assertDoesNotThrow(() -> RowChecks.checkValues(knows, "e1", Map.of("since", LocalDate.EPOCH)));
  }

  @Test
  void aRowWithoutAnIdYetSaysSo() {
    ConstraintViolation e = assertThrows(ConstraintViolation.class,
        () -> RowChecks.checkValues(PERSON, null, Map.of()));

    assertEquals("Person (id not yet assigned): missing required property 'name'", e.getMessage());
  }

  private static Map<String, Object> alice() {
    Map<String, Object> row = new HashMap<>();
    row.put("name", "Alice");
    row.put("age", 30);
    row.put("score", 9.5);
    row.put("big", BigInteger.TEN);
    row.put("email", "alice@example.com");
    row.put("status", "active");
    row.put("v", new float[] {0.5f, 1f});
    return row;
  }
}

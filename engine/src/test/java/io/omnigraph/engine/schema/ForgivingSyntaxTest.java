package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spellings users reach for first compile to exactly what the canonical spelling compiles to:
 * commas between members, and {@code @range}/{@code @check} written on the property they constrain.
 */
class ForgivingSyntaxTest {
  private static final String CANONICAL = """
      node Person {
        name: String @key
        age: I32?
        email: String?
        @range(age, 0..150)
        @check(email, "^[^@ ]+@[^@ ]+$")
      }
      edge Knows: Person -> Person { since: Date?  weight: F64? }
      """;

  @Test
  void commasBetweenPropertiesCompileLikeLineBreaks() {
    assertSameCatalog("""
        node Person { name: String @key, age: I32?, email: String?, @range(age, 0..150), @check(email, "^[^@ ]+@[^@ ]+$") }
        edge Knows: Person -> Person { since: Date?, weight: F64?, }
        """);
  }

  @Test
  void rangeAndCheckOnThePropertyCompileLikeTheBodyForm() {
    assertSameCatalog("""
        node Person {
          name: String @key
          age: I32? @range(0..150)
          email: String? @check("^[^@ ]+@[^@ ]+$")
        }
        edge Knows: Person -> Person { since: Date?, weight: F64? }
        """);
  }

  @Test
  void propertyLevelConstraintsMixWithAnnotationsInAnyOrder() {
    Catalog c = SchemaCompiler.compile("""
        node Person { name: String @key, age: I32? @range(..150) @index @description("years") @range(0..) }
        """);
    NodeType person = c.node("Person").orElseThrow();
    assertEquals(2, person.ranges().size());
    assertTrue(person.property("age").orElseThrow().annotations().keySet().stream().anyMatch("description"::equals));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "interface Aged { age: I32? @range(0..150) }",
      "interface Named { name: String @check(\"^A\") }"})
  void aPropertyLevelConstraintInAnInterfaceIsRefused(String source) {
    SchemaException e = assertThrows(SchemaException.class, () -> PgParser.parse(source));
    assertTrue(e.getMessage().contains("interfaces carry properties only"), e.getMessage());
  }

  @Test
  void aPropertyLevelRangeOnAStringNamesTheProperty() {
    SchemaException e = assertThrows(SchemaException.class,
        () -> SchemaCompiler.compile("node N { name: String @key @range(0..5) }"));
    assertTrue(e.getMessage().contains("N.name"), e.getMessage());
  }

  private static void assertSameCatalog(String variant) {
    assertEquals(withoutSource(SchemaCompiler.compile(CANONICAL)), withoutSource(SchemaCompiler.compile(variant)));
  }

  private static String withoutSource(Catalog c) {
    return SchemaIr.toJson(c).replaceAll("(?m)^\\s*\"source\" : .*$", "");
  }
}

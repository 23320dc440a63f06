package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgParserErrorTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      node Person { age I32 }                    | 1 | 19 | expected ':' after property name 'age', found 'I32'
      nod Person {}                              | 1 | 1  | expected 'interface', 'node' or 'edge', found 'nod'
      node person {}                             | 1 | 6  | expected a type name after 'node' (type names start with an uppercase letter), found 'person'
      node P { Name: String }                    | 1 | 10 | property names start with a lowercase letter or '_', found 'Name'
      node P { 1a: String }                      | 1 | 10 | expected a property name or '}' in node P, found '1'
      node P { a: Int }                          | 1 | 13 | expected a type (String, Blob, Bool, I32, I64, U32, U64, F32, F64, Date, DateTime, [T], Vector(n) or enum(...)), found 'Int'
      node P { a: string }                       | 1 | 13 | expected a type (String
      node P { a: [Vector(3)] }                  | 1 | 14 | expected a base type inside '[...]', found 'Vector'
      node P { a: [[I32]] }                      | 1 | 14 | expected a base type inside '[...]', found '['
      node P { a: [String }                      | 1 | 21 | expected ']' to close the list type, found '}'
      node P { a: enum() }                       | 1 | 18 | expected an enum value (letters, digits, '_' or '-'), found ')'
      node P { a: enum(a b) }                    | 1 | 20 | expected ')' or ',' in the enum value list, found 'b'
      node P { a: enum(a, "b") }                 | 1 | 21 | expected an enum value (letters, digits, '_' or '-'), found string "b"
      node P { a: enum(v1.5) }                   | 1 | 20 | unexpected character '.'
      node P { a: Vector(x) }                    | 1 | 20 | expected an integer as the Vector dimension, found 'x'
      node P { a: Vector(99999999999999999999) } | 1 | 20 | integer 99999999999999999999 is too large
      node P { a: String                         | 1 | 19 | expected a property name or '}' in node P, found end of input
      node P { a: String? ? }                    | 1 | 21 | expected a property name or '}' in node P, found '?'
      edge E A -> B                              | 1 | 8  | expected ':' after edge name 'E', found 'A'
      edge E: A B                                | 1 | 11 | expected '->' between the endpoints of edge E, found 'B'
      edge E: A -> b                             | 1 | 14 | expected a type name as the target node type of edge E (type names start with an uppercase letter), found 'b'
      edge E: A -> B @card(2..1)                 | 1 | 16 | @card minimum (2) exceeds maximum (1)
      edge E: A -> B @card(x)                    | 1 | 22 | expected an integer as the @card minimum, found 'x'
      edge E: A -> B @card(1)                    | 1 | 23 | expected '..' after the @card minimum, found ')'
      edge E: A -> B @card(0..1 x                | 1 | 27 | expected ')' to close @card, found 'x'
      edge E: A -> B @x @card(0..1)              | 1 | 20 | @card belongs directly after an edge's endpoints, before other annotations, found 'card'
      node P @card(0..1) {}                      | 1 | 9  | @card belongs directly after an edge's endpoints
      node P @x implements I @y {}               | 1 | 24 | annotations of node P come before 'implements'; expected '{', found '@'
      node P implements {}                       | 1 | 19 | expected a type name after 'implements', found '{'
      node P implements I, {}                    | 1 | 22 | expected a type name after 'implements', found '{'
      interface I { @key(a) }                    | 1 | 15 | interfaces carry properties only
      interface I @x { a: String }               | 1 | 13 | expected '{' to open interface I, found '@'
      node P { @foo(a) }                         | 1 | 11 | expected a body constraint (key, unique, index, range or check) in node P, found 'foo'
      node P { @key }                            | 1 | 15 | expected '(' after '@key', found '}'
      node P { @key() }                          | 1 | 15 | expected a name or a literal as an argument of @key, found ')'
      node P { @key(a b) }                       | 1 | 17 | expected ')' or ',' in @key(...), found 'b'
      node P { @range(a, -5) }                   | 1 | 22 | expected '..' after the range bound -5, found ')'
      node P { @range(a, ..) }                   | 1 | 22 | expected a number after '..', found ')'
      node P { @range(a, 1.) }                   | 1 | 21 | unexpected character '.'
      node P { a: String @Foo }                  | 1 | 21 | expected a name after '@' (annotation names start with a lowercase letter or '_'), found 'Foo'
      node P { a: String @x(1, 2) }              | 1 | 26 | expected a name as a 'name=value' argument of @x, found '2'
      node P { a: String @x(1, k 2) }            | 1 | 28 | expected '=' after argument name 'k', found '2'
      node P { a: String @x(1, k=v) }            | 1 | 28 | expected a literal as the value of 'k=', found 'v'
      node P { a: String @x(1, k=1, k=2) }       | 1 | 31 | argument 'k=' given twice to @x
      node P { a: String @embed(model="m") }     | 1 | 32 | expected ')' to close @embed, found '='
      node P { a: String @x( }                   | 1 | 24 | expected a name or a literal as the argument of @x, found '}'
      node P { a: String } }                     | 1 | 22 | expected 'interface', 'node' or 'edge', found '}'
      node P { a: String # }                     | 1 | 20 | unexpected character '#'
      node P { a: String @d("abc }               | 1 | 23 | unterminated string literal
      node P { } /* never closed                 | 1 | 12 | unterminated block comment
      node Pé {}                                 | 1 | 7  | unexpected character 'é'
      """)
  void malformedSourceFailsAtTheOffendingToken(String source, int line, int column, String message) {
    SchemaException e = assertThrows(SchemaException.class, () -> PgParser.parse(source));

    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.detail().startsWith(message), () -> "detail was: " + e.detail());
    assertEquals("line " + line + ", column " + column + ": " + e.detail(), e.getMessage());
    assertEquals(ErrorKind.BAD_INPUT, e.kind());
  }

  @Test
  void positionsCountLinesAndColumnsFromOne() {
    SchemaException e = assertThrows(SchemaException.class,
        () -> PgParser.parse("node P {\n  name: String\n  age I32?\n}\n"));

    assertEquals("line 3, column 7: expected ':' after property name 'age', found 'I32'", e.getMessage());
  }

  @Test
  void tabsCountAsOneColumn() {
    SchemaException e = assertThrows(SchemaException.class, () -> PgParser.parse("node P {\n\tx y\n}"));

    assertEquals(2, e.line());
    assertEquals(4, e.column());
  }
}

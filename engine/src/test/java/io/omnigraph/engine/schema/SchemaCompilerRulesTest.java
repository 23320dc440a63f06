package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.error.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of SPEC §1.1–§1.4 that rejects a schema, with the position it reports. */
class SchemaCompilerRulesTest {

  @Test
  void nullableKeyIsRejectedWithTheSpecMessage() {
    SchemaException e = assertThrows(SchemaException.class,
        () -> SchemaCompiler.compile("node P { a: I32? @key }"));

    assertTrue(e.getMessage().contains("@key property P.a cannot be nullable"), e.getMessage());
    assertEquals(ErrorKind.BAD_INPUT, e.kind());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      node A {} node A {}                                           | 1 | 16 | duplicate type name 'A'; first declared at line 1, column 6
      interface A { x: I32 } node A {}                              | 1 | 29 | duplicate type name 'A'
      node P {} edge Knows: P -> P edge KNOWS: P -> P               | 1 | 35 | edge name 'KNOWS' clashes with edge 'Knows' at line 1, column 16; edge names are case-insensitive
      node P {} edge P2: P -> Q                                     | 1 | 25 | edge P2 endpoint 'Q' is not a declared node type
      node P {} edge E: Q -> P                                      | 1 | 19 | edge E endpoint 'Q' is not a declared node type
      interface I {} node P {} edge E: P -> I                       | 1 | 39 | edge E endpoint 'I' is an interface, not a node type
      node P {} edge E: P -> P edge F: P -> E                       | 1 | 39 | edge F endpoint 'E' is an edge type, not a node type
      node P implements Missing {}                                  | 1 | 19 | node P implements unknown interface 'Missing'
      node Q {} node P implements Q {}                              | 1 | 29 | node P implements 'Q', which is a node type, not an interface
      interface I { a: I32 } node P implements I, I {}              | 1 | 45 | node P implements 'I' more than once
      interface I { a: I32 } node P implements I { a: I64 }         | 1 | 46 | node P declares 'a' as I64 but interface I declares it as I32 (node P)
      interface I { a: I32 } node P implements I { a: I32? }        | 1 | 46 | node P declares 'a' as I32? but interface I declares it as I32
      interface I { a: I32 } interface J { a: String } node P implements I, J {} | 1 | 15 | interface I declares 'a' as I32 but interface J declares it as String
      node P { a: I32  a: I64 }                                     | 1 | 18 | duplicate property 'a' in P; first declared at line 1, column 10
      edge E: P -> P { w: I32 w: I32 } node P {}                    | 1 | 25 | duplicate property 'w' in E
      node P { _rowid: I64 }                                        | 1 | 10 | property name '_rowid' in P is reserved: it is a storage system column
      node P { _rowaddr: I64 }                                      | 1 | 10 | property name '_rowaddr' in P is reserved
      node P { _rowoffset: I64 }                                    | 1 | 10 | property name '_rowoffset' in P is reserved
      node P { _row_created_at_version: I64 }                       | 1 | 10 | property name '_row_created_at_version' in P is reserved
      node P { _row_last_updated_at_version: I64 }                  | 1 | 10 | property name '_row_last_updated_at_version' in P is reserved
      node P { id: String }                                         | 1 | 10 | property name 'id' in P is reserved: it is the identity column of every table
      interface I { id: String }                                    | 1 | 15 | property name 'id' in I is reserved
      node P {} edge E: P -> P { id: String }                       | 1 | 28 | property name 'id' in E is reserved
      node P {} edge E: P -> P { src: String }                      | 1 | 28 | property name 'src' in E is reserved: it is a structural column of every edge
      node P {} edge E: P -> P { dst: String }                      | 1 | 28 | property name 'dst' in E is reserved
      node P { a: [Blob] }                                          | 1 | 13 | list of Blob is not supported (property P.a)
      node P { v: Vector(0) }                                       | 1 | 13 | Vector dimension must be between 1 and 2147483647, found 0
      node P { v: Vector(2147483648) }                              | 1 | 13 | Vector dimension must be between 1 and 2147483647, found 2147483648
      node P { s: enum(a, b, a) }                                   | 1 | 13 | enum declares value 'a' more than once (property P.s)
      node P @key {}                                                | 1 | 8  | @key is not allowed on the header of node P; put it on a property or use a body constraint @key(...)
      node P @key(a) { a: String }                                  | 1 | 8  | @key is not allowed on the header of node P
      node P @unique {}                                             | 1 | 8  | @unique is not allowed on the header of node P
      node P @index {}                                              | 1 | 8  | @index is not allowed on the header of node P
      node P @embed("x") {}                                         | 1 | 8  | @embed is not allowed on the header of node P; put it on a property
      node P {} edge E: P -> P @unique                              | 1 | 26 | @unique is not allowed on the header of edge E
      node P @description("a") @description("b") {}                 | 1 | 26 | @description appears more than once on node P
      node P @instruction("a") @instruction("b") {}                 | 1 | 26 | @instruction appears more than once on node P
      node P @description {}                                        | 1 | 8  | @description on node P needs a non-empty string argument
      node P @description(" ") {}                                   | 1 | 8  | @description on node P needs a non-empty string argument
      node P @description(42) {}                                    | 1 | 8  | @description on node P needs a non-empty string argument
      node P @description("d", lang="en") {}                        | 1 | 31 | @description on node P does not take the argument 'lang='
      node P @rename_from(old) {}                                   | 1 | 8  | @rename_from on node P needs a non-empty string argument
      node P { a: I32 @instruction("x") }                           | 1 | 17 | @instruction is only allowed on node and edge types, not on property P.a
      node P { a: I32 @key @key }                                   | 1 | 22 | @key appears more than once on property P.a
      node P { a: I32 @unique @unique }                             | 1 | 25 | @unique appears more than once on property P.a
      node P { a: I32 @index @index }                               | 1 | 24 | @index appears more than once on property P.a
      node P { a: I32 @description("x") @description("y") }         | 1 | 35 | @description appears more than once on property P.a
      node P { a: I32 @rename_from("x") @rename_from("y") }         | 1 | 35 | @rename_from appears more than once on property P.a
      node P { a: I32 @unique(1) }                                  | 1 | 25 | @unique on P expects a property name here
      node P { a: I32 @index(true) }                                | 1 | 24 | @index on P expects a property name here
      node P { a: I32 @foo @key(a) @key(a) }                        | 1 | 30 | node P has multiple @key constraints
      node P { a: I32 @key  b: I32 @key }                           | 1 | 30 | node P has multiple @key constraints
      node P { a: I32 @key  b: I32  @key(a, b) }                    | 1 | 31 | node P has multiple @key constraints
      node P {} edge E: P -> P { w: I32 @key }                      | 1 | 35 | @key is not supported on edges (property E.w)
      node P {} edge E: P -> P { w: I32  @key(w) }                  | 1 | 36 | @key is not supported on edges (edge E)
      node P { a: I32  @key(b) }                                    | 1 | 23 | @key on P names unknown property 'b'
      node P { a: I32  @key(a, a) }                                 | 1 | 26 | @key names 'a' more than once
      node P { a: [String] @key }                                   | 1 | 10 | @key is not allowed on list property P.a
      node P { a: Vector(2) @key }                                  | 1 | 10 | @key is not allowed on vector property P.a
      node P { a: Blob @key }                                       | 1 | 10 | @key is not allowed on Blob property P.a
      node P { a: I32?  @key(a) }                                   | 1 | 24 | @key property P.a cannot be nullable
      node P { a: [String] @unique }                                | 1 | 10 | @unique is not allowed on list property P.a
      node P { a: Vector(2) @unique }                               | 1 | 10 | @unique is not allowed on vector property P.a
      node P { a: Blob  @unique(a) }                                | 1 | 27 | @unique is not allowed on Blob property P.a
      node P { a: [String]  @index(a) }                             | 1 | 30 | @index is not allowed on list property P.a
      node P { a: Blob @index }                                     | 1 | 10 | @index is not allowed on Blob property P.a
      node P { a: I32  @unique(a, z) }                              | 1 | 29 | @unique on P names unknown property 'z'
      node P { a: I32 @unique  @unique(a) }                         | 1 | 26 | @unique(a) is declared more than once on P
      node P { a: I32  @index(a)  @index(a) }                       | 1 | 29 | @index(a) is declared more than once on P
      node P { src: I32  @unique(src, dst) }                        | 1 | 33 | @unique on P names unknown property 'dst'
      node P {} edge E: P -> P { @unique(src, id) }                 | 1 | 41 | @unique on E names unknown property 'id'
      node P { a: String  @range(a, 0..1) }                         | 1 | 28 | @range on P.a needs a numeric property, not String
      node P { a: [I32]  @range(a, 0..1) }                          | 1 | 27 | @range on P.a needs a numeric property, not List<Int32>
      node P { a: I32  @range(a, 5..1) }                            | 1 | 28 | @range minimum 5 exceeds maximum 1 on P.a
      node P { a: F64  @range(a, -1.5..-2) }                        | 1 | 28 | @range minimum -1.5 exceeds maximum -2 on P.a
      node P { a: I32  @range(a) }                                  | 1 | 18 | @range expects (property, min..max) on P
      node P { a: I32  @range(a, 5) }                               | 1 | 18 | @range expects (property, min..max) on P
      node P { a: I32  @range(b, 0..1) }                            | 1 | 25 | @range on P names unknown property 'b'
      node P { a: I32  @range(0..1, a) }                            | 1 | 18 | @range expects (property, min..max) on P
      node P {} edge E: P -> P { w: I32  @range(w, 0..1) }          | 1 | 36 | @range is not supported on edges (edge E)
      node P { a: I32  @check(a, "x") }                             | 1 | 25 | @check on P.a needs a String property, not Int32
      node P { a: String  @check(a, "(unclosed") }                  | 1 | 31 | @check pattern on P.a does not compile: Unclosed group
      node P { a: String  @check(a) }                               | 1 | 21 | @check expects (property, "regex") on P
      node P { a: String  @check(a, x) }                            | 1 | 21 | @check expects (property, "regex") on P
      node P { a: String  @check(b, "x") }                          | 1 | 28 | @check on P names unknown property 'b'
      node P {} edge E: P -> P { w: String  @check(w, "x") }        | 1 | 39 | @check is not supported on edges (edge E)
      node P { a: String @embed("a") }                              | 1 | 20 | @embed is only allowed on Vector properties; property P.a is String
      node P {} edge E: P -> P { v: Vector(2) @embed("x") }         | 1 | 41 | @embed is not supported on edges (property E.v)
      node P { v: Vector(2) @embed }                                | 1 | 23 | @embed on property P.v needs the name of its String source property
      node P { v: Vector(2) @embed(3) }                             | 1 | 23 | @embed on property P.v needs the name of its String source property
      node P { v: Vector(2) @embed("t", size="x") t: String }       | 1 | 40 | @embed on property P.v has unknown argument 'size=' (only model= is allowed)
      node P { v: Vector(2) @embed("t", model=3) t: String }        | 1 | 41 | @embed model on property P.v must be a string
      node P { v: Vector(2) @embed("t") }                           | 1 | 30 | @embed on property P.v names unknown source property 't'
      node P { v: Vector(2) @embed("n")  n: I32 }                   | 1 | 30 | @embed source P.n must be a String property, not Int32
      node P { v: Vector(2) @embed("n")  n: [String] }              | 1 | 30 | @embed source P.n must be a String property, not List<String>
      node P { v: Vector(2) @embed(t) @embed(t)  t: String }        | 1 | 33 | @embed appears more than once on property P.v
      node P { a: I32 @key(x) }                                     | 1 | 22 | @key on P names unknown property 'x'
      node P { a: I32 @custom(1) @custom(2) @key(a) @key(a) }       | 1 | 47 | node P has multiple @key constraints
      """)
  void invalidSchemaIsRejectedAtTheOffendingText(String source, int line, int column, String message) {
    SchemaException e = assertThrows(SchemaException.class, () -> SchemaCompiler.compile(source));

    assertTrue(e.detail().startsWith(message), () -> "detail was: " + e.detail());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
  }

  @Test
  void interfacePropertyRulesApplyWhereTheInterfaceIsDeclared() {
    SchemaException e = assertThrows(SchemaException.class,
        () -> SchemaCompiler.compile("interface I {\n  tags: [String] @key\n}\nnode P implements I {}"));

    assertEquals("line 2, column 3: @key is not allowed on list property P.tags", e.getMessage());
  }

  @Test
  void parseErrorsSurfaceThroughCompile() {
    SchemaException e = assertThrows(SchemaException.class, () -> SchemaCompiler.compile("node P { age I32 }"));

    assertEquals("line 1, column 14: expected ':' after property name 'age', found 'I32'", e.getMessage());
  }
}

package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What valid schemas compile to. The rules that reject schemas are in SchemaCompilerRulesTest. */
class SchemaCompilerTest {

  @Test
  void interfacePropertiesFollowTheNodesOwnInImplementsOrder() {
    Catalog c = SchemaCompiler.compile("""
        interface Named { name: String @key  title: String? }
        interface Dated { created: DateTime? }
        node Doc implements Named, Dated { body: String  title: String? }
        """);
    NodeType doc = c.node("Doc").orElseThrow();

    assertEquals(List.of("body", "title", "name", "created"),
        doc.properties().stream().map(Property::name).toList());
    assertEquals(List.of("Named", "Dated"), doc.implementsList());
    assertEquals(List.of("name"), doc.key());
    assertTrue(c.type("Named").isEmpty());
  }

  @Test
  void twoNodesImplementingOneInterfaceGetTheirOwnPropertyIds() {
    Catalog c = SchemaCompiler.compile("""
        interface Named { name: String }
        node A implements Named {}
        node B implements Named {}
        """);

    assertEquals(3, c.node("A").orElseThrow().property("name").orElseThrow().stableId());
    assertEquals(4, c.node("B").orElseThrow().property("name").orElseThrow().stableId());
  }

  @Test
  void stableTypeIdsFollowDeclarationOrderAcrossNodesAndEdges() {
    Catalog c = SchemaCompiler.compile("""
        node A { x: I32 }
        edge E: A -> B { w: F64 }
        node B { y: I32 }
        """);

    assertEquals(1, c.node("A").orElseThrow().stableTypeId());
    assertEquals(2, c.edge("E").orElseThrow().stableTypeId());
    assertEquals(3, c.node("B").orElseThrow().stableTypeId());
    assertEquals(4, c.node("A").orElseThrow().property("x").orElseThrow().stableId());
    assertEquals(5, c.edge("E").orElseThrow().property("w").orElseThrow().stableId());
    assertEquals(6, c.node("B").orElseThrow().property("y").orElseThrow().stableId());
    assertEquals(7, c.nextIdentityId());
  }

  @Test
  void compositeKeyFollowsPropertyDeclarationOrderNotConstraintOrder() {
    NodeType t = node("node Release { product: String  year: I32  @key(year, product) }");

    assertEquals(List.of("product", "year"), t.key());
  }

  @Test
  void uniquesAndIndexesAreTuplesInSourceOrderWithPropertyFlags() {
    NodeType t = node("""
        node User {
          email: String @unique
          handle: String @index
          first: String
          last: String
          @unique(first, last)
          @index(email)
        }
        """);

    assertEquals(List.of(List.of("email"), List.of("first", "last")), t.uniques());
    assertEquals(List.of(List.of("handle"), List.of("email")), t.indexes());
    assertTrue(t.property("email").orElseThrow().unique());
    assertTrue(t.property("email").orElseThrow().indexed());
    assertTrue(t.property("handle").orElseThrow().indexed());
    assertFalse(t.property("first").orElseThrow().unique());
    assertFalse(t.keyed());
  }

  @Test
  void edgeConstraintsMayNameSrcAndDst() {
    Catalog c = SchemaCompiler.compile("""
        node P {}
        edge Follows: P -> P @card(0..5) { weight: F32  @unique(src, dst)  @index(dst, weight) }
        """);
    EdgeType follows = c.edge("Follows").orElseThrow();

    assertEquals(List.of(List.of("src", "dst")), follows.uniques());
    assertEquals(List.of(List.of("dst", "weight")), follows.indexes());
    assertEquals(0, follows.cardMin());
    assertEquals(OptionalLong.of(5), follows.cardMax());
  }

  @Test
  void atLeastOneCardinalityIsUnboundedAbove() {
    Catalog c = SchemaCompiler.compile("node P {}\nedge Owns: P -> P @card(1..)");

    assertEquals(1, c.edge("Owns").orElseThrow().cardMin());
    assertTrue(c.edge("Owns").orElseThrow().cardMax().isEmpty());
  }

  @Test
  void rangesAndChecksKeepTheirBoundsAndPatterns() {
    NodeType t = node("""
        node P {
          age: I32?  score: F64  code: String
          @range(age, 0..150) @range(score, -1.5..) @range(score, ..100)
          @check(code, "[A-Z]{3}-\\d+")
        }
        """);

    assertEquals(List.of(new RangeConstraint("age", 0.0, 150.0), new RangeConstraint("score", -1.5, null),
        new RangeConstraint("score", null, 100.0)), t.ranges());
    assertEquals("[A-Z]{3}-\\d+", t.checks().get(0).pattern().pattern());
    assertTrue(t.checks().get(0).admits("ABC-42"));
    assertFalse(t.checks().get(0).admits("abc-42"));
  }

  @Test
  void rangeAndCheckRightAfterAPropertyAreBodyConstraints() {
    NodeType t = node("node P { a: I32 @range(a, 0..1)  s: String @unique @check(s, \"x\") }");

    assertEquals(List.of(new RangeConstraint("a", 0.0, 1.0)), t.ranges());
    assertEquals("x", t.checks().get(0).pattern().pattern());
    assertEquals(List.of(List.of("s")), t.uniques());
  }

  @Test
  void enumValuesAreSortedAndKeptAsASet() {
    Property p = node("node T { status: enum(todo, in-progress, done, 2024-q1) }").properties().get(0);

    assertEquals(new ValueType.EnumOf(new TreeSet<>(List.of("2024-q1", "done", "in-progress", "todo"))), p.type());
    assertEquals("enum(2024-q1, done, in-progress, todo)", p.type().pgText());
    assertEquals(node("node T { status: enum(done, todo, 2024-q1, in-progress) }").properties().get(0).type(),
        p.type());
  }

  @Test
  void annotationsBecomeCatalogMetadata() {
    Catalog c = SchemaCompiler.compile("""
        node Doc @description("A document") @instruction("Cite it") @rename_from("Paper") @owner("docs")
            @deprecated {
          title: String @description("Its title") @rename_from("name") @pii @weight(3, unit="kg")
          body: String?
          embedding: Vector(4)? @embed("title", model="text-small") @index
        }
        edge Cites: Doc -> Doc @card(0..10) @description("Cites") @rename_from("Refs")
        """);
    NodeType doc = c.node("Doc").orElseThrow();

    assertEquals(Map.of("description", "A document", "instruction", "Cite it", "owner", "docs",
        "deprecated", ""), doc.annotations());
    assertEquals(Optional.of("A document"), doc.description());
    assertEquals(Optional.of("Cite it"), doc.instruction());
    assertEquals(Optional.of("Paper"), doc.renameFrom());
    Property title = doc.property("title").orElseThrow();
    assertEquals(Optional.of("Its title"), title.description());
    assertEquals(Optional.of("name"), title.renameFrom());
    assertEquals(Map.of("description", "Its title", "pii", "", "weight", "3", "weight.unit", "kg"),
        title.annotations());
    Property embedding = doc.property("embedding").orElseThrow();
    assertEquals(Optional.of(new EmbedSpec("title", Optional.of("text-small"))), embedding.embed());
    assertTrue(embedding.indexed());
    assertTrue(title.embed().isEmpty());
    EdgeType cites = c.edge("Cites").orElseThrow();
    assertEquals(Optional.of("Cites"), cites.description());
    assertEquals(Optional.of("Refs"), cites.renameFrom());
  }

  @Test
  void selfEdgesAndEmptyTypesAreFine() {
    Catalog c = SchemaCompiler.compile("node Empty {}\nedge Loop: Empty -> Empty {}");

    assertTrue(c.node("Empty").orElseThrow().properties().isEmpty());
    assertEquals(List.of("id", "src", "dst"), c.edge("Loop").orElseThrow().columnNames());
  }

  @Test
  void emptySchemaCompilesToAnEmptyCatalog() {
    Catalog c = SchemaCompiler.compile("// nothing yet\n");

    assertTrue(c.allTypes().isEmpty());
    assertEquals(1, c.nextIdentityId());
  }

  @Test
  void reservedLookalikesAreLegalPropertyNames() {
    NodeType t = node("node T { _row_id: String  ids: I32  _rowid2: I32  source: String }");

    assertEquals(List.of("_row_id", "ids", "_rowid2", "source"), t.properties().stream().map(Property::name).toList());
  }

  @Test
  void srcAndDstAreOrdinaryPropertyNamesOnNodes() {
    assertEquals(2, node("node T { src: String  dst: String }").properties().size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      String      | Utf8
      Blob        | LargeBinary
      Bool        | Bool
      I32         | Int(32, true)
      I64         | Int(64, true)
      U32         | Int(32, false)
      U64         | Int(64, false)
      F32         | FloatingPoint(SINGLE)
      F64         | FloatingPoint(DOUBLE)
      Date        | Date(DAY)
      DateTime    | Date(MILLISECOND)
      enum(a, b)  | Utf8
      [I64]       | List
      Vector(8)   | FixedSizeList(8)
      """)
  void everyPgTypeMapsToItsArrowType(String pgType, String arrowType) {
    Field f = node("node T { x: " + pgType + "? }").properties().get(0).arrowField();

    assertEquals(arrowType, f.getType().toString());
    assertTrue(f.isNullable());
    assertEquals(pgType, node("node T { x: " + pgType + " }").properties().get(0).type().pgText());
  }

  @Test
  void listAndVectorFieldsCarryTheirItemChild() {
    NodeType t = node("node T { tags: [Date]  v: Vector(3) }");

    Field tags = t.properties().get(0).arrowField();
    assertEquals(new ArrowType.Date(DateUnit.DAY), tags.getChildren().get(0).getType());
    Field v = t.properties().get(1).arrowField();
    assertEquals(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE), v.getChildren().get(0).getType());
    assertEquals("item", v.getChildren().get(0).getName());
    assertFalse(v.isNullable());
  }

  @Test
  void compileAcceptsAParsedFile() {
    String source = "node A { x: I32 }";
    Catalog c = SchemaCompiler.compile(PgParser.parse(source), source);

    assertEquals(source, c.source());
    assertNull(c.identityDomain().orElse(null));
  }

  private static NodeType node(String source) {
    return SchemaCompiler.compile(source).nodeTypes().get(0);
  }
}

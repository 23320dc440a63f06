package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PgParserTest {

  @Test
  void fixtureParsesIntoFourDeclarationsInSourceOrder() {
    SchemaFile file = PgParser.parse(Fixtures.testPg());

    assertEquals(List.of("Person", "Company", "Knows", "WorksAt"),
        file.declarations().stream().map(Decl::name).toList());
    NodeDecl person = file.nodes().get(0);
    assertEquals(List.of("name", "age"), person.properties().stream().map(PropDecl::name).toList());
    assertEquals("key", person.properties().get(0).annotations().get(0).name());
    assertTrue(person.properties().get(1).type().nullable());
    EdgeDecl knows = file.edges().get(0);
    assertEquals("Person", knows.from().name());
    assertEquals("Person", knows.to().name());
    assertTrue(knows.hasBody());
    EdgeDecl worksAt = file.edges().get(1);
    assertFalse(worksAt.hasBody());
    assertEquals("Company", worksAt.to().name());
    assertNull(worksAt.card());
  }

  @ParameterizedTest
  @EnumSource(BaseType.class)
  void everyBaseTypeParsesByItsPgName(BaseType base) {
    TypeRef t = onlyProp("node N { x: " + base.pgName() + " }").type();

    assertEquals(TypeRef.Form.BASE, t.form());
    assertEquals(base, t.base());
    assertFalse(t.nullable());
  }

  @Test
  void listVectorAndEnumTypesParseWithNullability() {
    NodeDecl n = PgParser.parse("""
        node N {
          tags: [String]
          scores: [I32]?
          embedding: Vector(128)?
          status: enum(todo, in-progress, 2024-q1, _x, Done)
        }
        """).nodes().get(0);

    TypeRef tags = n.properties().get(0).type();
    assertEquals(TypeRef.Form.LIST, tags.form());
    assertEquals(BaseType.STRING, tags.base());
    TypeRef scores = n.properties().get(1).type();
    assertEquals(BaseType.I32, scores.base());
    assertTrue(scores.nullable());
    TypeRef embedding = n.properties().get(2).type();
    assertEquals(TypeRef.Form.VECTOR, embedding.form());
    assertEquals(128, embedding.dimension());
    assertTrue(embedding.nullable());
    TypeRef status = n.properties().get(3).type();
    assertEquals(TypeRef.Form.ENUM, status.form());
    assertEquals(List.of("todo", "in-progress", "2024-q1", "_x", "Done"), status.enumValues());
  }

  @Test
  void interfacesAndImplementsListsAreKept() {
    SchemaFile file = PgParser.parse("""
        interface Named { name: String }
        interface Dated { created: DateTime? }
        node Doc @description("a doc") @tag implements Named, Dated { body: String }
        """);

    assertEquals(List.of("Named", "Dated"), file.interfaces().stream().map(InterfaceDecl::name).toList());
    NodeDecl doc = file.nodes().get(0);
    assertEquals(List.of("Named", "Dated"), doc.implementsList().stream().map(NameRef::name).toList());
    assertEquals(new Position(3, 55), doc.implementsList().get(1).pos());
    assertEquals(List.of("description", "tag"), doc.annotations().stream().map(Annotation::name).toList());
    assertEquals("a doc", doc.annotations().get(0).value().text());
  }

  @Test
  void edgeHeaderTakesCardThenAnnotationsThenOptionalBody() {
    SchemaFile file = PgParser.parse("""
        node A {}
        edge One: A -> A @card(0..1) @description("at most one") { weight: F64? }
        edge Many: A -> A @card(1..)
        edge Plain: A -> A @instruction("use sparingly")
        """);

    EdgeDecl one = file.edges().get(0);
    assertEquals(0, one.card().min());
    assertEquals(1L, one.card().max());
    assertEquals("description", one.annotations().get(0).name());
    assertEquals("weight", one.properties().get(0).name());
    EdgeDecl many = file.edges().get(1);
    assertEquals(1, many.card().min());
    assertNull(many.card().max());
    assertFalse(many.hasBody());
    assertEquals("instruction", file.edges().get(2).annotations().get(0).name());
  }

  @Test
  void bodyConstraintsCarryNamesLiteralsAndRanges() {
    NodeDecl n = PgParser.parse("""
        node N {
          a: I32
          b: F64
          c: String
          @key(a, c)
          @unique(c)
          @index(a, b)
          @range(a, 0..150)
          @range(b, ..10)
          @range(b, -5..)
          @range(b, -1.5..2.5)
          @check(c, "^[a-z]+\\d*$")
        }
        """).nodes().get(0);

    List<BodyConstraint> cs = n.constraints();
    assertEquals(List.of("key", "unique", "index", "range", "range", "range", "range", "check"),
        cs.stream().map(BodyConstraint::name).toList());
    assertEquals(new Literal(Literal.Kind.IDENT, "a", new Position(5, 8)), cs.get(0).args().get(0));
    assertEquals(new RangeBound("0", "150", new Position(8, 13)), cs.get(3).args().get(1));
    assertRange(cs.get(4), null, "10");
    assertRange(cs.get(5), "-5", null);
    assertRange(cs.get(6), "-1.5", "2.5");
    Literal regex = (Literal) cs.get(7).args().get(1);
    assertEquals(Literal.Kind.STRING, regex.kind());
    assertEquals("^[a-z]+\\d*$", regex.text());
  }

  @Test
  void propertyAnnotationsKeepValuesAndKeywordArguments() {
    PropDecl p = onlyProp("""
        node N {
          v: Vector(3) @index @embed("title", model="text-3") @description("the \\"vec\\"")
              @rename_from("old_v") @custom @level(2) @opts(fast, deep=true, ratio=0.5)
        }
        """);

    List<Annotation> as = p.annotations();
    assertEquals(List.of("index", "embed", "description", "rename_from", "custom", "level", "opts"),
        as.stream().map(Annotation::name).toList());
    assertFalse(as.get(0).hasValue());
    assertEquals("title", as.get(1).value().text());
    assertEquals("text-3", as.get(1).kwargs().get("model").text());
    assertEquals("the \"vec\"", as.get(2).value().text());
    assertEquals(Literal.Kind.INT, as.get(5).value().kind());
    Annotation opts = as.get(6);
    assertEquals(new Literal(Literal.Kind.IDENT, "fast", new Position(3, 53)), opts.value());
    assertEquals(Literal.Kind.BOOL, opts.kwargs().get("deep").kind());
    assertEquals(List.of("deep", "ratio"), List.copyOf(opts.kwargs().keySet()));
    assertEquals(new Position(2, 16), as.get(0).pos());
  }

  @Test
  void constraintNameWithParenthesesAfterAPropertyStartsABodyConstraint() {
    NodeDecl n = PgParser.parse("node N { email: String @unique @index(email) @key(email) }").nodes().get(0);

    assertEquals(List.of("unique"), n.properties().get(0).annotations().stream().map(Annotation::name).toList());
    assertEquals(List.of("index", "key"), n.constraints().stream().map(BodyConstraint::name).toList());
  }

  @Test
  void commentsAreIgnoredAndPositionsCountLinesAcrossThem() {
    SchemaFile file = PgParser.parse("""
        // leading comment
        /* a block
           spanning lines */ node /* inline */ Person { // trailing
          name: String // after a property
        }
        """);

    NodeDecl person = file.nodes().get(0);
    assertEquals(new Position(3, 40), person.pos());
    assertEquals(new Position(4, 3), person.properties().get(0).pos());
    assertEquals(new Position(4, 9), person.properties().get(0).type().pos());
  }

  @Test
  void emptySourceIsAnEmptyFile() {
    assertTrue(PgParser.parse("  // nothing here\n").declarations().isEmpty());
  }

  @Test
  void stringEscapesDecodeQuotesBackslashesAndControlsButKeepOtherEscapes() {
    Annotation a = onlyProp("node N { s: String @note(\"a\\\"b\\\\c\\nd\\te\\.f\") }").annotations().get(0);

    assertEquals("a\"b\\c\nd\te\\.f", a.value().text());
  }

  @Test
  void keywordsMayBeUsedAsPropertyNames() {
    NodeDecl n = PgParser.parse("node N { node: String  edge: I32  enum: Bool  implements: F32 }").nodes().get(0);

    assertEquals(List.of("node", "edge", "enum", "implements"),
        n.properties().stream().map(PropDecl::name).toList());
  }

  private static void assertRange(BodyConstraint c, String min, String max) {
    RangeBound bound = assertInstanceOf(RangeBound.class, c.args().get(1));
    assertEquals(min, bound.min());
    assertEquals(max, bound.max());
  }

  private static PropDecl onlyProp(String source) {
    return PgParser.parse(source).nodes().get(0).properties().get(0);
  }
}

package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaIrTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Uses every construct the IR has to carry. */
  private static final String RICH = """
      interface Named { name: String @key @description("display name") }
      node Doc @description("A document") @instruction("Cite it") @rename_from("Paper") @owner("docs")
          implements Named {
        title: String? @rename_from("heading") @pii @weight(3, unit="kg")
        tags: [String]?
        status: enum(draft, published)
        score: F64?
        code: String?
        blob: Blob?
        embedding: Vector(3)? @embed("name", model="text-small") @index
        born: Date?
        seen: DateTime?
        big: U64?
        @unique(title, status)
        @range(score, 0..1.5) @range(big, 10..)
        @check(code, "[A-Z]+\\\\d")
      }
      edge Cites: Doc -> Doc @card(1..3) @description("Cites") { weight: F32? @unique  @unique(src, dst)  @index(dst) }
      edge Links: Doc -> Doc
      """;

  @Test
  void fixtureRoundTripsToAnEqualCatalog() {
    Catalog catalog = Fixtures.fixture();

    Catalog back = SchemaIr.fromJson(SchemaIr.toJson(catalog));

    assertEquals(catalog, back);
    assertEquals(SchemaIr.toJson(catalog), SchemaIr.toJson(back));
  }

  @Test
  void everyConstructRoundTripsIncludingIdsAndSource() {
    Catalog catalog = SchemaCompiler.compile(RICH).withIdentityDomain("01JD7ZK3M4N5P6Q7R8S9T0V1W2");

    Catalog back = SchemaIr.fromJson(SchemaIr.toJson(catalog));

    assertEquals(catalog, back);
    assertEquals(RICH, back.source());
    assertEquals(Optional.of("01JD7ZK3M4N5P6Q7R8S9T0V1W2"), back.identityDomain());
    NodeType doc = back.node("Doc").orElseThrow();
    assertEquals(List.of("name"), doc.key());
    assertTrue(doc.property("embedding").orElseThrow().indexed());
    assertEquals("[A-Z]+\\d", doc.checks().get(0).pattern().pattern());
    assertEquals(new RangeConstraint("big", 10.0, null), doc.ranges().get(1));
    EdgeType cites = back.edge("cites").orElseThrow();
    assertTrue(cites.property("weight").orElseThrow().unique());
    assertEquals(3, cites.cardMax().getAsLong());
    assertEquals(List.of(List.of("weight"), List.of("src", "dst")), cites.uniques());
  }

  @Test
  void irCarriesVersionIdCounterAndStableIds() throws Exception {
    JsonNode ir = JSON.readTree(SchemaIr.toJson(Fixtures.fixture()));

    assertEquals(2, ir.get("ir_version").asInt());
    assertEquals(9, ir.get("next_identity_id").asLong());
    assertEquals(Fixtures.testPg(), ir.get("source").asText());
    JsonNode person = ir.get("nodes").get(0);
    assertEquals("Person", person.get("name").asText());
    assertEquals(1, person.get("type_id").asLong());
    assertEquals(1, person.get("table_incarnation_id").asLong());
    assertEquals(5, person.get("properties").get(0).get("property_id").asLong());
    assertEquals("String", person.get("properties").get(0).get("type").get("base").asText());
    JsonNode worksAt = ir.get("edges").get(1);
    assertEquals("Company", worksAt.get("to_type").asText());
    assertTrue(worksAt.get("cardinality").get("max").isNull());
    assertFalse(ir.has("schema_identity_domain"));
  }

  @Test
  void idsComeFromTheIrNotFromRecompilingTheSource() throws Exception {
    ObjectNode ir = (ObjectNode) JSON.readTree(SchemaIr.toJson(Fixtures.fixture()));
    ObjectNode person = (ObjectNode) ir.get("nodes").get(0);
    person.put("type_id", 40).put("table_incarnation_id", 41);
    ((ObjectNode) person.get("properties").get(1)).put("property_id", 42);
    ir.put("next_identity_id", 43);

    Catalog reopened = SchemaIr.fromJson(JSON.writeValueAsString(ir));

    NodeType p = reopened.node("Person").orElseThrow();
    assertEquals(40, p.stableTypeId());
    assertEquals(41, p.incarnationId());
    assertEquals(42, p.property("age").orElseThrow().stableId());
    assertEquals(43, reopened.nextIdentityId());
    assertEquals("42", p.arrowSchema().findField("age").getMetadata().get(Property.STABLE_ID_METADATA));
  }

  @Test
  void outputIsStableTextWithUnixLineEnds() {
    String json = SchemaIr.toJson(Fixtures.fixture());

    assertEquals(json, SchemaIr.toJson(SchemaCompiler.compile(Fixtures.testPg())));
    assertFalse(json.contains("\r"));
    assertTrue(json.startsWith("{\n  \"ir_version\" : 2,\n"), json);
    assertTrue(json.endsWith("}\n"));
  }

  @Test
  void otherIrVersionsAreRefused() throws Exception {
    ObjectNode ir = (ObjectNode) JSON.readTree(SchemaIr.toJson(Fixtures.fixture()));
    ir.put("ir_version", 3);

    OmniGraphException e = assertThrows(OmniGraphException.class,
        () -> SchemaIr.fromJson(JSON.writeValueAsString(ir)));

    assertEquals(ErrorKind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().contains("schema IR version 3 is not supported"), e.getMessage());
  }

  @Test
  void malformedOrInconsistentIrIsBadInput() throws Exception {
    assertEquals(ErrorKind.BAD_INPUT,
        assertThrows(OmniGraphException.class, () -> SchemaIr.fromJson("{not json")).kind());
    assertTrue(assertThrows(OmniGraphException.class, () -> SchemaIr.fromJson("{\"ir_version\": 2}"))
        .getMessage().contains("missing field 'nodes'"));

    ObjectNode ir = (ObjectNode) JSON.readTree(SchemaIr.toJson(Fixtures.fixture()));
    ((ObjectNode) ir.get("edges").get(0)).put("to_type", "Nobody");
    OmniGraphException e = assertThrows(OmniGraphException.class,
        () -> SchemaIr.fromJson(JSON.writeValueAsString(ir)));
    assertTrue(e.getMessage().contains("edge Knows has an unknown endpoint"), e.getMessage());

    ObjectNode stale = (ObjectNode) JSON.readTree(SchemaIr.toJson(Fixtures.fixture()));
    stale.put("next_identity_id", 8);
    assertTrue(assertThrows(OmniGraphException.class, () -> SchemaIr.fromJson(JSON.writeValueAsString(stale)))
        .getMessage().contains("does not exceed the ids in use"));
  }
}

package io.omnigraph.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** The fixture schema of SPEC §1.5 compiled, checked through the public catalog API. */
class FixtureCatalogTest {
  private final Catalog catalog = Fixtures.fixture();

  @Test
  void typesComeInDeclarationOrderNodesBeforeEdges() {
    assertEquals(List.of("Person", "Company"), catalog.nodeTypes().stream().map(NodeType::name).toList());
    assertEquals(List.of("Knows", "WorksAt"), catalog.edgeTypes().stream().map(EdgeType::name).toList());
    assertEquals(List.of("node:Person", "node:Company", "edge:Knows", "edge:WorksAt"),
        catalog.allTypes().stream().map(EntityType::tableKey).toList());
    assertEquals(Fixtures.testPg(), catalog.source());
  }

  @Test
  void personIsKeyedByNameWithOptionalAge() {
    NodeType person = catalog.node("Person").orElseThrow();

    assertTrue(person.keyed());
    assertEquals(List.of("name"), person.key());
    Property name = person.property("name").orElseThrow();
    assertEquals(new ValueType.Scalar(BaseType.STRING), name.type());
    assertFalse(name.nullable());
    Property age = person.property("age").orElseThrow();
    assertEquals(new ValueType.Scalar(BaseType.I32), age.type());
    assertTrue(age.nullable());
    assertEquals(TypeKind.NODE, person.kind());
    assertTrue(person.uniques().isEmpty());
    assertTrue(person.implementsList().isEmpty());
  }

  @Test
  void edgesConnectTheirEndpointsWithDefaultCardinality() {
    EdgeType knows = catalog.edge("Knows").orElseThrow();
    EdgeType worksAt = catalog.edge("WorksAt").orElseThrow();

    assertEquals("Person", knows.from());
    assertEquals("Person", knows.to());
    assertEquals(new ValueType.Scalar(BaseType.DATE), knows.property("since").orElseThrow().type());
    assertEquals("Company", worksAt.to());
    assertTrue(worksAt.properties().isEmpty());
    assertEquals(0, worksAt.cardMin());
    assertEquals(OptionalLong.empty(), worksAt.cardMax());
    assertEquals(TypeKind.EDGE, worksAt.kind());
  }

  @Test
  void stableIdsNumberTypesThenPropertiesFromOne() {
    assertEquals(List.of(1L, 2L, 3L, 4L),
        catalog.allTypes().stream().map(EntityType::stableTypeId).toList());
    assertTrue(catalog.allTypes().stream().allMatch(t -> t.incarnationId() == 1));
    assertEquals(5, catalog.node("Person").orElseThrow().property("name").orElseThrow().stableId());
    assertEquals(6, catalog.node("Person").orElseThrow().property("age").orElseThrow().stableId());
    assertEquals(7, catalog.node("Company").orElseThrow().property("name").orElseThrow().stableId());
    assertEquals(8, catalog.edge("Knows").orElseThrow().property("since").orElseThrow().stableId());
    assertEquals(9, catalog.nextIdentityId());
  }

  @Test
  void lookupsAreExactForNodesAndCaseInsensitiveForEdges() {
    assertTrue(catalog.node("person").isEmpty());
    assertSame(catalog.edge("WorksAt").orElseThrow(), catalog.edge("worksAt").orElseThrow());
    assertSame(catalog.edge("WorksAt").orElseThrow(), catalog.edge("WORKSAT").orElseThrow());
    assertEquals("Person", catalog.type("Person").orElseThrow().name());
    assertEquals("Knows", catalog.type("knows").orElseThrow().name());
    assertTrue(catalog.type("Nobody").isEmpty());
  }

  @Test
  void edgesTouchingListsEdgesFromOrToANodeType() {
    assertEquals(List.of("Knows", "WorksAt"),
        catalog.edgesTouching("Person").stream().map(EdgeType::name).toList());
    assertEquals(List.of("WorksAt"), catalog.edgesTouching("Company").stream().map(EdgeType::name).toList());
    assertTrue(catalog.edgesTouching("Nobody").isEmpty());
  }

  @Test
  void nodeTableIsIdThenPropertiesWithStableIdMetadata() {
    NodeType person = catalog.node("Person").orElseThrow();
    Schema schema = person.arrowSchema();

    assertEquals(List.of("id", "name", "age"), person.columnNames());
    assertEquals(person.columnNames(), schema.getFields().stream().map(Field::getName).toList());
    Field id = schema.findField("id");
    assertEquals(ArrowType.Utf8.INSTANCE, id.getType());
    assertFalse(id.isNullable());
    assertTrue(id.getMetadata().isEmpty());
    assertEquals(Map.of(Property.STABLE_ID_METADATA, "5"), schema.findField("name").getMetadata());
    assertFalse(schema.findField("name").isNullable());
    assertEquals(new ArrowType.Int(32, true), schema.findField("age").getType());
    assertTrue(schema.findField("age").isNullable());
  }

  @Test
  void edgeTableIsIdSrcDstThenProperties() {
    EdgeType knows = catalog.edge("Knows").orElseThrow();
    Schema schema = knows.arrowSchema();

    assertEquals(List.of("id", "src", "dst", "since"), knows.columnNames());
    for (String column : List.of("id", "src", "dst")) {
      assertEquals(ArrowType.Utf8.INSTANCE, schema.findField(column).getType());
      assertFalse(schema.findField(column).isNullable());
    }
    assertEquals(new ArrowType.Date(DateUnit.DAY), schema.findField("since").getType());
    assertEquals("8", schema.findField("since").getMetadata().get(Property.STABLE_ID_METADATA));
  }

  @Test
  void catalogIsImmutable() {
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
        () -> catalog.nodeTypes().clear());
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
        () -> catalog.node("Person").orElseThrow().properties().clear());
  }
}

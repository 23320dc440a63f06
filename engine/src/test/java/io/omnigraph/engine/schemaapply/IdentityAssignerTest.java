package io.omnigraph.engine.schemaapply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.SchemaCompiler;
import org.junit.jupiter.api.Test;

/** Stable identity across schema versions (SPEC §1.4). */
class IdentityAssignerTest {
  static final Catalog ACCEPTED = SchemaCompiler.compile("""
      node Person { name: String @key
        age: I32? }
      edge Knows: Person -> Person
      """);

  private static Catalog assign(String desired) {
    return IdentityAssigner.assign(ACCEPTED, SchemaCompiler.compile(desired));
  }

  private static NodeType person(Catalog c, String name) {
    return c.node(name).orElseThrow();
  }

  @Test
  void unchangedNamesKeepEveryId() {
    Catalog next = assign("edge Knows: Person -> Person\nnode Person { age: I32?\n name: String @key }");
    NodeType before = person(ACCEPTED, "Person");
    NodeType after = person(next, "Person");
    assertEquals(before.stableTypeId(), after.stableTypeId());
    assertEquals(before.incarnationId(), after.incarnationId());
    assertEquals(before.property("name").orElseThrow().stableId(), after.property("name").orElseThrow().stableId());
    assertEquals(before.property("age").orElseThrow().stableId(), after.property("age").orElseThrow().stableId());
    assertEquals(ACCEPTED.edge("Knows").orElseThrow().stableTypeId(), next.edge("knows").orElseThrow().stableTypeId());
    assertEquals(ACCEPTED.nextIdentityId(), next.nextIdentityId(), "nothing new, nothing allocated");
  }

  @Test
  void newTypesAndPropertiesTakeIdsAboveTheAcceptedCounter() {
    Catalog next = assign("""
        node Person { name: String @key
          age: I32?
          nick: String? }
        node Team { name: String @key }
        edge Knows: Person -> Person
        """);
    long counter = ACCEPTED.nextIdentityId();
    assertTrue(person(next, "Person").property("nick").orElseThrow().stableId() >= counter);
    NodeType team = person(next, "Team");
    assertTrue(team.stableTypeId() >= counter && team.incarnationId() >= counter);
    assertTrue(team.property("name").orElseThrow().stableId() >= counter);
    assertEquals(counter + 4, next.nextIdentityId());
  }

  @Test
  void aRenameKeepsIdsAndItsOldNameMayBeReused() {
    Catalog next = assign("""
        node Human @rename_from("Person") { name: String @key
          years: I32? @rename_from("age") }
        node Person { name: String @key }
        edge Knows: Human -> Human
        """);
    NodeType old = person(ACCEPTED, "Person");
    NodeType human = person(next, "Human");
    assertEquals(old.stableTypeId(), human.stableTypeId());
    assertEquals(old.property("age").orElseThrow().stableId(), human.property("years").orElseThrow().stableId());
    assertNotEquals(old.stableTypeId(), person(next, "Person").stableTypeId());
  }

  @Test
  void aStaleRenameFromChangesNothing() {
    Catalog renamed = assign("node Human @rename_from(\"Person\") { name: String @key\n age: I32? }\nedge Knows: Human -> Human");
    Catalog again = IdentityAssigner.assign(renamed,
        SchemaCompiler.compile("node Human @rename_from(\"Person\") { name: String @key\n age: I32? }\nedge Knows: Human -> Human"));
    for (EntityType t : renamed.allTypes()) {
      assertEquals(t.stableTypeId(), again.type(t.name()).orElseThrow().stableTypeId());
    }
    assertEquals(renamed.nextIdentityId(), again.nextIdentityId());
  }
}

package io.omnigraph.engine.schemaapply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.OmniGraphException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which step each kind of schema edit plans to, and which edits are refused (SPEC §6). */
class SchemaPlanTest {
  static final String BASE = """
      interface Named { label: String? }
      node Person @description("people") implements Named {
        name: String @key
        age: I32? @description("years")
        status: enum(active, retired)?
        email: String? @unique
        score: F64?
        @range(score, 0..100)
        @check(email, ".+@.+")
      }
      node Company { name: String @key }
      node Note { text: String }
      edge WorksAt: Person -> Company @card(0..1)
      """;

  @TempDir static Path dir;
  static Graph g;
  static SchemaApply schema;

  @BeforeAll
  static void init() {
    g = Graph.init(dir.resolve("g").toString(), BASE);
    schema = new SchemaApply(g.context());
  }

  @AfterAll
  static void close() {
    g.close();
  }

  static Stream<Arguments> edits() {
    return Stream.of(
        supported("new type", BASE + "node Team { name: String @key }", "add_type"),
        supported("type rename", BASE.replace("node Company {", "node Firm @rename_from(\"Company\") {")
            .replace("-> Company", "-> Firm"), "rename_type"),
        supported("nullable property", BASE.replace("score: F64?", "score: F64?\n  nick: String?"), "add_property"),
        supported("property rename", BASE.replace("age: I32?", "years: I32? @rename_from(\"age\")"), "rename_property"),
        supported("new index", BASE.replace("score: F64?", "score: F64? @index"), "add_constraint"),
        supported("enum widening", BASE.replace("enum(active, retired)", "enum(active, paused, retired)"), "extend_enum"),
        supported("type description", BASE.replace("@description(\"people\")", "@description(\"humans\")"),
            "update_type_metadata"),
        supported("type instruction", BASE.replace("node Company {", "node Company @instruction(\"firms\") {"),
            "update_type_metadata"),
        supported("property description", BASE.replace("@description(\"years\")", "@description(\"age in years\")"),
            "update_property_metadata"),
        supported("property drop", BASE.replace("  status: enum(active, retired)?\n", ""), "drop_property"),
        supported("type drop", BASE.replace("edge WorksAt: Person -> Company @card(0..1)\n", ""), "drop_type"),
        refused("required property", BASE.replace("score: F64?", "score: F64?\n  nick: String"), "OG-MF-103"),
        refused("property type", BASE.replace("age: I32?", "age: F64?"), "OG-MF-106"),
        refused("nullability", BASE.replace("age: I32?", "age: I32"), "OG-MF-106"),
        refused("enum narrowing", BASE.replace("enum(active, retired)", "enum(active)"), "OG-MF-106"),
        refused("enum to String", BASE.replace("enum(active, retired)?", "String?"), "OG-MF-106"),
        refused("edge endpoints", BASE.replace("WorksAt: Person -> Company", "WorksAt: Company -> Person"), null),
        refused("cardinality", BASE.replace("@card(0..1)", "@card(0..2)"), null),
        refused("new unique", BASE.replace("score: F64?", "score: F64? @unique"), null),
        refused("removed unique", BASE.replace("email: String? @unique", "email: String?"), null),
        refused("new range", BASE.replace("@check(", "@range(age, 0..150)\n  @check("), null),
        refused("removed check", BASE.replace("  @check(email, \".+@.+\")\n", ""), null),
        refused("changed range", BASE.replace("0..100", "0..1000"), null),
        refused("new key", BASE.replace("text: String }", "text: String @key }"), null),
        refused("removed interface", BASE.replace("interface Named { label: String? }", "")
            .replace(" implements Named", "").replace("score: F64?", "score: F64?\n  label: String?"), null),
        refused("custom annotation", BASE.replace("score: F64?", "score: F64? @sensitive"), null));
  }

  private static Arguments supported(String name, String desired, String kind) {
    return Arguments.of(name, desired, List.of(kind), true, null);
  }

  private static Arguments refused(String name, String desired, String code) {
    return Arguments.of(name, desired, List.of("unsupported_change"), false, code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void eachEditPlansItsStep(String name, String desired, List<String> kinds, boolean supported, String code) {
    SchemaPlan plan = schema.plan(desired);
    assertEquals(supported, plan.supported(), plan.toString());
    assertTrue(plan.steps().stream().map(SchemaStep::kind).toList().containsAll(kinds), plan.toString());
    if (!supported) {
      assertEquals(code, plan.firstUnsupported().orElseThrow().code(), plan.toString());
      OmniGraphException e = org.junit.jupiter.api.Assertions.assertThrows(OmniGraphException.class,
          () -> schema.apply(desired, false));
      assertEquals(plan.firstUnsupported().orElseThrow().message(), e.getMessage());
    }
  }

  @Test
  void droppingANodeTypeListsItsEdgeTypesAsDrops() {
    String desired = BASE.replace("node Company { name: String @key }\n", "")
        .replace("edge WorksAt: Person -> Company @card(0..1)\n", "");
    SchemaPlan plan = schema.plan(desired);
    assertEquals(List.of("node:Company", "edge:WorksAt"), plan.steps().stream()
        .map(s -> ((SchemaStep.DropType) s).typeKind().label() + ":" + ((SchemaStep.DropType) s).name()).toList());
    assertTrue(new Proposal(null, null, plan).steps(true).stream()
        .allMatch(s -> ((SchemaStep.DropType) s).mode() == DropMode.HARD));
  }

  @Test
  void planningWritesNothing() {
    long before = g.snapshot("main").manifestVersion();
    schema.plan(BASE + "node Team { name: String @key }");
    assertEquals(before, g.snapshot("main").manifestVersion());
    assertFalse(SchemaApplyLock.held(g.context()));
    assertEquals(BASE, g.context().store().read(Graph.SCHEMA_FILE).orElseThrow());
  }
}

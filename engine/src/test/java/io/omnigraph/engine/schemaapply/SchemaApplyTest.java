package io.omnigraph.engine.schemaapply;

import static io.omnigraph.engine.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.storage.InternalBranches;
import io.omnigraph.engine.storage.StoreLock;
import io.omnigraph.engine.storage.TableRef;
import io.omnigraph.engine.write.GraphTransaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema apply on the fixture graph: SPEC §11 scenarios 41–46 and 28, identity and effects. */
class SchemaApplyTest {
  static final String WITH_NICKNAME = """
      node Person {
        name: String @key
        age: I32?
        nickname: String?
      }
      node Company { name: String @key }
      edge Knows: Person -> Person { since: Date? }
      edge WorksAt: Person -> Company
      """;

  @TempDir Path dir;
  Graph g;
  SchemaApply schema;

  @BeforeEach
  void setUp() {
    g = Fixtures.loaded(dir);
    schema = new SchemaApply(g.context());
  }

  @AfterEach
  void tearDown() {
    g.close();
  }

  private long gmv() {
    return g.snapshot("main").manifestVersion();
  }

  private TableEntry entry(String type) {
    return g.snapshot("main").entry(g.catalog().type(type).orElseThrow());
  }

  @Test
  void applyIsRefusedWhileAnotherBranchExists() {
    g.createBranch("feature", "main");
    long before = gmv();
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> schema.apply(WITH_NICKNAME, false));
    assertEquals(ErrorKind.STATE, e.kind());
    assertTrue(e.getMessage().contains("schema apply requires a graph with only main"), e.getMessage());
    assertTrue(e.getMessage().contains("feature"), e.getMessage());
    assertEquals(before, gmv());
  }

  @Test
  void identicalSchemaIsNotApplied() {
    long before = gmv();
    String reformatted = "// same graph, other layout\n" + Fixtures.schema().replace("  ", "\t") + "\n\n";
    SchemaApplyResult r = schema.apply(reformatted, false);
    assertTrue(r.supported());
    assertFalse(r.applied());
    assertEquals(List.of(), r.steps());
    assertEquals(before, r.manifestVersion());
    assertEquals(before, gmv());
    assertEquals(Fixtures.schema(), g.context().store().read(Graph.SCHEMA_FILE).orElseThrow());
  }

  @Test
  void changingAPropertyTypeIsRefusedWithItsCode() {
    long before = gmv();
    String desired = Fixtures.schema().replace("age: I32?", "age: I64?");
    SchemaPlan plan = schema.plan(desired);
    assertFalse(plan.supported());
    SchemaStep.UnsupportedChange u = plan.firstUnsupported().orElseThrow();
    assertEquals("OG-MF-106", u.code());
    assertEquals("unsupported_change", u.kind());
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> schema.apply(desired, false));
    assertEquals(ErrorKind.BAD_INPUT, e.kind());
    assertTrue(e.getMessage().startsWith("[OG-MF-106] "), e.getMessage());
    assertTrue(e.getMessage().contains("changing property type"), e.getMessage());
    assertEquals(before, gmv());
  }

  @Test
  void addingARequiredPropertyIsRefused() {
    long before = gmv();
    String desired = Fixtures.schema().replace("age: I32?", "age: I32?\n  email: String");
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> schema.apply(desired, false));
    assertTrue(e.getMessage().contains("OG-MF-103"), e.getMessage());
    assertEquals(before, gmv());
    assertFalse(SchemaApplyLock.held(g.context()), "a refused apply never takes the lock");
  }

  @Test
  void droppingTypesTombstonesThemAndKeepsTheirHistory() {
    long before = gmv();
    String parent = g.snapshot("main").headCommitId();
    TableEntry company = entry("Company");
    String desired = """
        node Person { name: String @key
          age: I32? }
        edge Knows: Person -> Person { since: Date? }
        """;
    SchemaPlan plan = schema.plan(desired);
    assertEquals(List.of(new SchemaStep.DropType(io.omnigraph.engine.schema.TypeKind.NODE, "Company", DropMode.SOFT),
        new SchemaStep.DropType(io.omnigraph.engine.schema.TypeKind.EDGE, "WorksAt", DropMode.SOFT)), plan.steps());

    SchemaApplyResult r = schema.apply(desired, false);
    assertTrue(r.applied());
    assertEquals(before + 1, r.manifestVersion());
    assertEquals(before + 1, gmv());
    Set<String> now = tableKeys(g.snapshot("main").state().tables());
    assertEquals(Set.of("node:Person", "edge:Knows"), now);
    Set<String> then = tableKeys(g.snapshotAt("main", before).state().tables());
    assertTrue(then.containsAll(Set.of("node:Company", "edge:WorksAt")), then.toString());
    assertTrue(g.catalog().type("Company").isEmpty());
    TableRef old = new TableRef(g.context().store().uri(company.location()), null, company.version());
    assertEquals(2, g.context().tables().count(old, null), "a soft drop keeps the old rows readable");
    io.omnigraph.engine.commit.GraphCommit head = g.commits("main").get(0);
    assertEquals(before + 1, head.manifestVersion());
    assertEquals(parent, head.parentCommitId());
    assertNull(head.actorId());
  }

  @Test
  void wideningAnEnumNeedsNoRewriteAndNarrowingIsRefused() {
    g.close();
    g = Graph.init(dir.resolve("tasks").toString(), "node Task { title: String @key\n status: enum(todo, done) }");
    schema = new SchemaApply(g.context());
    insert("Task", Map.of("title", "a", "status", "todo"));
    TableEntry before = entry("Task");

    SchemaApplyResult r = schema.apply("node Task { title: String @key\n status: enum(todo, in_progress, done) }", false);
    assertEquals(List.of(new SchemaStep.ExtendEnum(io.omnigraph.engine.schema.TypeKind.NODE, "Task", "status",
        List.of("in_progress"))), r.steps());
    assertEquals(before.version(), entry("Task").version(), "an enum widening does not rewrite the table");
    insert("Task", Map.of("title", "b", "status", "in_progress"));
    assertEquals("in_progress", g.snapshot("main").get("Task", "b").orElseThrow().get("status"));

    assertFalse(schema.apply("node Task { title: String @key\n status: enum(done, in_progress, todo) }", false).applied(),
        "enum order is not a change");
    OmniGraphException e = assertThrows(OmniGraphException.class,
        () -> schema.apply("node Task { title: String @key\n status: enum(todo, done) }", false));
    assertTrue(e.getMessage().startsWith("[OG-MF-106]"), e.getMessage());
    assertThrows(OmniGraphException.class, () -> schema.apply("node Task { title: String @key\n status: String }", false));
  }

  @Test
  void aRenamedTypeKeepsItsRowsAtOlderVersionsAndAReAddedNameDoesNot() {
    long beforeRename = gmv();
    long personId = entry("Person").stableTableId();
    String renamed = """
        node Human @rename_from("Person") { name: String @key
          age: I32? }
        node Company { name: String @key }
        edge Knows: Human -> Human { since: Date? }
        edge WorksAt: Human -> Company
        """;
    SchemaApplyResult r = schema.apply(renamed, false);
    assertEquals(List.of(new SchemaStep.RenameType(io.omnigraph.engine.schema.TypeKind.NODE, "Person", "Human")),
        r.steps());
    assertEquals(personId, entry("Human").stableTableId());
    assertEquals("node:Human", entry("Human").tableKey());
    assertEquals(30, g.snapshot("main").get("Human", "Alice").orElseThrow().get("age"));
    assertEquals(30, g.snapshotAt("main", beforeRename).get("Human", "Alice").orElseThrow().get("age"));
    assertEquals(Set.of("Alice", "Bob"), ids(g.snapshot("main"), "WorksAt").stream()
        .map(id -> (String) g.snapshot("main").get("WorksAt", id).orElseThrow().get("src")).collect(Collectors.toSet()));

    SchemaApplyResult readd = schema.apply(renamed + "node Person { name: String @key }\n", false);
    assertEquals(List.of(new SchemaStep.AddType(io.omnigraph.engine.schema.TypeKind.NODE, "Person")), readd.steps());
    assertNotEquals(personId, entry("Person").stableTableId(), "a re-added name is a new lifetime");
    assertEquals(Set.of(), ids(g.snapshot("main"), "Person"));
    OmniGraphException e = assertThrows(OmniGraphException.class,
        () -> g.snapshotAt("main", beforeRename).get("Person", "Alice"));
    assertTrue(e.getMessage().contains("does not exist at this snapshot"), e.getMessage());
    assertEquals(30, g.snapshotAt("main", beforeRename).get("Human", "Alice").orElseThrow().get("age"));
  }

  @Test
  void addingANullablePropertyRewritesTheTableOnceWithNulls() {
    TableEntry before = entry("Person");
    SchemaApplyResult r = schema.apply(WITH_NICKNAME, false);
    assertEquals(List.of(new SchemaStep.AddProperty(io.omnigraph.engine.schema.TypeKind.NODE, "Person", "nickname",
        "String?")), r.steps());
    TableEntry after = entry("Person");
    assertEquals(before.version() + 1, after.version());
    assertEquals(before.location(), after.location());
    assertEquals(4, after.rowCount());
    Map<String, Object> alice = g.snapshot("main").get("Person", "Alice").orElseThrow();
    assertEquals(30, alice.get("age"));
    assertNull(alice.get("nickname"));
    insert("Person", Map.of("name", "Eve", "nickname", "evie"));
    assertEquals("evie", g.snapshot("main").get("Person", "Eve").orElseThrow().get("nickname"));
    assertEquals(3, ids(g.snapshot("main"), "Knows").size(), "untouched tables keep their rows");
  }

  @Test
  void aRenamedKeyPropertyKeepsItsIdentityAndIds() {
    long nameId = g.catalog().node("Person").orElseThrow().property("name").orElseThrow().stableId();
    String desired = Fixtures.schema().replace("name: String @key\n  age", "full_name: String @key @rename_from(\"name\")\n  age");
    SchemaApplyResult r = schema.apply(desired, false);
    assertEquals(List.of(new SchemaStep.RenameProperty(io.omnigraph.engine.schema.TypeKind.NODE, "Person", "name",
        "full_name")), r.steps());
    assertEquals(nameId, g.catalog().node("Person").orElseThrow().property("full_name").orElseThrow().stableId());
    assertEquals("Alice", g.snapshot("main").get("Person", "Alice").orElseThrow().get("full_name"));
    insert("Person", Map.of("full_name", "Zed"));
    assertTrue(g.snapshot("main").get("Person", "Zed").isPresent(), "new rows derive their id from the renamed key");
  }

  @Test
  void aSoftPropertyDropKeepsTheColumnInOlderVersions() {
    TableEntry before = entry("Person");
    String desired = Fixtures.schema().replace("  age: I32?\n", "");
    SchemaApplyResult r = schema.apply(desired, false);
    assertEquals(List.of(new SchemaStep.DropProperty(io.omnigraph.engine.schema.TypeKind.NODE, "Person", "age",
        DropMode.SOFT)), r.steps());
    assertFalse(g.snapshot("main").get("Person", "Alice").orElseThrow().containsKey("age"));
    assertEquals(30, oldAge(before));
  }

  @Test
  void allowingDataLossMakesDropsHardAndReclaimsOldData() {
    TableEntry person = entry("Person");
    TableEntry company = entry("Company");
    String desired = """
        node Person { name: String @key }
        edge Knows: Person -> Person { since: Date? }
        """;
    SchemaApplyResult r = schema.apply(desired, true);
    assertTrue(r.steps().stream().allMatch(s -> s instanceof SchemaStep.DropType d ? d.mode() == DropMode.HARD
        : s instanceof SchemaStep.DropProperty p && p.mode() == DropMode.HARD), r.steps().toString());
    assertEquals(3, r.steps().size());
    assertFalse(g.context().store().exists(company.location()), "a hard-dropped type's dataset is gone");
    RuntimeException gone = assertThrows(RuntimeException.class, () -> oldAge(person));
    assertTrue(gone.getMessage().contains("not found"), "the old version's data files are deleted: " + gone);
    assertEquals(Set.of("Alice", "Bob", "Charlie", "Diana"), ids(g.snapshot("main"), "Person"));
  }

  @Test
  void theAppliedSchemaSurvivesAReopen() {
    schema.apply(WITH_NICKNAME, false);
    EntityType person = g.catalog().node("Person").orElseThrow();
    g.close();
    g = Graph.open(dir.resolve("g").toString(), false);
    assertEquals(person, g.catalog().node("Person").orElseThrow());
    assertEquals(WITH_NICKNAME, g.context().store().read(Graph.SCHEMA_FILE).orElseThrow());
    assertNull(g.snapshot("main").get("Person", "Alice").orElseThrow().get("nickname"));
  }

  @Test
  void aHeldLockRefusesAnotherApplyAndStaysHidden() {
    // Another applier, alive: it holds the owner lock and has created the lock branch.
    StoreLock otherApplier = g.context().store().tryLock("__locks/schema-apply.lock").orElseThrow();
    InternalBranches.create(g.context().manifest(), SchemaApplyLock.BRANCH);
    assertEquals(List.of("main"), g.branches());
    OmniGraphException e = assertThrows(OmniGraphException.class, () -> schema.apply(WITH_NICKNAME, false));
    assertEquals(SchemaApplyLock.IN_PROGRESS, e.getMessage());
    assertTrue(SchemaApplyLock.held(g.context()), "the other apply's lock is left alone");
    assertThrows(OmniGraphException.class, () -> InternalBranches.create(g.context().manifest(), SchemaApplyLock.BRANCH),
        "two appliers racing past the check cannot both create the lock");
    g.context().manifest().deleteBranch(SchemaApplyLock.BRANCH);
    otherApplier.close();
    assertTrue(schema.apply(WITH_NICKNAME, false).applied());
    assertFalse(SchemaApplyLock.held(g.context()), "the lock is released after an apply");
  }

  @Test
  void aLockBranchLeftByADeadApplierBlocksNothing() {
    // An applier killed mid-apply leaves the branch; the kernel dropped its owner lock.
    InternalBranches.create(g.context().manifest(), SchemaApplyLock.BRANCH);
    assertFalse(SchemaApplyLock.held(g.context()), "no live applier holds it");
    g.createBranch("feature", "main");
    g.deleteBranch("feature");
    InternalBranches.create(g.context().manifest(), SchemaApplyLock.BRANCH);
    assertTrue(schema.apply(WITH_NICKNAME, false).applied());
    assertFalse(g.context().manifest().branchNames().contains(SchemaApplyLock.BRANCH));
  }

  @Test
  void aFailureBeforeThePublishLeavesTheGraphAsItWas() {
    long before = gmv();
    TableEntry person = entry("Person");
    g.context().failpoints().arm(SchemaMigration.BEFORE_PUBLISH);
    String desired = WITH_NICKNAME + "node Team { name: String @key }\n";
    assertThrows(RuntimeException.class, () -> schema.apply(desired, false));
    g.context().failpoints().disarmAll();
    assertFalse(SchemaApplyLock.held(g.context()), "the lock is released on failure");
    assertEquals(before, gmv());
    assertEquals(person.version(), entry("Person").version(), "the manifest still pins the pre-apply table");
    assertTrue(g.catalog().type("Team").isEmpty());
    assertEquals(Fixtures.schema(), g.context().store().read(Graph.SCHEMA_FILE).orElseThrow());

    g.close();
    g = Graph.open(dir.resolve("g").toString(), false);
    schema = new SchemaApply(g.context());
    assertEquals(30, g.snapshot("main").get("Person", "Alice").orElseThrow().get("age"));
    SchemaApplyResult r = schema.apply(desired, false);
    assertTrue(r.applied(), "after recovery the same apply succeeds");
    assertTrue(g.snapshot("main").get("Person", "Alice").isPresent());
    assertEquals(Set.of(), ids(g.snapshot("main"), "Team"));
  }

  private int oldAge(TableEntry pinned) {
    TableRef ref = new TableRef(g.context().store().uri(pinned.location()), null, pinned.version());
    try (RowCursor c = g.context().tables().scan(ref, List.of("id", "age"), "id = 'Alice'", null)) {
      assertTrue(c.next());
      return (Integer) c.row()[1];
    }
  }

  private void insert(String type, Map<String, Object> row) {
    try (GraphTransaction tx = g.begin("main", null)) {
      tx.insert(type, List.of(row));
      tx.commit();
    }
  }

  private static Set<String> tableKeys(java.util.Collection<TableEntry> entries) {
    return entries.stream().map(TableEntry::tableKey).collect(Collectors.toSet());
  }
}

package io.omnigraph.engine.recovery;

import io.omnigraph.engine.storage.StorageOptions;

import static io.omnigraph.engine.recovery.RecoveryFixtures.assertPublishedEqualsHead;
import static io.omnigraph.engine.recovery.RecoveryFixtures.audit;
import static io.omnigraph.engine.recovery.RecoveryFixtures.commitsBy;
import static io.omnigraph.engine.recovery.RecoveryFixtures.editSidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.entry;
import static io.omnigraph.engine.recovery.RecoveryFixtures.head;
import static io.omnigraph.engine.recovery.RecoveryFixtures.interrupt;
import static io.omnigraph.engine.recovery.RecoveryFixtures.onlySidecar;
import static io.omnigraph.engine.recovery.RecoveryFixtures.readJson;
import static io.omnigraph.engine.recovery.RecoveryFixtures.reopen;
import static io.omnigraph.engine.recovery.RecoveryFixtures.root;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.Fixtures;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.commit.TableEntry;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.schemaapply.SchemaApply;
import io.omnigraph.engine.storage.RecoveryAuditStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §11 recovery scenarios 47–51. */
class RecoveryScenariosTest {
  @TempDir Path dir;

  @Test
  void s47_aCleanReadWriteOpenCreatesNoRecoveryDirectoryAndNoAuditLog() {
    Path root = dir.resolve("g");
    Graph.init(root.toString(), Fixtures.schema(), StorageOptions.NONE, Fixtures.direct()).close();
    try (Graph g = Graph.open(root.toString(), false, StorageOptions.NONE, Fixtures.direct())) {
      assertFalse(Files.exists(root.resolve(RecoveryJournal.DIR)));
      assertFalse(Files.exists(root.resolve(RecoveryAuditStore.DIR)));
      assertEquals(List.of(), audit(g));
    }
  }

  @Test
  void s48_aSidecarFromANewerEngineStopsTheOpenAndIsKept() throws Exception {
    Path sidecar = sidecarLeftBy(Failpoints.COMMIT_BEFORE_PUBLISH);
    editSidecar(sidecar, json -> json.put("schema_version", 99));
    String before = Files.readString(sidecar);
    RecoveryRequired e = assertThrows(RecoveryRequired.class, () -> Graph.open(dir.resolve("g").toString(), false,
        StorageOptions.NONE, Fixtures.direct()));
    assertTrue(e.getMessage().contains("schema_version=99"), e.getMessage());
    assertTrue(e.getMessage().contains("newer than the maximum"), e.getMessage());
    assertEquals(before, Files.readString(sidecar));
    try (Graph readOnly = Graph.open(dir.resolve("g").toString(), true, StorageOptions.NONE, Fixtures.direct())) {
      assertFalse(readOnly.snapshot("main").get("Person", "Eve").isPresent());
    }
  }

  @Test
  void s49_aMutationThatReachedItsPostCommitPinIsRolledForwardWithItsActor() {
    Graph g = Fixtures.loaded(dir, Fixtures.direct());
    long p = entry(g, "main", "node:Person").version();
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH, () -> {
      try (var tx = g.begin("main", "alice")) {
        tx.insert("Person", List.of(Fixtures.person("Eve", 22)));
        tx.commit();
      }
    });
    ObjectNode json = readJson(onlySidecar(root(g)));
    assertEquals("Mutation", json.get("writer_kind").asText());
    assertEquals(p, json.get("tables").get(0).get("expected_version").asLong());
    assertEquals(p + 1, json.get("tables").get(0).get("post_commit_pin").asLong());

    try (Graph reopened = reopen(g)) {
      TableEntry person = entry(reopened, "main", "node:Person");
      assertEquals(p + 1, person.version());
      assertEquals(head(reopened, person, null), person.version(), "manifest pin == HEAD");
      assertEquals(List.of(), RecoveryFixtures.sidecars(root(reopened)));
      RecoveryRecord r = audit(reopened).get(0);
      assertEquals(RecoveryKind.RolledForward, r.kind());
      assertEquals("alice", r.recoveryForActor());
      assertEquals(22, reopened.snapshot("main").get("Person", "Eve").orElseThrow().get("age"));
    }
  }

  @Test
  void s50_aLoadWhosePinsDisagreeWithHeadIsRolledBackByTheRecoveryActor() {
    Graph g = Fixtures.loaded(dir, Fixtures.direct());
    long p = entry(g, "main", "node:Person").version();
    int commitsBefore = g.commits("main").size();
    interrupt(g, Failpoints.COMMIT_BEFORE_PUBLISH,
        () -> RecoveryFixtures.loadPersonAndCompany(g, "main", "Eve", "loader"));
    assertEquals("Load", readJson(onlySidecar(root(g))).get("writer_kind").asText());
    editSidecar(onlySidecar(root(g)), json -> {
      json.withArray("tables").forEach(t -> ((ObjectNode) t).put("post_commit_pin", t.get("expected_version").asLong()));
    });

    try (Graph reopened = reopen(g)) {
      assertPublishedEqualsHead(reopened, "main");
      TableEntry person = entry(reopened, "main", "node:Person");
      assertEquals(p + 2, person.version(), "HEAD P+1 restored to P's content as P+2, and published");
      assertFalse(reopened.snapshot("main").get("Person", "Eve").isPresent());
      List<RecoveryRecord> records = audit(reopened);
      assertEquals(1, records.size());
      assertEquals(RecoveryKind.RolledBack, records.get(0).kind());
      assertEquals("loader", records.get(0).recoveryForActor());
      assertEquals(WriterKind.Load, records.get(0).sidecarWriterKind());
      assertEquals(1, commitsBy(reopened, "main", SidecarResolver.RECOVERY_ACTOR).size());
      assertEquals(commitsBefore + 1, reopened.commits("main").size());
      assertTrue(records.get(0).perTableOutcomes().contains(new TableOutcome("node:Person", p + 1, p)));
      String withNickname = Fixtures.schema().replace("age: I32?", "age: I32?\n  nickname: String?");
      assertTrue(new SchemaApply(reopened.context()).apply(withNickname, false).applied(),
          "a schema apply after the roll-back succeeds");
      RecoveryFixtures.loadPersonAndCompany(reopened, "main", "Eve", "loader");
      assertTrue(reopened.snapshot("main").get("Person", "Eve").isPresent());
      assertPublishedEqualsHead(reopened, "main");
    }
  }

  @Test
  void s51_aCorruptSidecarStopsReadWriteOpensAndWritesButNotReadOnlyOpens() throws Exception {
    Graph g = Fixtures.loaded(dir, Fixtures.direct());
    Path root = root(g);
    Path corrupt = root.resolve(RecoveryJournal.DIR).resolve("01CORRUPTSIDECAR0000000000.json");
    Files.createDirectories(corrupt.getParent());
    Files.writeString(corrupt, "{\"schema_version\": 9, \"operation_id\": ");

    RecoveryRequired onWrite = assertThrows(RecoveryRequired.class,
        () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "writer"));
    assertTrue(onWrite.getMessage().contains("is not valid JSON"), onWrite.getMessage());
    assertTrue(onWrite.getMessage().contains("01CORRUPTSIDECAR0000000000.json"), onWrite.getMessage());
    assertEquals(ErrorKind.RECOVERY_REQUIRED, onWrite.kind());
    g.close();

    RecoveryRequired onOpen = assertThrows(RecoveryRequired.class, () -> Graph.open(root.toString(), false,
        StorageOptions.NONE, Fixtures.direct()));
    assertTrue(onOpen.getMessage().contains("is not valid JSON"), onOpen.getMessage());
    assertTrue(onOpen.getMessage().contains("01CORRUPTSIDECAR0000000000.json"), onOpen.getMessage());
    assertTrue(Files.exists(corrupt), "the file is kept for inspection");
    try (Graph readOnly = Graph.open(root.toString(), true, StorageOptions.NONE, Fixtures.direct())) {
      assertEquals(4, readOnly.snapshot("main").count("Person", io.omnigraph.engine.read.Predicate.TRUE));
    }
  }

  /** A fixture graph, closed, with the sidecar a mutation interrupted at {@code failpoint} left. */
  private Path sidecarLeftBy(String failpoint) {
    try (Graph g = Fixtures.loaded(dir, Fixtures.direct())) {
      interrupt(g, failpoint, () -> RecoveryFixtures.mutatePersonAndCompany(g, "main", "Eve", "writer"));
      return onlySidecar(root(g));
    }
  }
}

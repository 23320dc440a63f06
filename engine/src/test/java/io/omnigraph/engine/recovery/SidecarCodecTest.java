package io.omnigraph.engine.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidecarCodecTest {
  private static final String PATH = "__recovery/01OPERATION000000000000000.json";

  private static RecoverySidecar sample() {
    return new RecoverySidecar(9, "01OPERATION000000000000000", 1_700_000_000_000_000L, "feature", "alice",
        WriterKind.BranchMerge, "01COMMIT000000000000000000", "01SOURCEHEAD00000000000000", List.of(
            new TablePin("table:0000000000000001:0000000000000002", "node:Person", "nodes/0000000000000001-0000000000000002",
                3, 4, null, "feature"),
            new TablePin("table:0000000000000003:0000000000000001", "edge:Knows", "edges/0000000000000003-0000000000000001",
                7, 8, 9L, null)));
  }

  @Test
  void aSidecarSurvivesTheRoundTripWithEveryField() {
    RecoverySidecar s = sample();
    assertEquals(s, SidecarCodec.read(PATH, SidecarCodec.write(s)));
  }

  @Test
  void theJsonUsesTheSpecFieldNames() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SidecarCodec.write(sample()));
    assertEquals(9, json.get("schema_version").asInt());
    for (String f : List.of("operation_id", "started_at", "branch", "actor_id", "writer_kind", "commit_id",
        "merge_source_commit_id", "tables")) {
      assertTrue(json.has(f), f);
    }
    JsonNode t = json.get("tables").get(0);
    for (String f : List.of("identity", "table_key", "table_path", "expected_version", "post_commit_pin", "table_branch")) {
      assertTrue(t.has(f), f);
    }
    assertTrue(json.get("tables").get(1).has("confirmed_version"));
  }

  @Test
  void mainIsRecordedAsANullBranch() {
    RecoverySidecar s = new RecoverySidecar(9, "01OPERATION000000000000000", 0, "main", null, WriterKind.Mutation,
        "c", null, List.of());
    assertNull(s.branch());
    assertEquals("main", SidecarCodec.read(PATH, SidecarCodec.write(s)).branchName());
  }

  @Test
  void textThatIsNotJsonIsRefusedNamingTheFile() {
    RecoveryRequired e = assertThrows(RecoveryRequired.class, () -> SidecarCodec.read(PATH, "{ not json"));
    assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
    assertTrue(e.getMessage().contains(PATH), e.getMessage());
    assertEquals("01OPERATION000000000000000", e.operationId());
  }

  @Test
  void aNewerSchemaVersionIsRefused() {
    String text = SidecarCodec.write(sample()).replace("\"schema_version\" : 9", "\"schema_version\" : 99");
    RecoveryRequired e = assertThrows(RecoveryRequired.class, () -> SidecarCodec.read(PATH, text));
    assertTrue(e.getMessage().contains("schema_version=99"), e.getMessage());
    assertTrue(e.getMessage().contains("newer than the maximum"), e.getMessage());
  }

  @Test
  void aTableWithoutIdentityIsRefused() {
    String text = SidecarCodec.write(sample()).replace("\"identity\"", "\"not_identity\"");
    RecoveryRequired e = assertThrows(RecoveryRequired.class, () -> SidecarCodec.read(PATH, text));
    assertTrue(e.getMessage().contains("missing identity"), e.getMessage());
  }

  @Test
  void anUnknownWriterKindIsRefused() {
    String text = SidecarCodec.write(sample()).replace("BranchMerge", "Compaction");
    RecoveryRequired e = assertThrows(RecoveryRequired.class, () -> SidecarCodec.read(PATH, text));
    assertTrue(e.getMessage().contains("unknown writer_kind 'Compaction'"), e.getMessage());
  }

  @Test
  void aSidecarMustBeStoredUnderItsOwnOperationId() {
    String text = SidecarCodec.write(sample());
    RecoveryRequired e = assertThrows(RecoveryRequired.class,
        () -> SidecarCodec.read("__recovery/01SOMEOTHER000000000000000.json", text));
    assertTrue(e.getMessage().contains("does not match the file name"), e.getMessage());
  }
}

package io.omnigraph.engine.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link RecoverySidecar} (SPEC §7). Reading is strict: a sidecar that cannot
 * be understood fully is an error naming the file, never skipped, because skipping it could
 * publish or strand another writer's half-done work.
 */
final class SidecarCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SidecarCodec() {}

  static String write(RecoverySidecar s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema_version", s.schemaVersion());
    root.put("operation_id", s.operationId());
    root.put("started_at", s.startedAtMicros());
    root.put("branch", s.branch());
    root.put("actor_id", s.actorId());
    root.put("writer_kind", s.writerKind().name());
    root.put("commit_id", s.commitId());
    root.put("merge_source_commit_id", s.mergeSourceCommitId());
    ArrayNode tables = root.putArray("tables");
    for (TablePin t : s.tables()) {
      ObjectNode n = tables.addObject();
      n.put("identity", t.identity());
      n.put("table_key", t.tableKey());
      n.put("table_path", t.tablePath());
      n.put("expected_version", t.expectedVersion());
      n.put("post_commit_pin", t.postCommitPin());
      if (t.confirmedVersion() != null) n.put("confirmed_version", t.confirmedVersion());
      if (t.tableBranch() != null) n.put("table_branch", t.tableBranch());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Parses the sidecar stored at {@code path}.
   *
   * @throws RecoveryRequired if the text is not JSON, comes from a newer engine, or lacks a field
   */
  static RecoverySidecar read(String path, String text) {
    String operationId = operationIdOf(path);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RecoveryRequired(operationId, "recovery sidecar " + path + " is not valid JSON ("
          + e.getOriginalMessage() + "); repair or remove it before writing to this graph");
    }
    if (root == null || !root.isObject()) {
      throw new RecoveryRequired(operationId, "recovery sidecar " + path + " is not valid JSON (expected an object)");
    }
    int version = (int) number(root, "schema_version", path);
    if (version > RecoverySidecar.SCHEMA_VERSION) {
      throw new RecoveryRequired(operationId, "recovery sidecar " + path + " has schema_version=" + version
          + ", newer than the maximum this engine reads (" + RecoverySidecar.SCHEMA_VERSION + "); upgrade omnigraph");
    }
    WriterKind kind;
    try {
      kind = WriterKind.valueOf(text(root, "writer_kind", path, true));
    } catch (IllegalArgumentException e) {
      throw invalid(path, "unknown writer_kind '" + root.path("writer_kind").asText() + "'");
    }
    List<TablePin> tables = new ArrayList<>();
    JsonNode array = root.path("tables");
    if (!array.isArray()) throw invalid(path, "missing tables[]");
    for (JsonNode t : array) {
      String identity = text(t, "identity", path, true);
      if (!identity.matches("table:[0-9a-f]{16}:[0-9a-f]{16}")) {
        throw invalid(path, "table identity '" + identity + "' is not table:{stable id}:{incarnation}");
      }
      try {
        tables.add(new TablePin(identity, text(t, "table_key", path, true), text(t, "table_path", path, true),
            number(t, "expected_version", path), number(t, "post_commit_pin", path),
            t.hasNonNull("confirmed_version") ? (Long) number(t, "confirmed_version", path) : null,
            text(t, "table_branch", path, false)));
      } catch (IllegalArgumentException e) {
        throw invalid(path, e.getMessage());
      }
    }
    String recorded = text(root, "operation_id", path, true);
    if (!recorded.equals(operationId)) {
      throw invalid(path, "operation_id '" + recorded + "' does not match the file name");
    }
    return new RecoverySidecar(version, recorded, root.path("started_at").asLong(0), text(root, "branch", path, false),
        text(root, "actor_id", path, false), kind, text(root, "commit_id", path, false),
        text(root, "merge_source_commit_id", path, false), tables);
  }

  static String operationIdOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  private static long number(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || !v.canConvertToLong()) throw invalid(path, "missing or non-integer " + field);
    return v.asLong();
  }

  private static String text(JsonNode n, String field, String path, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) throw invalid(path, "missing " + field);
      return null;
    }
    if (!v.isTextual()) throw invalid(path, field + " must be a string");
    return v.asText();
  }

  private static RecoveryRequired invalid(String path, String why) {
    return new RecoveryRequired(operationIdOf(path), "recovery sidecar " + path + " is not a valid sidecar: " + why);
  }
}

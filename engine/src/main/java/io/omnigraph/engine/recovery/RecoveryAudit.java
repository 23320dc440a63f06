package io.omnigraph.engine.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.storage.RecoveryAuditStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery audit log of a graph ({@code _graph_commit_recoveries.lance}): what every completed
 * recovery did, for operators and for the SQL table {@code _graph_recoveries}. Works on read-only
 * handles too.
 */
public final class RecoveryAudit {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecoveryAuditStore store;

  public RecoveryAudit(EngineContext ctx) {
    this.store = new RecoveryAuditStore(ctx.store(), ctx.tables());
  }

  /** Every recorded recovery, oldest first; empty if the graph never needed one. */
  public List<RecoveryRecord> recoveries() {
    List<RecoveryRecord> out = new ArrayList<>();
    for (RecoveryAuditStore.Row r : store.read()) {
      out.add(new RecoveryRecord(r.graphCommitId(), RecoveryKind.valueOf(r.recoveryKind()), r.recoveryForActor(),
          r.operationId(), WriterKind.valueOf(r.sidecarWriterKind()), outcomes(r.perTableOutcomesJson()),
          r.createdAtMicros()));
    }
    return out;
  }

  /** True when a recovery of {@code operationId} is already recorded. */
  boolean recorded(String operationId) {
    return store.read().stream().anyMatch(r -> r.operationId().equals(operationId));
  }

  /** Records a completed recovery once: a sweep interrupted after this call must not record it twice. */
  void record(RecoveryRecord r) {
    if (recorded(r.operationId())) return;
    store.append(new RecoveryAuditStore.Row(r.graphCommitId(), r.kind().name(), r.recoveryForActor(), r.operationId(),
        r.sidecarWriterKind().name(), outcomesJson(r.perTableOutcomes()), r.createdAtMicros()));
  }

  /** The {@code per_table_outcomes_json} form: {@code [{table_key, from_version, to_version}]}. */
  public static String outcomesJson(List<TableOutcome> outcomes) {
    ArrayNode array = JSON.createArrayNode();
    for (TableOutcome o : outcomes) {
      array.addObject().put("table_key", o.tableKey()).put("from_version", o.fromVersion()).put("to_version", o.toVersion());
    }
    return array.toString();
  }

  private static List<TableOutcome> outcomes(String json) {
    List<TableOutcome> out = new ArrayList<>();
    try {
      for (JsonNode n : JSON.readTree(json)) {
        out.add(new TableOutcome(n.path("table_key").asText(), n.path("from_version").asLong(), n.path("to_version").asLong()));
      }
    } catch (JsonProcessingException e) {
      throw OmniGraphException.storage("corrupt per_table_outcomes_json in the recovery audit log: " + json, e);
    }
    return out;
  }
}

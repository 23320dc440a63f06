package io.omnigraph.calcite;

import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.recovery.RecoveryAudit;
import io.omnigraph.engine.recovery.RecoveryRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code _graph_recoveries}: the recovery audit (SPEC §7), one row per interrupted writer a
 * read-write open settled, oldest first. The same for every view: the audit is not versioned.
 */
final class RecoveriesTable extends SystemTable {
  static final String NAME = "_graph_recoveries";
  static final List<Column> COLUMNS = List.of(
      new Column("graph_commit_id", SqlTypeName.VARCHAR, true),
      new Column("recovery_kind", SqlTypeName.VARCHAR, false),
      new Column("recovery_for_actor", SqlTypeName.VARCHAR, true),
      new Column("operation_id", SqlTypeName.VARCHAR, false),
      new Column("sidecar_writer_kind", SqlTypeName.VARCHAR, false),
      new Column("per_table_outcomes", SqlTypeName.VARCHAR, false),
      new Column("created_at", SqlTypeName.TIMESTAMP, false));

  private final Graph graph;

  RecoveriesTable(Graph graph) {
    this.graph = graph;
  }

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Object[]> rows(ReadView view) {
    List<Object[]> rows = new ArrayList<>();
    for (RecoveryRecord r : graph.recoveries()) {
      rows.add(new Object[] {
          r.graphCommitId(), r.kind().name(), r.recoveryForActor(), r.operationId(), r.sidecarWriterKind().name(),
          RecoveryAudit.outcomesJson(r.perTableOutcomes()), Math.floorDiv(r.createdAtMicros(), 1000L)});
    }
    return rows;
  }
}

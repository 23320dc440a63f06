package io.omnigraph.calcite;

import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One row of row counts of a graph table, asked of the engine instead of counted by Calcite: see
 * {@link CountIntoScanRule}. EXPLAIN shows the table and the filter the count applies.
 */
final class EnumerableGraphCount extends EngineAnsweredRel {
  private final ScanFilter filter;

  EnumerableGraphCount(RelOptCluster cluster, RelOptTable table, EntityTable graphTable, ScanFilter filter,
      RelDataType rowType) {
    super(cluster, table, graphTable, rowType);
    this.filter = filter;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("filter", String.valueOf(filter), filter != null);
  }

  @Override
  Object spec() {
    return new CountSpec(graphTable.type().name(), filter, getRowType().getFieldCount());
  }
}

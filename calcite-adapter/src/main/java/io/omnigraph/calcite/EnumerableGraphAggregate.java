package io.omnigraph.calcite;

import io.omnigraph.engine.read.Aggregation.Measure;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * A grouped aggregate of one graph table computed by the engine, inside Lance where it can be:
 * see {@link AggregateIntoEngineRule}. EXPLAIN shows the grouping columns, the measures and the
 * filter.
 */
final class EnumerableGraphAggregate extends EngineAnsweredRel {
  private final List<String> groupBy;
  private final List<Measure> measures;
  private final List<Boolean> zeroWhenEmpty;
  private final ScanFilter filter;

  EnumerableGraphAggregate(RelOptCluster cluster, RelOptTable table, EntityTable graphTable, List<String> groupBy,
      List<Measure> measures, List<Boolean> zeroWhenEmpty, ScanFilter filter, RelDataType rowType) {
    super(cluster, table, graphTable, rowType);
    this.groupBy = List.copyOf(groupBy);
    this.measures = List.copyOf(measures);
    this.zeroWhenEmpty = List.copyOf(zeroWhenEmpty);
    this.filter = filter;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return groupBy.isEmpty() ? 1 : 100;
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("group", groupBy)
        .item("measures", measures)
        .itemIf("filter", String.valueOf(filter), filter != null);
  }

  @Override
  Object spec() {
    return new AggregateSpec(graphTable.type().name(), groupBy, measures, zeroWhenEmpty,
        getRowType().getFieldList().stream().map(RelDataTypeField::getType).map(RelDataType::getSqlTypeName).toList(),
        filter);
  }
}

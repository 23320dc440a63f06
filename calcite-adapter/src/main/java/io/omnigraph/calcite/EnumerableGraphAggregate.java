package io.omnigraph.calcite;

import io.omnigraph.engine.read.Aggregation.Measure;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A grouped aggregate of one graph table computed by the engine, inside Lance where it can be:
 * see {@link AggregateIntoEngineRule}. EXPLAIN shows the grouping columns, the measures and the
 * filter.
 */
final class EnumerableGraphAggregate extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final EntityTable graphTable;
  private final List<String> groupBy;
  private final List<Measure> measures;
  private final List<Boolean> zeroWhenEmpty;
  private final ScanFilter filter;
  private final RelDataType rowType;

  EnumerableGraphAggregate(RelOptCluster cluster, RelOptTable table, EntityTable graphTable, List<String> groupBy,
      List<Measure> measures, List<Boolean> zeroWhenEmpty, ScanFilter filter, RelDataType rowType) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.table = table;
    this.graphTable = graphTable;
    this.groupBy = List.copyOf(groupBy);
    this.measures = List.copyOf(measures);
    this.zeroWhenEmpty = List.copyOf(zeroWhenEmpty);
    this.filter = filter;
    this.rowType = rowType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return this;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return groupBy.isEmpty() ? 1 : 100;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .item("group", groupBy)
        .item("measures", measures)
        .itemIf("filter", String.valueOf(filter), filter != null);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, true);
    List<SqlTypeName> types = rowType.getFieldList().stream().map(RelDataTypeField::getType)
        .map(RelDataType::getSqlTypeName).toList();
    AggregateSpec spec = new AggregateSpec(graphTable.binding(), graphTable.type().name(), groupBy, measures,
        zeroWhenEmpty, types, filter);
    Expression stashed = implementor.stash(spec, AggregateSpec.class);
    Expression rows = Expressions.call(stashed, "enumerable", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}

package io.omnigraph.calcite;

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
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * One row of row counts of a graph table, asked of the engine instead of counted by Calcite: see
 * {@link CountIntoScanRule}. EXPLAIN shows the table and the filter the count applies.
 */
final class EnumerableGraphCount extends AbstractRelNode implements EnumerableRel {
  private final RelOptTable table;
  private final EntityTable graphTable;
  private final ScanFilter filter;
  private final RelDataType rowType;

  EnumerableGraphCount(RelOptCluster cluster, RelOptTable table, EntityTable graphTable, ScanFilter filter,
      RelDataType rowType) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.table = table;
    this.graphTable = graphTable;
    this.filter = filter;
    this.rowType = rowType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(org.apache.calcite.plan.RelTraitSet traits, List<RelNode> inputs) {
    return this;
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    return 1;
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", table.getQualifiedName())
        .itemIf("filter", String.valueOf(filter), filter != null);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, true);
    CountSpec spec = new CountSpec(graphTable.binding(), graphTable.type().name(), filter, rowType.getFieldCount());
    Expression stashed = implementor.stash(spec, CountSpec.class);
    Expression rows = Expressions.call(stashed, "enumerable", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}

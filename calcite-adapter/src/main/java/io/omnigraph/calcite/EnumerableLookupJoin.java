package io.omnigraph.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * An inner join of its input (left) with a graph table (right) on one identity column of the
 * table: see {@link LookupJoinSpec} for how it runs. EXPLAIN shows the table, the key and the
 * table's own pushed filter.
 */
final class EnumerableLookupJoin extends SingleRel implements EnumerableRel {
  private final GraphTableScan right;
  private final int leftKey;
  private final int rightKey;
  private final RelDataType joinType;

  EnumerableLookupJoin(RelOptCluster cluster, RelNode left, GraphTableScan right, int leftKey, int rightKey,
      RelDataType joinType) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE), left);
    this.right = right;
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.joinType = joinType;
  }

  @Override
  protected RelDataType deriveRowType() {
    return joinType;
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return new EnumerableLookupJoin(getCluster(), inputs.get(0), right, leftKey, rightKey, joinType);
  }

  @Override
  public double estimateRowCount(RelMetadataQuery mq) {
    // Each left row meets a few right rows along an identity column.
    return Math.max(1, mq.getRowCount(getInput()) * 4);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    double rows = estimateRowCount(mq);
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", right.getTable().getQualifiedName())
        .item("columns", String.join(", ", right.outputColumns()))
        .item("key", getInput().getRowType().getFieldNames().get(leftKey) + " = "
            + right.outputColumns().get(rightKey))
        .itemIf("filter", String.valueOf(right.filter), right.filter != null);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result left = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression leftRows = builder.append("left", left.block);
    Expression leftArrays = Expressions.convert_(left.physType.convertTo(leftRows, JavaRowFormat.ARRAY),
        Enumerable.class);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    LookupJoinSpec spec = new LookupJoinSpec(right.graphTable.type().name(),
        right.outputColumns(), right.filter, leftKey, rightKey, getInput().getRowType().getFieldCount());
    Expression stashed = implementor.stash(spec, LookupJoinSpec.class);
    builder.add(Expressions.return_(null,
        Expressions.call(stashed, "join", leftArrays, implementor.getRootExpression())));
    return implementor.result(physType, builder.toBlock());
  }
}

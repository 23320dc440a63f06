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
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A leaf of an executable plan whose rows the engine computes for one graph table (a count, a
 * grouped aggregate): it costs next to nothing to the planner, so it wins over reading the rows,
 * and runs by calling {@code enumerable(DataContext)} on the spec it stashes in the generated code.
 */
abstract class EngineAnsweredRel extends AbstractRelNode implements EnumerableRel {
  final RelOptTable table;
  final EntityTable graphTable;
  private final RelDataType rowType;

  EngineAnsweredRel(RelOptCluster cluster, RelOptTable table, EntityTable graphTable, RelDataType rowType) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.table = table;
    this.graphTable = graphTable;
    this.rowType = rowType;
  }

  /** The object whose {@code enumerable(DataContext)} method yields this node's rows. */
  abstract Object spec();

  @SuppressWarnings("unchecked")
  private static <T> Expression stash(EnumerableRelImplementor implementor, T spec) {
    return implementor.stash(spec, (Class<T>) spec.getClass());
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
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("table", table.getQualifiedName());
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // One column: rows are bare values (SCALAR), as Calcite's operators above expect.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, true);
    Expression stashed = stash(implementor, spec());
    Expression rows = Expressions.call(stashed, "enumerable", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }
}

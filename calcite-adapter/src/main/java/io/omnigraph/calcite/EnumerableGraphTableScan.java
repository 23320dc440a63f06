package io.omnigraph.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The executable graph table scan: its generated code asks a {@link ScanSpec} for the rows, which
 * resolves the execution's view and parameters and streams the engine's cursor.
 */
final class EnumerableGraphTableScan extends GraphTableScan implements EnumerableRel {
  EnumerableGraphTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, EntityTable graphTable,
      ImmutableIntList fields, ScanFilter filter, ScanLimit limit) {
    super(cluster, traits, table, graphTable, fields, filter, limit);
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return this;
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    // One column: rows are bare values (SCALAR), as Calcite's operators above expect.
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, true);
    Expression stashed = implementor.stash(spec(), ScanSpec.class);
    Expression rows = Expressions.call(stashed, "enumerable", implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }

  /** What this scan reads, resolved against each execution's view and parameters. */
  ScanSpec spec() {
    return new ScanSpec(graphTable.type().name(), outputColumns(), filter, limit);
  }
}

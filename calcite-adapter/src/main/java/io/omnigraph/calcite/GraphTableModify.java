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
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * An UPDATE or DELETE of a graph table as the root of its plan: the rows its input produces (for
 * UPDATE each row's full new image, for DELETE its id), read in the scan that also noted their
 * row addresses, go straight into the transaction's mutation ({@link TableModifySpec}); its one
 * row is the count. EXPLAIN shows the table, the operation and the columns it writes.
 */
final class GraphTableModify extends SingleRel implements EnumerableRel {
  private final TableModifySpec spec;

  GraphTableModify(RelNode input, TableModifySpec spec) {
    super(input.getCluster(), input.getCluster().traitSetOf(EnumerableConvention.INSTANCE), input);
    this.spec = spec;
  }

  @Override
  protected RelDataType deriveRowType() {
    return RelOptUtil.createDmlRowType(spec.kind(), getCluster().getTypeFactory());
  }

  @Override
  public RelNode copy(RelTraitSet traits, List<RelNode> inputs) {
    return new GraphTableModify(inputs.get(0), spec);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("table", List.of(GraphSchema.NAME, spec.type()))
        .item("operation", spec.kind() == SqlKind.DELETE ? "DELETE" : "UPDATE")
        .itemIf("columns", String.join(", ", spec.columns()), spec.kind() == SqlKind.UPDATE);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    Expression rows = builder.append("rows", input.block);
    Expression arrays = Expressions.convert_(input.physType.convertTo(rows, JavaRowFormat.ARRAY), Enumerable.class);
    Expression stashed = implementor.stash(spec, TableModifySpec.class);
    builder.add(Expressions.return_(null,
        Expressions.call(stashed, "apply", arrays, implementor.getRootExpression())));
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR, false);
    return implementor.result(physType, builder.toBlock());
  }
}

package io.omnigraph.calcite;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Joins along an edge or to a node by id without reading the whole other table: an inner equi-join
 * on one key whose right side is a graph table scan keyed on an identity column ({@code id},
 * {@code src}, {@code dst}) becomes an {@link EnumerableLookupJoin}, which reads the left side first
 * and asks the right table only for the keys it found.
 */
final class LookupJoinRule extends RelRule<ScanRules.ScanRuleConfig> {
  LookupJoinRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done operands(RelRule.OperandBuilder b) {
    return b.operand(LogicalJoin.class).predicate(j -> j.getJoinType() == JoinRelType.INNER)
        .inputs(l -> l.operand(RelNode.class).anyInputs(),
            r -> r.operand(GraphTableScan.class).predicate(s -> ScanRules.isLogical(s) && s.limit == null).noInputs());
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalJoin join = call.rel(0);
    RelNode left = call.rel(1);
    GraphTableScan right = call.rel(2);
    JoinInfo info = join.analyzeCondition();
    if (!info.isEqui() || info.leftKeys.size() != 1) return;
    int leftKey = info.leftKeys.get(0);
    int rightKey = info.rightKeys.get(0);
    String column = right.outputColumns().get(rightKey);
    if (!right.graphTable.type().systemColumns().contains(column)) return;
    RelDataType leftType = left.getRowType().getFieldList().get(leftKey).getType();
    if (leftType.getSqlTypeName().getFamily() != SqlTypeFamily.CHARACTER) return;
    RelNode input = RelOptRule.convert(left, left.getTraitSet().replace(EnumerableConvention.INSTANCE));
    call.transformTo(new EnumerableLookupJoin(join.getCluster(), input, right, leftKey, rightKey, join.getRowType()));
  }
}

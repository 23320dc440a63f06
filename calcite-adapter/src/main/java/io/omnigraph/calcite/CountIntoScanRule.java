package io.omnigraph.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.sql.SqlKind;

/**
 * Answers {@code SELECT COUNT(*) FROM t [WHERE pushed filter]} without reading rows: an aggregate
 * of nothing but row counts, with no grouping, over a scan with no limit becomes an {@link
 * EnumerableGraphCount}, which asks the engine for the count (from the manifest without a filter,
 * through Lance's counting with one).
 */
final class CountIntoScanRule extends RelRule<ScanRules.ScanRuleConfig> {
  CountIntoScanRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done operands(RelRule.OperandBuilder b) {
    return b.operand(LogicalAggregate.class)
        .predicate(CountIntoScanRule::countsRowsOnly)
        .oneInput(s -> s.operand(GraphTableScan.class).predicate(scan -> ScanRules.isLogical(scan) && scan.limit == null)
            .noInputs());
  }

  private static boolean countsRowsOnly(LogicalAggregate aggregate) {
    if (!aggregate.getGroupSet().isEmpty() || aggregate.getGroupSets().size() != 1) return false;
    if (aggregate.getAggCallList().isEmpty()) return false;
    for (AggregateCall c : aggregate.getAggCallList()) {
      if (c.getAggregation().getKind() != SqlKind.COUNT || !c.getArgList().isEmpty() || c.filterArg >= 0
          || c.isDistinct() || c.isApproximate()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalAggregate aggregate = call.rel(0);
    GraphTableScan scan = call.rel(1);
    call.transformTo(new EnumerableGraphCount(scan.getCluster(), scan.getTable(), scan.graphTable, scan.filter,
        aggregate.getRowType()));
  }
}

package io.omnigraph.calcite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;

/**
 * Moves the conjuncts of a filter that the engine can evaluate into the scan below it; the rest
 * stays in a filter above the narrowed scan. Never pushes below a limit, which would change the
 * result.
 */
final class FilterIntoScanRule extends RelRule<ScanRules.ScanRuleConfig> {
  FilterIntoScanRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done operands(RelRule.OperandBuilder b) {
    return b.operand(LogicalFilter.class)
        .oneInput(s -> s.operand(GraphTableScan.class)
            .predicate(scan -> ScanRules.isLogical(scan) && scan.limit == null)
            .noInputs());
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    GraphTableScan scan = call.rel(1);
    RexBuilder rexBuilder = filter.getCluster().getRexBuilder();
    FilterTranslator translator = new FilterTranslator(scan.outputColumns(), scan.outputTypes());
    List<ScanFilter> pushed = new ArrayList<>();
    List<RexNode> residual = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(filter.getCondition())) {
      Optional<ScanFilter> f = translator.translate(rexBuilder, conjunct);
      if (f.isPresent()) pushed.add(f.get());
      else residual.add(conjunct);
    }
    if (pushed.isEmpty()) return;
    if (scan.filter != null) pushed.add(0, scan.filter);
    GraphTableScan narrowed = scan.withFilter(ScanFilter.and(pushed));
    call.transformTo(residual.isEmpty()
        ? narrowed
        : filter.copy(filter.getTraitSet(), narrowed, RexUtil.composeConjunction(rexBuilder, residual)));
  }
}

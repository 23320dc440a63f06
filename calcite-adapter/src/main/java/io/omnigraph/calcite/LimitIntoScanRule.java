package io.omnigraph.calcite;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalSort;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Lets a scan stop early under an unordered LIMIT. The limit itself stays above the scan (it also
 * applies the offset); the scan only has to produce {@code fetch + offset} rows.
 */
final class LimitIntoScanRule extends RelRule<ScanRules.ScanRuleConfig> {
  LimitIntoScanRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done operands(RelRule.OperandBuilder b) {
    return b.operand(LogicalSort.class)
        .predicate(sort -> sort.fetch != null && sort.getCollation().getFieldCollations().isEmpty())
        .oneInput(s -> s.operand(GraphTableScan.class)
            .predicate(scan -> ScanRules.isLogical(scan) && scan.limit == null)
            .noInputs());
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalSort sort = call.rel(0);
    GraphTableScan scan = call.rel(1);
    ScanOperand fetch = operand(sort.fetch);
    ScanOperand offset = sort.offset == null ? null : operand(sort.offset);
    if (fetch == null || (sort.offset != null && offset == null)) return;
    GraphTableScan limited = scan.withLimit(new ScanLimit(fetch, offset));
    call.transformTo(sort.copy(sort.getTraitSet(), limited, sort.getCollation(), sort.offset, sort.fetch));
  }

  static ScanOperand operand(RexNode node) {
    if (node instanceof RexDynamicParam p) return new ScanOperand.Param(p.getIndex());
    if (node instanceof RexLiteral lit && lit.getValueAs(Long.class) != null) {
      return new ScanOperand.Literal(lit.getValueAs(Long.class));
    }
    return null;
  }
}

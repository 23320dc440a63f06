package io.omnigraph.calcite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.ImmutableIntList;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Narrows a scan to the columns a projection above it uses. The projection stays when it computes
 * or renames anything; a plain column selection disappears into the scan.
 */
final class ProjectIntoScanRule extends RelRule<ScanRules.ScanRuleConfig> {
  ProjectIntoScanRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done operands(RelRule.OperandBuilder b) {
    return b.operand(LogicalProject.class)
        .oneInput(s -> s.operand(GraphTableScan.class).predicate(ScanRules::isLogical).noInputs());
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    GraphTableScan scan = call.rel(1);
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    // count(*) and constant projections use no column; the scan still reads one to count rows by.
    if (used.isEmpty()) used = ImmutableBitSet.of(0);
    if (used.cardinality() == scan.fields.size() && isPlainSelectionOfAll(project, scan)) {
      call.transformTo(scan);
      return;
    }
    if (used.cardinality() == scan.fields.size()) return;
    List<Integer> kept = new ArrayList<>();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, scan.fields.size(), used.cardinality());
    int target = 0;
    for (int source : used) {
      kept.add(scan.fields.get(source));
      mapping.set(source, target++);
    }
    GraphTableScan narrowed = scan.withFields(ImmutableIntList.copyOf(kept));
    List<RexNode> rewritten = RexPermuteInputsShuttle.of(mapping).visitList(project.getProjects());
    RelNode result = isIdentity(rewritten, project, narrowed)
        ? narrowed
        : project.copy(project.getTraitSet(), narrowed, rewritten, project.getRowType());
    call.transformTo(result);
  }

  private static boolean isPlainSelectionOfAll(LogicalProject project, GraphTableScan scan) {
    return isIdentity(project.getProjects(), project, scan);
  }

  private static boolean isIdentity(List<RexNode> exprs, LogicalProject project, RelNode input) {
    return RexUtil.isIdentity(exprs, input.getRowType())
        && project.getRowType().getFieldNames().equals(input.getRowType().getFieldNames());
  }
}

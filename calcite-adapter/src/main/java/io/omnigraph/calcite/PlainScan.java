package io.omnigraph.calcite;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.enumerable.EnumerableLimit;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;

/**
 * A plan whose result is one graph table scan's columns as the scan reads them: the scan alone
 * (with whatever projection, filter and limit were pushed into it), under the literal limit it
 * already applies, or under a calculation that only picks, orders or renames its columns. Such a result can be read from the scan's batches in
 * place ({@link ScanCursor}) rather than through the plan's generated code.
 *
 * @param columns for each result column, the scan column it is
 */
record PlainScan(ScanSpec spec, int[] columns) {

  /** The plain scan {@code root} is, or null when it computes anything. */
  static PlainScan of(RelNode root) {
    if (root instanceof EnumerableCalc calc) {
      int[] picked = picked(calc.getProgram());
      EnumerableGraphTableScan scan = scanOf(calc.getInput());
      return picked == null || scan == null ? null : new PlainScan(scan.spec(), picked);
    }
    EnumerableGraphTableScan scan = scanOf(root);
    return scan == null ? null : new PlainScan(scan.spec(), identity(scan));
  }

  /**
   * The scan {@code rel} is, or that it limits when the scan already stops at that limit: pushing a
   * limit into a scan keeps the limit above it. A {@code LIMIT ?} stays with the plan, which alone
   * knows what a negative or null limit does.
   */
  private static EnumerableGraphTableScan scanOf(RelNode rel) {
    if (rel instanceof EnumerableGraphTableScan scan) return scan;
    if (rel instanceof EnumerableLimit limit && limit.offset == null && limit.fetch instanceof RexLiteral
        && limit.getInput() instanceof EnumerableGraphTableScan scan && scan.limit != null
        && scan.limit.offset() == null && scan.limit.fetch().equals(LimitIntoScanRule.operand(limit.fetch))) {
      return scan;
    }
    return null;
  }

  private static int[] identity(EnumerableGraphTableScan scan) {
    int[] out = new int[scan.getRowType().getFieldCount()];
    for (int i = 0; i < out.length; i++) out[i] = i;
    return out;
  }

  /** The input column of each output, when the program neither filters nor changes a type. */
  private static int[] picked(RexProgram program) {
    if (program.getCondition() != null) return null;
    List<RexLocalRef> projects = program.getProjectList();
    List<RelDataTypeField> in = program.getInputRowType().getFieldList();
    List<RelDataTypeField> out = program.getOutputRowType().getFieldList();
    int[] picked = new int[projects.size()];
    for (int i = 0; i < picked.length; i++) {
      if (!(program.expandLocalRef(projects.get(i)) instanceof RexInputRef ref)) return null;
      // A cast to another type or nullability is a computation; a new name is not.
      if (!in.get(ref.getIndex()).getType().equals(out.get(i).getType())) return null;
      picked[i] = ref.getIndex();
    }
    return picked;
  }
}

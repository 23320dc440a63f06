package io.omnigraph.calcite;

import io.omnigraph.engine.read.Aggregation.Function;
import io.omnigraph.engine.read.Aggregation.Measure;
import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Hands a grouped aggregate of one graph table to the engine: COUNT, SUM ($SUM0), MIN and MAX over
 * plain numeric (and, for MIN and MAX, date) columns, grouped by string, boolean, integer, date or
 * enum columns, over a scan with its filter and no limit. Arguments may be cast to DOUBLE, as
 * Calcite writes {@code AVG(CAST(x AS DOUBLE))} once it has split AVG into a sum and a count, and
 * integer sums may be widened to DECIMAL (see {@link WideAggregates}).
 * Anything else (DISTINCT, FILTER, grouping sets, expressions) stays with Calcite's operators.
 */
final class AggregateIntoEngineRule extends RelRule<ScanRules.ScanRuleConfig> {
  private static final Set<BaseType> GROUPABLE =
      EnumSet.of(BaseType.STRING, BaseType.BOOL, BaseType.I32, BaseType.I64, BaseType.U32, BaseType.DATE);
  private static final Set<BaseType> NUMERIC =
      EnumSet.of(BaseType.I32, BaseType.I64, BaseType.U32, BaseType.F32, BaseType.F64);
  private static final Set<BaseType> INTEGER = EnumSet.of(BaseType.I32, BaseType.I64, BaseType.U32);

  AggregateIntoEngineRule(ScanRules.ScanRuleConfig config) {
    super(config);
  }

  static RelRule.Done overScan(RelRule.OperandBuilder b) {
    return b.operand(LogicalAggregate.class).oneInput(s -> scan(s));
  }

  static RelRule.Done overProjectedScan(RelRule.OperandBuilder b) {
    return b.operand(LogicalAggregate.class).oneInput(p -> p.operand(LogicalProject.class).oneInput(s -> scan(s)));
  }

  private static RelRule.Done scan(RelRule.OperandBuilder s) {
    return s.operand(GraphTableScan.class).predicate(scan -> ScanRules.isLogical(scan) && scan.limit == null)
        .noInputs();
  }

  /**
   * A column the aggregate reads: a scan column, possibly cast to double, or {@code widened} to the
   * 38-digit decimal in which integer sums are added up (the engine's sums are exact anyway).
   */
  private record Input(String column, ValueType type, boolean asDouble, boolean widened) {
    BaseType base() {
      return type instanceof ValueType.Scalar s ? s.base() : null;
    }
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    LogicalProject project = call.rels.length == 3 ? call.rel(1) : null;
    GraphTableScan scan = call.rel(call.rels.length - 1);
    if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) return;
    int width = aggregate.getInput().getRowType().getFieldCount();
    List<Input> inputs = new ArrayList<>(width);
    for (int i = 0; i < width; i++) inputs.add(input(project == null ? null : project.getProjects().get(i), i, scan));

    List<String> groupBy = new ArrayList<>();
    for (int g : aggregate.getGroupSet()) {
      Input in = inputs.get(g);
      boolean groupable = in != null && !in.asDouble() && !in.widened()
          && (in.type() instanceof ValueType.EnumOf || GROUPABLE.contains(in.base()));
      if (!groupable) return;
      groupBy.add(in.column());
    }
    List<Measure> measures = new ArrayList<>();
    List<Boolean> zeroWhenEmpty = new ArrayList<>();
    for (AggregateCall c : aggregate.getAggCallList()) {
      Measure m = measure(c, inputs);
      if (m == null) return;
      measures.add(m);
      zeroWhenEmpty.add(c.getAggregation().getKind() == SqlKind.SUM0);
    }
    // Counting rows alone is cheaper still: EnumerableGraphCount reads recorded row counts.
    if (groupBy.isEmpty() && measures.stream().allMatch(m -> m.column() == null)) return;
    call.transformTo(new EnumerableGraphAggregate(scan.getCluster(), scan.getTable(), scan.graphTable, groupBy,
        measures, zeroWhenEmpty, scan.filter, aggregate.getRowType()));
  }

  private static Input input(RexNode projected, int field, GraphTableScan scan) {
    boolean asDouble = false;
    boolean widened = false;
    if (projected instanceof RexCall cast && cast.getKind() == SqlKind.CAST) {
      SqlTypeName to = cast.getType().getSqlTypeName();
      asDouble = to == SqlTypeName.DOUBLE;
      widened = to == SqlTypeName.DECIMAL && cast.getType().getScale() == 0;
      if (!asDouble && !widened) return null;
      projected = cast.getOperands().get(0);
    }
    int column;
    if (projected == null) column = field;
    else if (projected instanceof RexInputRef ref) column = ref.getIndex();
    else return null;
    Input in = new Input(scan.outputColumns().get(column), scan.outputTypes().get(column), asDouble, widened);
    if (asDouble && !NUMERIC.contains(in.base())) return null;
    if (widened && !INTEGER.contains(in.base())) return null;
    return in;
  }

  private static Measure measure(AggregateCall c, List<Input> inputs) {
    if (c.isDistinct() || c.isApproximate() || c.filterArg >= 0 || !c.collation.getFieldCollations().isEmpty()
        || c.getArgList().size() > 1) {
      return null;
    }
    SqlKind kind = c.getAggregation().getKind();
    if (c.getArgList().isEmpty()) return kind == SqlKind.COUNT ? new Measure(Function.COUNT, null, false) : null;
    Input in = inputs.get(c.getArgList().get(0));
    if (in == null) return null;
    boolean numeric = NUMERIC.contains(in.base());
    // A cast keeps nulls null, so counting the cast column counts the column.
    if (kind == SqlKind.COUNT) return new Measure(Function.COUNT, in.column(), false);
    if (in.widened() && kind != SqlKind.SUM && kind != SqlKind.SUM0) return null;
    return switch (kind) {
      case SUM, SUM0 -> numeric ? new Measure(Function.SUM, in.column(), in.asDouble()) : null;
      case MIN, MAX -> numeric || (in.base() == BaseType.DATE && !in.asDouble())
          ? new Measure(kind == SqlKind.MIN ? Function.MIN : Function.MAX, in.column(), in.asDouble())
          : null;
      default -> null;
    };
  }
}

package io.omnigraph.calcite;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.logical.LogicalAggregate;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexWindow;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Sums and averages of integer columns add up in DECIMAL(38, 0), never in the column's own Java
 * type, where Calcite's generated code would wrap around silently: the argument is cast to
 * DECIMAL(38, 0) before the aggregate (to DOUBLE for standard deviations and variances, which
 * square it), and an average is cast back to its declared type after it
 * (an average of integers always fits their type). SUM's own type is already DECIMAL(38, 0) for
 * BIGINT and BIGINT for INTEGER ({@link GraphTypeSystem#deriveSumType}); Calcite's rules that
 * rewrite AVG into SUM / COUNT later see DECIMAL arguments and so keep the wide sum.
 */
final class WideAggregates extends RelHomogeneousShuttle {
  private static final Set<SqlKind> ADDING = EnumSet.of(SqlKind.SUM, SqlKind.SUM0, SqlKind.AVG);
  /** Calcite computes these from sums of squares; in DOUBLE they are approximate, never wrong by wrap-around. */
  private static final Set<SqlKind> SQUARING =
      EnumSet.of(SqlKind.STDDEV_POP, SqlKind.STDDEV_SAMP, SqlKind.VAR_POP, SqlKind.VAR_SAMP);
  private static final Set<SqlTypeName> INTEGERS =
      EnumSet.of(SqlTypeName.TINYINT, SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT);
  private static final int PRECISION = 38;

  @Override
  public RelNode visit(RelNode other) {
    RelNode visited = super.visit(other);
    if (visited instanceof LogicalAggregate agg) return widen(agg);
    if (visited instanceof LogicalProject project && project.containsOver()) {
      return project.accept(new WideWindowSums(project.getCluster().getRexBuilder()));
    }
    return visited;
  }

  /** SUM over a window: the same widening, inside the expression (the sum's type is already DECIMAL). */
  private static final class WideWindowSums extends RexShuttle {
    private final RexBuilder rex;

    WideWindowSums(RexBuilder rex) {
      this.rex = rex;
    }

    @Override
    public RexNode visitOver(RexOver over) {
      SqlKind kind = over.getOperator().getKind();
      if ((kind != SqlKind.SUM && kind != SqlKind.SUM0) || over.getOperands().size() != 1
          || over.getType().getSqlTypeName() != SqlTypeName.DECIMAL
          || !INTEGERS.contains(over.getOperands().get(0).getType().getSqlTypeName())) {
        return super.visitOver(over);
      }
      RexNode operand = over.getOperands().get(0);
      RelDataType wide = rex.getTypeFactory().createTypeWithNullability(
          rex.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, PRECISION, 0), operand.getType().isNullable());
      RexWindow w = over.getWindow();
      // Calcite plans SUM OVER as CASE WHEN COUNT OVER > 0 THEN $SUM0 OVER END: no null handling here.
      return rex.makeOver(over.getType(), over.getAggOperator(), List.of(rex.makeCast(wide, operand)), w.partitionKeys,
          w.orderKeys, w.getLowerBound(), w.getUpperBound(), w.getExclude(), w.isRows(), true, false, over.isDistinct(),
          over.ignoreNulls());
    }
  }

  private static RelNode widen(LogicalAggregate agg) {
    RelNode input = agg.getInput();
    RexBuilder rex = agg.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField f : input.getRowType().getFieldList()) {
      projects.add(rex.makeInputRef(input, f.getIndex()));
      names.add(f.getName());
    }
    List<AggregateCall> calls = new ArrayList<>();
    boolean changed = false;
    for (AggregateCall call : agg.getAggCallList()) {
      SqlKind kind = call.getAggregation().getKind();
      if (!(ADDING.contains(kind) || SQUARING.contains(kind)) || call.getArgList().size() != 1
          || !INTEGERS.contains(input.getRowType().getFieldList().get(call.getArgList().get(0)).getType().getSqlTypeName())) {
        calls.add(call);
        continue;
      }
      int arg = call.getArgList().get(0);
      RelDataType argType = input.getRowType().getFieldList().get(arg).getType();
      RelDataType wide = rex.getTypeFactory().createTypeWithNullability(SQUARING.contains(kind)
          ? rex.getTypeFactory().createSqlType(SqlTypeName.DOUBLE)
          : rex.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, PRECISION, 0), argType.isNullable());
      projects.add(rex.makeCast(wide, rex.makeInputRef(input, arg)));
      names.add("$wide" + projects.size());
      calls.add(call.withArgList(List.of(projects.size() - 1)));
      changed = true;
    }
    if (!changed) return agg;
    RelNode wideInput = LogicalProject.create(input, List.of(), projects, names, java.util.Set.of());
    List<AggregateCall> retyped = new ArrayList<>();
    for (AggregateCall call : calls) {
      boolean widened = call.getArgList().size() == 1 && call.getArgList().get(0) >= input.getRowType().getFieldCount();
      retyped.add(widened ? AggregateCall.create(call.getAggregation(), call.isDistinct(), call.isApproximate(),
          call.ignoreNulls(), call.rexList, call.getArgList(), call.filterArg, call.distinctKeys, call.collation,
          agg.getGroupCount(), wideInput, null, call.getName()) : call);
    }
    LogicalAggregate wideAgg = LogicalAggregate.create(wideInput, agg.getHints(), agg.getGroupSet(), agg.getGroupSets(),
        retyped);
    List<RexNode> back = new ArrayList<>();
    List<RelDataTypeField> declared = agg.getRowType().getFieldList();
    for (RelDataTypeField f : declared) {
      RexNode ref = rex.makeInputRef(wideAgg, f.getIndex());
      back.add(ref.getType().equals(f.getType()) ? ref : rex.makeCast(f.getType(), ref, true, false));
    }
    return LogicalProject.create(wideAgg, List.of(), back, agg.getRowType().getFieldNames(), java.util.Set.of());
  }
}

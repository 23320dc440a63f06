package io.omnigraph.calcite;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlLikeOperator;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns one conjunct of a Calcite filter into a {@link ScanFilter}, or reports that it cannot be
 * pushed. A conjunct is pushed whole or not at all, so what stays in Calcite is exactly what the
 * engine did not evaluate.
 *
 * <p>Pushed: comparisons of a column with a literal or {@code ?}, IS [NOT] NULL, LIKE with a literal
 * pattern, boolean columns, AND/OR/NOT of those, and SEARCH (IN lists and ranges) after expansion.
 * Columns of type F32, Blob, list and vector stay in Calcite: their literal forms do not match what
 * Lance compares exactly.
 */
final class FilterTranslator {
  private static final BigDecimal MAX_SIGNED_64 = BigDecimal.valueOf(Long.MAX_VALUE);

  private final List<String> columns;
  private final List<ValueType> types;

  FilterTranslator(List<String> columns, List<ValueType> types) {
    this.columns = columns;
    this.types = types;
  }

  Optional<ScanFilter> translate(RexBuilder rexBuilder, RexNode conjunct) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, conjunct);
    return Optional.ofNullable(nnf(expanded, false));
  }

  /** The filter for {@code node}, negated when asked, with NOT pushed down to the atoms; null if not pushable. */
  private ScanFilter nnf(RexNode node, boolean negated) {
    if (node instanceof RexInputRef ref) {
      return isPushable(ref.getIndex(), BaseType.BOOL)
          ? new ScanFilter.Compare(column(ref), type(ref), Predicate.Op.EQ, new ScanOperand.Literal(!negated))
          : null;
    }
    if (!(node instanceof RexCall call)) return null;
    SqlKind kind = call.getKind();
    switch (kind) {
      case NOT:
        return nnf(call.getOperands().get(0), !negated);
      case AND:
      case OR: {
        List<ScanFilter> parts = new ArrayList<>();
        for (RexNode operand : call.getOperands()) {
          ScanFilter part = nnf(operand, negated);
          if (part == null) return null;
          parts.add(part);
        }
        boolean conjunction = (kind == SqlKind.AND) != negated;
        return conjunction ? ScanFilter.and(parts) : disjunction(parts);
      }
      case IS_NULL:
      case IS_NOT_NULL: {
        RexNode operand = call.getOperands().get(0);
        if (!(operand instanceof RexInputRef ref)) return null;
        return new ScanFilter.IsNull(column(ref), (kind == SqlKind.IS_NOT_NULL) != negated);
      }
      case LIKE:
        return like(call, negated);
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, negated);
      default:
        return null;
    }
  }

  private ScanFilter comparison(RexCall call, boolean negated) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (!(left instanceof RexInputRef)) {
      RexNode t = left;
      left = right;
      right = t;
      kind = kind.reverse();
    }
    if (!(left instanceof RexInputRef ref) || !isComparable(ref.getIndex())) return null;
    ScanOperand operand = operand(right, types.get(ref.getIndex()));
    if (operand == null) return null;
    if (negated) kind = kind.negate();
    return new ScanFilter.Compare(column(ref), type(ref), op(kind), operand);
  }

  private ScanFilter like(RexCall call, boolean negated) {
    if (!(call.getOperator() instanceof SqlLikeOperator like) || !like.isCaseSensitive()) return null;
    if (call.getOperands().size() != 2) return null;
    if (!(call.getOperands().get(0) instanceof RexInputRef ref) || !isPushable(ref.getIndex(), BaseType.STRING)) {
      return null;
    }
    if (!(call.getOperands().get(1) instanceof RexLiteral lit)) return null;
    String pattern = lit.getValueAs(String.class);
    // Lance reads a backslash in a pattern as an escape; SQL without ESCAPE reads it literally.
    if (pattern == null || pattern.indexOf('\\') >= 0) return null;
    return new ScanFilter.Like(column(ref), pattern, like.isNegated() != negated);
  }

  /** OR of equalities on one column becomes IN: one Lance clause instead of many. */
  private static ScanFilter disjunction(List<ScanFilter> parts) {
    List<ScanFilter> flat = new ArrayList<>();
    for (ScanFilter p : parts) {
      if (p instanceof ScanFilter.Or o) flat.addAll(o.parts());
      else flat.add(p);
    }
    String column = null;
    ValueType type = null;
    List<ScanOperand> values = new ArrayList<>();
    for (ScanFilter p : flat) {
      if (p instanceof ScanFilter.Compare c && c.op() == Predicate.Op.EQ
          && (column == null || column.equals(c.column()))) {
        column = c.column();
        type = c.type();
        values.add(c.operand());
      } else if (p instanceof ScanFilter.In in && (column == null || column.equals(in.column()))) {
        column = in.column();
        type = in.type();
        values.addAll(in.operands());
      } else {
        return new ScanFilter.Or(List.copyOf(flat));
      }
    }
    return new ScanFilter.In(column, type, List.copyOf(values));
  }

  private ScanOperand operand(RexNode node, ValueType columnType) {
    BaseType base = ((ValueType.Scalar) scalarOf(columnType)).base();
    boolean unsigned = base == BaseType.U32 || base == BaseType.U64;
    // Lance reads an integer literal beyond the signed 64-bit range as a float, and cannot compare
    // a negative one with an unsigned column; unsigned columns take only literals checked here.
    if (node instanceof RexDynamicParam p) return unsigned ? null : new ScanOperand.Param(p.getIndex());
    if (!(node instanceof RexLiteral lit) || lit.isNull()) return null;
    Object v = literalValue(lit, base);
    if (unsigned && !(v instanceof BigDecimal d && d.signum() >= 0 && d.compareTo(MAX_SIGNED_64) <= 0)) return null;
    return v == null ? null : new ScanOperand.Literal(v);
  }

  /** The literal as the engine compares it with a column of {@code base}; null if the kinds differ. */
  private static Object literalValue(RexLiteral lit, BaseType base) {
    SqlTypeFamily family = lit.getTypeName().getFamily();
    switch (base) {
      case STRING:
        return family == SqlTypeFamily.CHARACTER ? lit.getValueAs(String.class) : null;
      case BOOL:
        return family == SqlTypeFamily.BOOLEAN ? lit.getValueAs(Boolean.class) : null;
      case I32:
      case I64:
      case U32:
      case U64:
      case F64:
        return family == SqlTypeFamily.NUMERIC ? lit.getValueAs(BigDecimal.class) : null;
      case DATE:
        return lit.getTypeName() == SqlTypeName.DATE
            ? LocalDate.ofEpochDay(lit.getValueAs(Integer.class))
            : null;
      case DATETIME:
        return lit.getTypeName() == SqlTypeName.TIMESTAMP
            ? Instant.ofEpochMilli(lit.getValueAs(Long.class))
            : null;
      default:
        return null;
    }
  }

  private boolean isComparable(int index) {
    ValueType t = types.get(index);
    if (t instanceof ValueType.EnumOf) return true;
    if (!(t instanceof ValueType.Scalar s)) return false;
    return switch (s.base()) {
      case STRING, BOOL, I32, I64, U32, U64, F64, DATE, DATETIME -> true;
      case F32, BLOB -> false;
    };
  }

  private boolean isPushable(int index, BaseType base) {
    ValueType t = types.get(index);
    if (base == BaseType.STRING && t instanceof ValueType.EnumOf) return true;
    return t instanceof ValueType.Scalar s && s.base() == base;
  }

  private static ValueType scalarOf(ValueType t) {
    return t instanceof ValueType.EnumOf ? new ValueType.Scalar(BaseType.STRING) : t;
  }

  private String column(RexInputRef ref) {
    return columns.get(ref.getIndex());
  }

  private ValueType type(RexInputRef ref) {
    return types.get(ref.getIndex());
  }

  private static Predicate.Op op(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> Predicate.Op.EQ;
      case NOT_EQUALS -> Predicate.Op.NE;
      case LESS_THAN -> Predicate.Op.LT;
      case LESS_THAN_OR_EQUAL -> Predicate.Op.LE;
      case GREATER_THAN -> Predicate.Op.GT;
      case GREATER_THAN_OR_EQUAL -> Predicate.Op.GE;
      default -> throw new IllegalArgumentException("not a comparison: " + kind);
    };
  }
}

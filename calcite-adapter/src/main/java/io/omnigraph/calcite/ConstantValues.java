package io.omnigraph.calcite;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.BitString;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Evaluates the expressions DML most often assigns (literals, {@code ?}, DEFAULT, negative numbers,
 * ARRAY of those) without a trip through Calcite: {@code INSERT ... VALUES (?, ?)} run in a loop then costs
 * no query execution at all. Anything else is left to a query.
 */
final class ConstantValues {
  private ConstantValues() {}

  static boolean isConstant(SqlNode node) {
    if (node instanceof SqlDynamicParam) return true;
    if (node instanceof SqlLiteral lit) return isSupportedLiteral(lit);
    if (node instanceof SqlBasicCall call) {
      // No column has a declared default: DEFAULT is an omitted value (a derived or new id, else NULL).
      if (call.getKind() == SqlKind.DEFAULT) return true;
      if (call.getKind() == SqlKind.MINUS_PREFIX) return call.operand(0) instanceof SqlNumericLiteral;
      if (call.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
        return call.getOperandList().stream().allMatch(ConstantValues::isConstant);
      }
    }
    return false;
  }

  static boolean allConstant(List<SqlNode> nodes) {
    return nodes.stream().allMatch(ConstantValues::isConstant);
  }

  /** The value of a node {@link #isConstant} accepted, in engine-friendly Java types. */
  static Object value(SqlNode node, List<Object> params) throws SQLException {
    if (node instanceof SqlDynamicParam p) return EngineValues.of(params.get(p.getIndex()));
    if (node instanceof SqlLiteral lit) return literal(lit);
    SqlCall call = (SqlCall) node;
    if (call.getKind() == SqlKind.DEFAULT) return null;
    if (call.getKind() == SqlKind.MINUS_PREFIX) return ((SqlNumericLiteral) call.operand(0)).bigDecimalValue().negate();
    List<Object> items = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) items.add(value(operand, params));
    return items;
  }

  private static boolean isSupportedLiteral(SqlLiteral lit) {
    SqlTypeName t = lit.getTypeName();
    return switch (t) {
      case NULL, BOOLEAN, DECIMAL, DOUBLE, CHAR, DATE, TIMESTAMP, BINARY -> true;
      default -> false;
    };
  }

  private static Object literal(SqlLiteral lit) {
    return switch (lit.getTypeName()) {
      case NULL -> null;
      case BOOLEAN -> lit.getValueAs(Boolean.class);
      case DECIMAL, DOUBLE -> lit.getValueAs(BigDecimal.class);
      case CHAR -> lit.getValueAs(String.class);
      case DATE -> LocalDate.parse(lit.getValueAs(DateString.class).toString());
      case TIMESTAMP -> UtcClock.instant(LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T')));
      case BINARY -> lit.getValueAs(BitString.class).getAsByteArray();
      default -> throw new IllegalStateException("not a constant literal: " + lit);
    };
  }
}

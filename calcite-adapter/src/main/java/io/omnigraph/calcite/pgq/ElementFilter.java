package io.omnigraph.calcite.pgq;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns an element's WHERE condition into an engine {@link Predicate} that the traversal applies to
 * each candidate node or edge and that Lance evaluates inside the scan of that type. Only conditions
 * built from comparisons of the element's own properties with literals, IS [NOT] NULL, IN lists,
 * AND, OR and NOT translate; anything else (parameters, functions, other variables) is left to the
 * SQL around the match.
 */
final class ElementFilter {
  private static final SqlParser.Config PARSER = SqlParser.config().withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED).withQuotedCasing(Casing.UNCHANGED).withCaseSensitive(true);

  private final String variable;
  private final List<? extends EntityType> types;

  private ElementFilter(String variable, List<? extends EntityType> types) {
    this.variable = variable;
    this.types = types;
  }

  /** The predicate for {@code where} on {@code variable}, whose candidate types are {@code types}; empty if it does not translate. */
  static Optional<Predicate> translate(String where, String variable, List<? extends EntityType> types) {
    if (where == null || types.isEmpty()) return Optional.empty();
    SqlNode node;
    try {
      node = SqlParser.create(where, PARSER).parseExpression();
    } catch (SqlParseException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(new ElementFilter(variable, types).predicate(node));
  }

  private Predicate predicate(SqlNode node) {
    if (!(node instanceof SqlBasicCall call)) return null;
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND, OR -> {
        List<Predicate> parts = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
          Predicate p = predicate(operand);
          if (p == null) return null;
          parts.add(p);
        }
        return kind == SqlKind.AND ? new Predicate.And(parts) : new Predicate.Or(parts);
      }
      case NOT -> {
        Predicate inner = predicate(call.operand(0));
        return inner == null ? null : new Predicate.Not(inner);
      }
      case IS_NULL, IS_NOT_NULL -> {
        Column p = property(call.operand(0));
        return p == null ? null : new Predicate.IsNull(p.name(), kind == SqlKind.IS_NOT_NULL);
      }
      case IN -> {
        Column p = property(call.operand(0));
        if (p == null || !(call.operand(1) instanceof SqlNodeList list)) return null;
        List<Object> values = new ArrayList<>();
        for (SqlNode item : list) {
          Object v = value(item, p);
          if (v == null) return null;
          values.add(v);
        }
        return new Predicate.In(p.name(), values);
      }
      case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
        return comparison(kind, call.operand(0), call.operand(1));
      }
      default -> {
        return null;
      }
    }
  }

  private Predicate comparison(SqlKind kind, SqlNode left, SqlNode right) {
    boolean flipped = !(left instanceof SqlIdentifier);
    SqlNode column = flipped ? right : left;
    SqlNode literal = flipped ? left : right;
    Column p = property(column);
    if (p == null) return null;
    Object v = value(literal, p);
    if (v == null) return null;
    SqlKind k = flipped ? kind.reverse() : kind;
    Predicate.Op op = switch (k) {
      case EQUALS -> Predicate.Op.EQ;
      case NOT_EQUALS -> Predicate.Op.NE;
      case LESS_THAN -> Predicate.Op.LT;
      case LESS_THAN_OR_EQUAL -> Predicate.Op.LE;
      case GREATER_THAN -> Predicate.Op.GT;
      default -> Predicate.Op.GE;
    };
    return new Predicate.Compare(p.name(), op, v);
  }

  /** A column of the element's tables: a declared property, or {@code id} (and an edge's {@code src}, {@code dst}). */
  private record Column(String name, ValueType type) {}

  private static final ValueType IDENTITY = new ValueType.Scalar(BaseType.STRING);

  /** The column {@code node} names as {@code variable.column}, present with one type on every candidate type. */
  private Column property(SqlNode node) {
    if (!(node instanceof SqlIdentifier id) || id.names.size() != 2 || !id.names.get(0).equals(variable)) return null;
    String name = id.names.get(1);
    Column found = null;
    for (EntityType t : types) {
      Column c = t.systemColumns().contains(name) ? new Column(name, IDENTITY)
          : t.properties().stream().filter(q -> q.name().equals(name)).findFirst()
              .map(q -> new Column(q.name(), q.type())).orElse(null);
      if (c == null || found != null && !found.type().equals(c.type())) return null;
      found = c;
    }
    return found;
  }

  /** The literal's value in the property's Java form, or null when it does not compare directly. */
  private static Object value(SqlNode node, Column p) {
    if (!(node instanceof SqlLiteral literal) || literal.getTypeName() == SqlTypeName.NULL) return null;
    ValueType type = p.type();
    if (type instanceof ValueType.EnumOf) return literal.getTypeName() == SqlTypeName.CHAR ? literal.toValue() : null;
    if (!(type instanceof ValueType.Scalar scalar)) return null;
    BaseType base = scalar.base();
    if (base == BaseType.STRING) return literal.getTypeName() == SqlTypeName.CHAR ? literal.toValue() : null;
    if (base == BaseType.BOOL) return literal.getTypeName() == SqlTypeName.BOOLEAN ? literal.booleanValue() : null;
    if (literal.getTypeName() != SqlTypeName.DECIMAL) return null;
    BigDecimal n = literal.bigDecimalValue();
    if (n == null) return null;
    return switch (base) {
      case I32, I64, U32 -> wholeNumber(n);
      case F32, F64 -> n.doubleValue();
      default -> null;
    };
  }

  private static Long wholeNumber(BigDecimal n) {
    try {
      return n.longValueExact();
    } catch (ArithmeticException notWholeOrTooLarge) {
      return null;
    }
  }
}

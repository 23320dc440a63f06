package io.omnigraph.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Converts JSON input values to canonical Java values (SPEC §1.2, "JSON input accepted"). */
final class JsonValues {
  private JsonValues() {}

  static Object convert(Property p, JsonNode node, String typeName) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    String label = typeName + "." + p.name();
    ValueType type = p.type();
    if (type instanceof ValueType.Scalar s) {
      return base(typeName, label, s.base(), node);
    }
    if (type instanceof ValueType.EnumOf) {
      if (!node.isTextual()) {
        throw ValueErrors.wrongType(typeName, label, "a string enum value", ValueErrors.describe(node));
      }
      return node.textValue();
    }
    if (!node.isArray()) {
      throw ValueErrors.wrongType(typeName, label, type.displayName(), ValueErrors.describe(node));
    }
    if (type instanceof ValueType.ListOf list) {
      List<Object> values = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        String at = label + "[" + i + "]";
        JsonNode element = node.get(i);
        if (element.isNull()) {
          throw ValueErrors.wrongType(typeName, at, list.element().displayName(), "null");
        }
        values.add(base(typeName, at, list.element(), element));
      }
      return Collections.unmodifiableList(values);
    }
    float[] vector = new float[node.size()];
    for (int i = 0; i < vector.length; i++) {
      JsonNode element = node.get(i);
      String at = label + "[" + i + "]";
      if (!element.isNumber()) {
        throw ValueErrors.badVectorElement(typeName, at, ValueErrors.describe(element));
      }
      vector[i] = (float) element.doubleValue();
      if (!Float.isFinite(vector[i])) {
        throw ValueErrors.badVectorElement(typeName, at, ValueErrors.describe(element));
      }
    }
    return vector;
  }

  private static Object base(String typeName, String label, BaseType base, JsonNode node) {
    switch (base) {
      case STRING:
        if (node.isTextual()) {
          return node.textValue();
        }
        break;
      case BOOL:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        break;
      case I32:
      case I64:
      case U32:
      case U64:
        BigInteger exact = integer(base, node);
        if (exact != null) {
          return IntegerRanges.narrow(typeName, label, base, exact);
        }
        break;
      case F32:
        if (node.isNumber()) {
          return Floats.narrow(typeName, label, node.doubleValue());
        }
        break;
      case F64:
        if (node.isNumber()) {
          return node.doubleValue();
        }
        break;
      case DATE:
        if (node.isTextual()) {
          return Temporals.parseDate(typeName, label, node.textValue());
        }
        BigInteger days = integer(base, node);
        if (days != null) {
          return Temporals.dateFromDays(typeName, label, days);
        }
        break;
      case DATETIME:
        if (node.isTextual()) {
          return Temporals.parseDateTime(typeName, label, node.textValue());
        }
        BigInteger millis = integer(base, node);
        if (millis != null) {
          return Temporals.dateTimeFromMillis(typeName, label, millis);
        }
        break;
      case BLOB:
      default:
        if (node.isTextual()) {
          return Blobs.decode(typeName, label, node.textValue());
        }
        break;
    }
    throw ValueErrors.wrongType(typeName, label, base.displayName(), ValueErrors.describe(node));
  }

  /**
   * The exact integer a JSON number holds, or null when it is not a whole number. I64 and U64
   * also travel as decimal strings in some wire formats.
   */
  private static BigInteger integer(BaseType base, JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber() && Double.isFinite(node.doubleValue())) {
      BigDecimal d = node.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? d.toBigIntegerExact() : null;
    }
    if (node.isTextual() && (base == BaseType.I64 || base == BaseType.U64)) {
      try {
        return new BigInteger(node.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}

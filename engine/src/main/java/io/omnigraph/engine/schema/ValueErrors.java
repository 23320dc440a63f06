package io.omnigraph.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Builds the value conversion errors; {@code label} reads {@code Type.prop} or {@code Type.prop[i]}. */
final class ValueErrors {
  private static final int SNIPPET = 40;

  private ValueErrors() {}

  static ConstraintViolation wrongType(String typeName, String label, String expected, String got) {
    return new ConstraintViolation(Rule.TYPE, typeName, null, label + " expects " + expected
        + ", got " + got);
  }

  static ConstraintViolation outOfRange(String typeName, String label, Object value, String type) {
    return new ConstraintViolation(Rule.OUT_OF_RANGE, typeName, null, label + " value "
        + snippet(String.valueOf(value)) + " is out of range for " + type);
  }

  static ConstraintViolation dateTimeOutOfRange(String typeName, String label, Object value, String why) {
    return new ConstraintViolation(Rule.DATETIME_OUT_OF_RANGE, typeName, null, label + " value "
        + snippet(String.valueOf(value)) + " " + why);
  }

  static ConstraintViolation badVectorElement(String typeName, String label, String got) {
    return new ConstraintViolation(Rule.VECTOR, typeName, null, label
        + " vector elements must be finite numbers, got " + got);
  }

  /** What a JSON value is, for a message: {@code string 'abc'}, {@code number 1.5}, {@code array}. */
  static String describe(JsonNode node) {
    String kind = node.getNodeType().name().toLowerCase(Locale.ROOT);
    if (node.isTextual()) {
      return kind + " '" + snippet(node.textValue()) + "'";
    }
    return node.isNumber() || node.isBoolean() ? kind + " " + node.asText() : kind;
  }

  /** What a Java value is, for a message, in the same words as {@link #describe(JsonNode)}. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence s) {
      return "string '" + snippet(s.toString()) + "'";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return (value instanceof Boolean ? "boolean " : "number ") + value;
    }
    if (value instanceof Collection<?> || value.getClass().isArray() && !(value instanceof byte[])) {
      return "array";
    }
    if (value instanceof byte[]) {
      return "bytes";
    }
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    return value.getClass().getSimpleName();
  }

  private static String snippet(String s) {
    return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "...";
  }
}

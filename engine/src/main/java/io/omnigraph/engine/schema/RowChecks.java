package io.omnigraph.engine.schema;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import java.math.BigInteger;
import java.util.Map;

/**
 * The per-row value rules every write surface shares (SPEC §4.5): required properties, value
 * types, enum membership, vector length, {@code @range} and {@code @check}. Rules that need other
 * rows (keys, uniqueness, endpoints, cardinality) live with the write path.
 */
public final class RowChecks {
  private RowChecks() {}

  /**
   * Checks the property values of one row of {@code t}, whose values are already canonical (see
   * {@link Values}). Each failure is a {@link ConstraintViolation} whose message starts with the
   * type and entity id, e.g. {@code "Person 'Alice': @range violation: age = 200 not in 0..150"}.
   *
   * @param entityId the row's id, or null when it has none yet
   */
  public static void checkValues(EntityType t, String entityId, Map<String, Object> row) {
    for (Property p : t.properties()) {
      Object value = row.get(p.name());
      if (value == null) {
        if (!p.nullable()) {
          throw violation(Rule.REQUIRED, t, entityId, "missing required property '" + p.name() + "'");
        }
        continue;
      }
      if (!Values.isCanonical(p.type(), value)) {
        throw violation(Rule.TYPE, t, entityId, p.name() + " expects " + p.type().displayName()
            + ", got " + ValueErrors.describe(value));
      }
      if (p.type() instanceof ValueType.EnumOf e && !e.values().contains(value)) {
        throw violation(Rule.ENUM, t, entityId, "invalid enum value '" + value + "' for " + p.name()
            + " (allowed: " + String.join(", ", e.values()) + ")");
      }
      if (p.type() instanceof ValueType.VectorOf v && ((float[]) value).length != v.dimension()) {
        throw violation(Rule.VECTOR, t, entityId, "vector dimension mismatch: " + p.name()
            + " has " + ((float[]) value).length + " values, expected " + v.dimension());
      }
    }
    if (t instanceof NodeType node) {
      checkRanges(node, entityId, row);
      checkPatterns(node, entityId, row);
    }
  }

  private static void checkRanges(NodeType t, String entityId, Map<String, Object> row) {
    for (RangeConstraint r : t.ranges()) {
      Object value = row.get(r.property());
      if (value == null) {
        continue;
      }
      double d = value instanceof BigInteger b ? b.doubleValue() : ((Number) value).doubleValue();
      if (!r.admits(d)) {
        throw violation(Rule.RANGE, t, entityId, "@range violation: " + r.property() + " = "
            + value + " not in " + r.boundsText());
      }
    }
  }

  private static void checkPatterns(NodeType t, String entityId, Map<String, Object> row) {
    for (CheckConstraint c : t.checks()) {
      Object value = row.get(c.property());
      if (value != null && !c.admits((String) value)) {
        throw violation(Rule.CHECK, t, entityId, "@check violation: " + c.property() + " '" + value
            + "' does not match \"" + c.pattern().pattern() + "\"");
      }
    }
  }

  private static ConstraintViolation violation(Rule rule, EntityType t, String id, String detail) {
    String who = id == null ? t.name() + " (id not yet assigned)" : t.name() + " '" + id + "'";
    return new ConstraintViolation(rule, t.name(), id, who + ": " + detail);
  }
}

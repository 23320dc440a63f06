package io.omnigraph.engine.write;

import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.KeyIds;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.RowChecks;
import io.omnigraph.engine.schema.Values;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns caller input into the full row image the engine stores: canonical Java values for every
 * column, the entity id (derived from the key, supplied, or generated) and the single-row checks.
 */
final class RowPreparer {
  private RowPreparer() {}

  static Map<String, Object> prepare(EntityType type, Map<String, Object> input, Supplier<String> newId) {
    for (String column : input.keySet()) {
      if (!type.columnNames().contains(column)) {
        throw OmniGraphException.badInput("unknown input field '" + column + "' for " + type.name());
      }
    }
    Map<String, Object> row = new HashMap<>();
    for (Property p : type.properties()) {
      Object v = input.get(p.name());
      row.put(p.name(), v == null ? null : Values.coerce(p, v, type.name()));
    }
    String id = idOf(type, row, input.get("id"), newId);
    row.put("id", id);
    if (type instanceof EdgeType edge) {
      row.put("src", endpoint(edge, input, "src", id));
      row.put("dst", endpoint(edge, input, "dst", id));
    }
    RowChecks.checkValues(type, id, row);
    return row;
  }

  /** The row after applying assignments to its current image. */
  static Map<String, Object> assign(EntityType type, Map<String, Object> current, Map<String, Object> assignments) {
    Map<String, Object> row = new HashMap<>(current);
    String id = (String) current.get("id");
    for (Map.Entry<String, Object> a : assignments.entrySet()) {
      String column = a.getKey();
      checkAssignable(type, id, column);
      if (type instanceof EdgeType edge && (column.equals("src") || column.equals("dst"))) {
        row.put(column, endpoint(edge, assignments, column, id));
        continue;
      }
      Property p = type.property(column).orElseThrow(
          () -> OmniGraphException.badInput("unknown property '" + column + "' for " + type.name()));
      row.put(column, a.getValue() == null ? null : Values.coerce(p, a.getValue(), type.name()));
    }
    RowChecks.checkValues(type, id, row);
    return row;
  }

  static void checkAssignable(EntityType type, String id, String column) {
    if (column.equals("id")) {
      throw new ConstraintViolation(Rule.KEY_UPDATE, type.name(), id,
          "cannot update the id of " + type.name() + " '" + id + "' — delete and re-insert instead");
    }
    if (type instanceof NodeType node && node.key().contains(column)) {
      throw new ConstraintViolation(Rule.KEY_UPDATE, type.name(), id,
          "cannot update @key property '" + column + "' of " + type.name() + " '" + id + "' — delete and re-insert instead");
    }
  }

  /**
   * The id of a row of {@code type} whose properties are prepared: derived from its {@code @key}
   * (every key property present, and equal to {@code supplied} when one was given), otherwise
   * {@code supplied}, otherwise a new one.
   */
  static String idOf(EntityType type, Map<String, Object> row, Object supplied, Supplier<String> newId) {
    if (supplied != null && !(supplied instanceof String)) {
      throw new ConstraintViolation(Rule.TYPE, type.name(), null, type.name() + ".id must be a string");
    }
    if (!(type instanceof NodeType node && node.keyed())) return supplied == null ? newId.get() : (String) supplied;
    requireKey(node, row, (String) supplied);
    String id = KeyIds.deriveId(node, row);
    if (supplied != null && !supplied.equals(id)) {
      throw new ConstraintViolation(Rule.CHECK, type.name(), (String) supplied, type.name() + " id '" + supplied
          + "' does not match its canonical @key id '" + id + "'");
    }
    return id;
  }

  private static void requireKey(NodeType node, Map<String, Object> row, String hint) {
    for (String k : node.key()) {
      if (row.get(k) == null) {
        throw new ConstraintViolation(Rule.REQUIRED, node.name(), hint,
            "missing required property '" + k + "' (the @key of " + node.name() + ")");
      }
    }
  }

  static String endpoint(EdgeType edge, Map<String, Object> input, String column, String edgeId) {
    Object v = input.get(column);
    if (v == null) {
      throw new ConstraintViolation(Rule.REQUIRED, edge.name(), edgeId,
          "missing required property '" + column + "' on edge " + edge.name());
    }
    if (!(v instanceof String s)) {
      throw new ConstraintViolation(Rule.TYPE, edge.name(), edgeId, edge.name() + "." + column + " must be a node id string");
    }
    return s;
  }

  /** The refusal of an id that appears twice among the rows of one write. */
  static ConstraintViolation duplicateInStatement(EntityType type, String id) {
    return new ConstraintViolation(Rule.KEY, type.name(), id,
        "@unique violation on " + type.name() + ".id: '" + id + "' appears twice in one write");
  }
}

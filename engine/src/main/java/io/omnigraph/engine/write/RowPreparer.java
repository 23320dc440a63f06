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
import java.util.Set;
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

  /**
   * The row a full image stands for, when {@code assigned} are the columns whose values differ
   * from the row the image was read from: the same refusals as {@link #assign} for those columns,
   * and every value converted to its canonical type, since the image comes through other layers
   * (SQL reads a DATE back as a day count, an array as a list).
   */
  static Map<String, Object> replace(EntityType type, Set<String> assigned, Map<String, Object> image) {
    if (!(image.get("id") instanceof String id)) {
      throw OmniGraphException.badInput("a row image of " + type.name() + " has no id");
    }
    for (String column : assigned) {
      checkAssignable(type, id, column);
      if (!image.containsKey(column)) {
        throw OmniGraphException.badInput("the image of " + type.name() + " '" + id + "' lacks assigned column '"
            + column + "'");
      }
    }
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    if (type instanceof EdgeType edge) {
      row.put("src", endpoint(edge, image, "src", id));
      row.put("dst", endpoint(edge, image, "dst", id));
    }
    for (Property p : type.properties()) {
      if (!image.containsKey(p.name())) {
        throw OmniGraphException.badInput("the image of " + type.name() + " '" + id + "' lacks column '" + p.name() + "'");
      }
      Object v = image.get(p.name());
      // An unassigned value of its canonical class is the stored one, read back: nothing to convert.
      boolean kept = v == null || !assigned.contains(p.name()) && Values.isCanonical(p.type(), v);
      row.put(p.name(), kept ? v : Values.coerce(p, v, type.name()));
    }
    if (row.size() != image.size()) {
      for (String column : image.keySet()) {
        if (!row.containsKey(column)) {
          throw OmniGraphException.badInput("unknown property '" + column + "' for " + type.name());
        }
      }
    }
    RowChecks.checkValues(type, id, row);
    return row;
  }

  private static void checkAssignable(EntityType type, String id, String column) {
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

  private static String endpoint(EdgeType edge, Map<String, Object> input, String column, String edgeId) {
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

package io.omnigraph.engine.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.Values;
import java.io.IOException;
import java.util.Map;

/**
 * Reads the common JSONL line token by token, straight into a row's cells, without building the
 * line's JSON tree: {@code {"type": ..., "data": {...}}} or {@code {"edge": ..., "from": ...,
 * "to": ..., "data": {...}}}, the type named before its data. Anything else, and any line with
 * something wrong in it, is declined (null): the caller then reads it through its tree, which says
 * what is wrong exactly as it always has. Values become the same JSON nodes the tree would hold,
 * converted by the same {@link Values#fromJson}.
 */
final class StreamedLine {
  // Duplicate members are caught by the cells already set, so the parser need not track names;
  // nested values are read by the tree reader of this mapper.
  // Errors are never reported from here, so locations need no source.
  private static final ObjectMapper NESTED = new ObjectMapper(JsonFactory.builder()
      .recyclerPool(JsonRecyclerPools.sharedLockFreePool())
      .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build());

  private StreamedLine() {}

  /** The line's row without its id, or null when the line is to be read through its tree. */
  static JsonlLoader.Row read(String line, Catalog catalog, Map<EntityType, BulkRows.Layout> layouts) {
    try (JsonParser p = NESTED.createParser(line)) {
      return row(p, catalog, layouts);
    } catch (IOException | RuntimeException e) {
      // Malformed JSON or a value the column refuses: the tree reading words it.
      return null;
    }
  }

  private static JsonlLoader.Row row(JsonParser p, Catalog catalog, Map<EntityType, BulkRows.Layout> layouts)
      throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) return null;
    EntityType type = null;
    BulkRows.Layout layout = null;
    boolean node = false;
    String from = null;
    String to = null;
    BulkRows.Row values = null;
    JsonToken t;
    for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "type", "edge" -> {
          if (type != null || v != JsonToken.VALUE_STRING) return null;
          node = field.equals("type");
          String name = p.getText();
          type = node ? catalog.node(name).orElse(null) : catalog.edge(name).orElse(null);
          if (type == null) return null;
          layout = layouts.computeIfAbsent(type, BulkRows.Layout::of);
        }
        case "from", "to" -> {
          if (v != JsonToken.VALUE_STRING || (field.equals("from") ? from : to) != null) return null;
          if (field.equals("from")) from = p.getText();
          else to = p.getText();
        }
        case "data" -> {
          if (type == null || values != null || v != JsonToken.START_OBJECT) return null;
          values = data(p, type, node, layout);
          if (values == null) return null;
        }
        default -> {
          return null;
        }
      }
    }
    if (t != JsonToken.END_OBJECT || p.nextToken() != null || type == null) return null;
    if (node ? from != null || to != null : from == null || to == null) return null;
    if (values == null) values = new BulkRows.Row(layout, new Object[layout.names().length]);
    if (!node) {
      values.set("src", from);
      values.set("dst", to);
    }
    return new JsonlLoader.Row(type, null, values);
  }

  private static BulkRows.Row data(JsonParser p, EntityType type, boolean node, BulkRows.Layout layout)
      throws IOException {
    Object[] cells = new Object[layout.names().length];
    boolean[] seen = new boolean[cells.length];
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      Integer slot = layout.slots().get(name);
      if (slot == null || seen[slot] || JsonlLoader.RESERVED.contains(name)) return null;
      if (!node && (name.equals("src") || name.equals("dst"))) return null;
      seen[slot] = true;
      if (name.equals("id")) {
        if (v != JsonToken.VALUE_STRING) return null;
        cells[slot] = p.getText();
        continue;
      }
      Property property = layout.properties()[slot];
      if (property == null) return null;
      if (v == JsonToken.VALUE_NULL) continue;
      JsonNode value = value(p, v);
      if (value == null) return null;
      cells[slot] = Values.fromJson(property, value, type.name());
    }
    return new BulkRows.Row(layout, cells);
  }

  /**
   * The node the tree reader makes of the current value, or null for one holding an object, whose
   * duplicate members only the tree reading is set to refuse.
   */
  private static JsonNode value(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.START_OBJECT) return null;
    if (v == JsonToken.START_ARRAY) {
      JsonNode array = p.readValueAsTree();
      return holdsObject(array) ? null : array;
    }
    return switch (v) {
      case VALUE_STRING -> TextNode.valueOf(p.getText());
      case VALUE_TRUE -> BooleanNode.TRUE;
      case VALUE_FALSE -> BooleanNode.FALSE;
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> IntNode.valueOf(p.getIntValue());
        case LONG -> LongNode.valueOf(p.getLongValue());
        default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
      };
      default -> p.readValueAsTree();
    };
  }

  private static boolean holdsObject(JsonNode array) {
    for (JsonNode item : array) if (item.isObject() || (item.isArray() && holdsObject(item))) return true;
    return false;
  }
}

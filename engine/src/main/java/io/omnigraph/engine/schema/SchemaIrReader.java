package io.omnigraph.engine.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.engine.error.OmniGraphException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Rebuilds a {@link Catalog} from the JSON that {@link SchemaIr#toJson(Catalog)} writes. */
final class SchemaIrReader {
  private SchemaIrReader() {}

  static Catalog read(String json) {
    JsonNode root;
    try {
      root = SchemaIr.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw OmniGraphException.badInput("schema IR is not valid JSON: " + e.getOriginalMessage());
    }
    try {
      int version = required(root, "ir_version").asInt();
      if (version != SchemaIr.IR_VERSION) {
        throw OmniGraphException.badInput("schema IR version " + version + " is not supported"
            + " (expected " + SchemaIr.IR_VERSION + ")");
      }
      List<NodeType> nodes = new ArrayList<>();
      required(root, "nodes").forEach(n -> nodes.add(node(n)));
      List<EdgeType> edges = new ArrayList<>();
      required(root, "edges").forEach(e -> edges.add(edge(e)));
      JsonNode domain = root.path("schema_identity_domain");
      return new Catalog(nodes, edges, text(root, "source"), required(root, "next_identity_id").asLong(),
          domain.isTextual() ? domain.textValue() : null);
    } catch (IllegalArgumentException e) {
      throw OmniGraphException.badInput("schema IR is inconsistent: " + e.getMessage());
    }
  }

  private static NodeType node(JsonNode n) {
    String name = text(n, "name");
    List<List<String>> uniques = tuples(required(n, "uniques"));
    List<List<String>> indexes = tuples(required(n, "indexes"));
    List<RangeConstraint> ranges = new ArrayList<>();
    for (JsonNode r : required(n, "ranges")) {
      ranges.add(new RangeConstraint(text(r, "property"), bound(r.path("min")), bound(r.path("max"))));
    }
    List<CheckConstraint> checks = new ArrayList<>();
    for (JsonNode c : required(n, "checks")) {
      checks.add(new CheckConstraint(text(c, "property"), Pattern.compile(text(c, "pattern"))));
    }
    return new NodeType(name, required(n, "type_id").asLong(),
        required(n, "table_incarnation_id").asLong(), properties(n, uniques, indexes),
        strings(required(n, "key")), uniques, indexes, ranges, checks, annotations(n),
        strings(required(n, "implements")), optional(n, "rename_from"));
  }

  private static EdgeType edge(JsonNode e) {
    List<List<String>> uniques = tuples(required(e, "uniques"));
    List<List<String>> indexes = tuples(required(e, "indexes"));
    JsonNode card = required(e, "cardinality");
    JsonNode max = card.path("max");
    return new EdgeType(text(e, "name"), required(e, "type_id").asLong(),
        required(e, "table_incarnation_id").asLong(), text(e, "from_type"), text(e, "to_type"),
        required(card, "min").asLong(),
        max.isNumber() ? OptionalLong.of(max.asLong()) : OptionalLong.empty(),
        properties(e, uniques, indexes), uniques, indexes, annotations(e),
        optional(e, "rename_from"));
  }

  private static List<Property> properties(
      JsonNode type, List<List<String>> uniques, List<List<String>> indexes) {
    List<Property> properties = new ArrayList<>();
    for (JsonNode p : required(type, "properties")) {
      String name = text(p, "name");
      JsonNode embed = p.path("embed");
      Optional<EmbedSpec> embedSpec = embed.isObject()
          ? Optional.of(new EmbedSpec(text(embed, "source"), optional(embed, "model")))
          : Optional.empty();
      properties.add(new Property(name, valueType(required(p, "type")),
          required(p, "nullable").asBoolean(), annotations(p), required(p, "property_id").asLong(),
          optional(p, "rename_from"), indexes.contains(List.of(name)),
          uniques.contains(List.of(name)), embedSpec));
    }
    return properties;
  }

  private static ValueType valueType(JsonNode t) {
    String kind = text(t, "kind");
    return switch (kind) {
      case "scalar" -> new ValueType.Scalar(base(text(t, "base")));
      case "list" -> new ValueType.ListOf(base(text(t, "element")));
      case "vector" -> new ValueType.VectorOf(required(t, "dimension").asInt());
      case "enum" -> new ValueType.EnumOf(new TreeSet<>(strings(required(t, "values"))));
      default -> throw new IllegalArgumentException("unknown value type kind '" + kind + "'");
    };
  }

  private static BaseType base(String pgName) {
    return BaseType.fromPgName(pgName)
        .orElseThrow(() -> new IllegalArgumentException("unknown base type '" + pgName + "'"));
  }

  private static Double bound(JsonNode n) {
    return n.isNumber() ? n.asDouble() : null;
  }

  private static Map<String, String> annotations(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    required(n, "annotations").fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
    return out;
  }

  private static List<List<String>> tuples(JsonNode array) {
    List<List<String>> out = new ArrayList<>();
    array.forEach(t -> out.add(strings(t)));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(s -> out.add(s.asText()));
    return out;
  }

  private static Optional<String> optional(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = required(n, field);
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' must be a string");
    }
    return v.textValue();
  }

  private static JsonNode required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return v;
  }
}

package io.omnigraph.engine.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accepted compiled schema as JSON ({@code _schema.ir.json}, {@code ir_version} 2): every
 * type, property and constraint with its stable ids, the id counter and the {@code .pg} source,
 * so a reopened graph keeps its identities. Output is deterministic (fixed field order, two-space
 * indent, {@code \n} line ends) because a hash of it is stored beside it.
 */
public final class SchemaIr {
  /** The IR layout this class reads and writes. */
  public static final int IR_VERSION = 2;

  static final ObjectMapper JSON = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaIr() {}

  public static String toJson(Catalog catalog) {
    ObjectNode root = NODES.objectNode();
    root.put("ir_version", IR_VERSION);
    catalog.identityDomain().ifPresent(d -> root.put("schema_identity_domain", d));
    root.put("next_identity_id", catalog.nextIdentityId());
    root.put("source", catalog.source());
    ArrayNode nodes = root.putArray("nodes");
    catalog.nodeTypes().forEach(n -> nodes.add(node(n)));
    ArrayNode edges = root.putArray("edges");
    catalog.edgeTypes().forEach(e -> edges.add(edge(e)));
    try {
      return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Reads IR written by {@link #toJson(Catalog)}.
   *
   * @throws io.omnigraph.engine.error.OmniGraphException BAD_INPUT for malformed JSON, another IR
   *     version or an inconsistent catalog
   */
  public static Catalog fromJson(String json) {
    return SchemaIrReader.read(json);
  }

  private static ObjectNode node(NodeType n) {
    ObjectNode o = header(n);
    strings(o.putArray("implements"), n.implementsList());
    properties(o, n.properties());
    strings(o.putArray("key"), n.key());
    tuples(o.putArray("uniques"), n.uniques());
    tuples(o.putArray("indexes"), n.indexes());
    ArrayNode ranges = o.putArray("ranges");
    for (RangeConstraint r : n.ranges()) {
      ObjectNode range = ranges.addObject().put("property", r.property());
      range.put("min", r.min());
      range.put("max", r.max());
    }
    ArrayNode checks = o.putArray("checks");
    n.checks().forEach(c -> checks.addObject()
        .put("property", c.property())
        .put("pattern", c.pattern().pattern()));
    return o;
  }

  private static ObjectNode edge(EdgeType e) {
    ObjectNode o = header(e);
    o.put("from_type", e.from());
    o.put("to_type", e.to());
    ObjectNode card = o.putObject("cardinality").put("min", e.cardMin());
    if (e.cardMax().isPresent()) {
      card.put("max", e.cardMax().getAsLong());
    } else {
      card.putNull("max");
    }
    properties(o, e.properties());
    tuples(o.putArray("uniques"), e.uniques());
    tuples(o.putArray("indexes"), e.indexes());
    return o;
  }

  private static ObjectNode header(EntityType t) {
    ObjectNode o = NODES.objectNode();
    o.put("name", t.name());
    o.put("type_id", t.stableTypeId());
    o.put("table_incarnation_id", t.incarnationId());
    optional(o, "rename_from", t.renameFrom());
    annotations(o, t.annotations());
    return o;
  }

  private static void properties(ObjectNode o, List<Property> properties) {
    ArrayNode array = o.putArray("properties");
    for (Property p : properties) {
      ObjectNode prop = array.addObject();
      prop.put("name", p.name());
      prop.put("property_id", p.stableId());
      prop.set("type", type(p.type()));
      prop.put("nullable", p.nullable());
      optional(prop, "rename_from", p.renameFrom());
      annotations(prop, p.annotations());
      if (p.embed().isPresent()) {
        ObjectNode embed = prop.putObject("embed").put("source", p.embed().get().source());
        optional(embed, "model", p.embed().get().model());
      } else {
        prop.putNull("embed");
      }
    }
  }

  private static ObjectNode type(ValueType t) {
    ObjectNode o = NODES.objectNode();
    if (t instanceof ValueType.Scalar s) {
      o.put("kind", "scalar").put("base", s.base().pgName());
    } else if (t instanceof ValueType.ListOf l) {
      o.put("kind", "list").put("element", l.element().pgName());
    } else if (t instanceof ValueType.VectorOf v) {
      o.put("kind", "vector").put("dimension", v.dimension());
    } else {
      strings(o.put("kind", "enum").putArray("values"), List.copyOf(((ValueType.EnumOf) t).values()));
    }
    return o;
  }

  private static void annotations(ObjectNode o, Map<String, String> annotations) {
    ObjectNode map = o.putObject("annotations");
    annotations.forEach(map::put);
  }

  private static void optional(ObjectNode o, String field, Optional<String> value) {
    if (value.isPresent()) {
      o.put(field, value.get());
    } else {
      o.putNull(field);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static void tuples(ArrayNode array, List<List<String>> tuples) {
    tuples.forEach(t -> strings(array.addArray(), t));
  }
}

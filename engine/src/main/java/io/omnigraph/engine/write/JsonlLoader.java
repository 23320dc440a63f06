package io.omnigraph.engine.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.engine.EngineContext;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EdgeType;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.KeyIds;
import io.omnigraph.engine.schema.NodeType;
import io.omnigraph.engine.schema.Property;
import io.omnigraph.engine.schema.RowChecks;
import io.omnigraph.engine.schema.Values;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Loads a JSONL graph batch (one node or edge object per line) as one commit. Parsing is strict:
 * every malformed line fails the whole load before anything is staged.
 */
public final class JsonlLoader {
  // A parser per line: its buffers come from a lock-free pool, which costs less per parser than the
  // default pool's thread-local lookup.
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .recyclerPool(JsonRecyclerPools.sharedLockFreePool()).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  static final Set<String> RESERVED = Set.of("_rowid", "_rowaddr", "_rowoffset", "_row_created_at_version",
      "_row_last_updated_at_version");

  private JsonlLoader() {}

  public static LoadResult load(EngineContext ctx, String branch, Reader in, LoadMode mode, String actor) {
    Catalog catalog = ctx.catalog();
    Map<EntityType, Map<String, Map<String, Object>>> batch = new LinkedHashMap<>();
    Map<EntityType, BulkRows.Layout> layouts = new HashMap<>();
    int lineNo = 0;
    try (BufferedReader r = new BufferedReader(in)) {
      for (String line; (line = r.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) continue;
        Row row = atLine(lineNo, line, catalog, ctx, layouts);
        Map<String, Map<String, Object>> rows = batch.computeIfAbsent(row.type, k -> new LinkedHashMap<>());
        boolean collapse = mode == LoadMode.MERGE && row.type instanceof EdgeType;
        if (rows.put(row.id, row.values) != null && !collapse) {
          throw new ConstraintViolation(Rule.KEY, row.type.name(), row.id, "@unique violation on " + row.type.name()
              + " key: id '" + row.id + "' appears twice in the load (line " + lineNo + ")");
        }
      }
    } catch (IOException e) {
      throw OmniGraphException.badInput("cannot read the load input: " + e.getMessage());
    }
    try (GraphTransaction tx = new GraphTransaction(ctx, branch, actor)) {
      int nodes = 0;
      int edges = 0;
      for (Map.Entry<EntityType, Map<String, Map<String, Object>>> e : batch.entrySet()) {
        if (mode == LoadMode.OVERWRITE) tx.replaceAll(e.getKey().name());
        // The rows were prepared line by line: converted, keyed and checked as insert and upsert would.
        int n = tx.putPrepared(e.getKey().name(), e.getValue(), mode == LoadMode.APPEND).rows();
        if (e.getKey() instanceof NodeType) nodes += n;
        else edges += n;
      }
      return new LoadResult(tx.commit(true).orElseThrow(), nodes, edges);
    }
  }

  /** One parsed line; {@code id} is null until {@link #identified} gives it. */
  record Row(EntityType type, String id, Map<String, Object> values) {}

  /** Parses and checks one line; every failure names the line, with the kind and rule it had. */
  private static Row atLine(int lineNo, String line, Catalog catalog, EngineContext ctx,
      Map<EntityType, BulkRows.Layout> layouts) {
    try {
      Row row = StreamedLine.read(line, catalog, layouts);
      if (row == null) row = throughTree(line, lineNo, catalog, layouts);
      row = identified(row, lineNo, ctx);
      RowChecks.checkValues(row.type, row.id, row.values);
      return row;
    } catch (ConstraintViolation v) {
      if (v.getMessage().startsWith("line ")) throw v;
      throw new ConstraintViolation(v.rule(), v.typeName(), v.entityId(), "line " + lineNo + ": " + v.getMessage());
    } catch (OmniGraphException e) {
      if (e.getMessage().startsWith("line ")) throw e;
      throw new OmniGraphException(e.kind(), "line " + lineNo + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a line through its JSON tree, without its id: every line the streamed reading declines,
   * so every error is worded here, in the order of these checks.
   */
  static Row throughTree(String line, int lineNo, Catalog catalog, Map<EntityType, BulkRows.Layout> layouts) {
    JsonNode obj;
    try {
      obj = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw OmniGraphException.badInput(JsonLineErrors.describe(lineNo, e));
    }
    if (!obj.isObject()) throw bad(lineNo, "expected one JSON object per line");
    boolean isNode = obj.has("type");
    boolean isEdge = obj.has("edge");
    if (isNode == isEdge) throw bad(lineNo, "exactly one of \"type\" and \"edge\" is required");
    Set<String> allowed = isNode ? Set.of("type", "data") : Set.of("edge", "from", "to", "data");
    for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) throw bad(lineNo, "unknown top-level graph batch field '" + f + "'");
    }
    String typeName = obj.path(isNode ? "type" : "edge").asText();
    EntityType type = isNode
        ? catalog.node(typeName).orElseThrow(() -> bad(lineNo, "unknown node type '" + typeName + "'"))
        : catalog.edge(typeName).orElseThrow(() -> bad(lineNo, "unknown edge type '" + typeName + "'"));
    JsonNode data = obj.has("data") ? obj.get("data") : JSON.createObjectNode();
    if (!data.isObject()) throw bad(lineNo, "\"data\" must be an object");
    // One array of cells in the table's column order per line, seen as a map: no map per row.
    BulkRows.Layout layout = layouts.computeIfAbsent(type, BulkRows.Layout::of);
    Object[] cells = new Object[layout.names().length];
    Map<String, Object> values = new BulkRows.Row(layout, cells);
    Map<String, Integer> slots = layout.slots();
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = f.getKey();
      if (RESERVED.contains(name)) throw bad(lineNo, "'" + name + "' is a reserved name");
      if (!isNode && (name.equals("src") || name.equals("dst"))) {
        throw bad(lineNo, "'" + name + "' is reserved structural state; use \"from\"/\"to\"");
      }
      if (name.equals("id")) {
        if (!f.getValue().isTextual()) throw bad(lineNo, "explicit id must be a string");
        cells[slots.get("id")] = f.getValue().asText();
        continue;
      }
      Property p = type.property(name).orElseThrow(() -> bad(lineNo, "unknown input field '" + name + "' for " + typeName));
      cells[slots.get(name)] = f.getValue().isNull() ? null : Values.fromJson(p, f.getValue(), type.name());
    }
    if (!isNode) {
      if (!obj.path("from").isTextual() || !obj.path("to").isTextual()) {
        throw bad(lineNo, "edge lines need string \"from\" and \"to\" node ids");
      }
      cells[slots.get("src")] = obj.get("from").asText();
      cells[slots.get("dst")] = obj.get("to").asText();
    }
    return new Row(type, null, values);
  }

  /** The row with its id: derived from a node's key, given, or new. */
  private static Row identified(Row row, int lineNo, EngineContext ctx) {
    EntityType type = row.type;
    Map<String, Object> values = row.values;
    String id;
    if (type instanceof NodeType node && node.keyed()) {
      for (String k : node.key()) {
        if (values.get(k) == null) {
          throw new ConstraintViolation(Rule.REQUIRED, node.name(), null, "line " + lineNo
              + ": missing required property '" + k + "' (the @key of " + node.name() + ")");
        }
      }
      id = KeyIds.deriveId(node, values);
    } else {
      id = values.get("id") == null ? ctx.newId() : (String) values.get("id");
    }
    ((BulkRows.Row) values).set("id", id);
    return new Row(type, id, values);
  }

  private static OmniGraphException bad(int lineNo, String message) {
    return OmniGraphException.badInput("line " + lineNo + ": " + message);
  }
}

package io.omnigraph.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.SchemaIr;
import io.omnigraph.engine.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The three accepted-schema files: the source, the compiled IR (which carries the stable ids) and
 * a state file whose hash ties the two together. A graph whose files disagree is refused.
 */
public final class SchemaFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaFiles() {}

  /**
   * Replaces the accepted schema with {@code catalog}. The state file is written last, so a reader
   * between the writes sees files that disagree and is refused, never a half-new schema.
   */
  public static void write(ObjectStore store, Catalog catalog) {
    String ir = SchemaIr.toJson(catalog);
    store.write(Graph.SCHEMA_IR_FILE, ir);
    store.write(Graph.SCHEMA_FILE, catalog.source());
    store.write(Graph.SCHEMA_STATE_FILE, state(catalog.source(), ir));
  }

  /**
   * The accepted catalog, after checking that the three files agree.
   *
   * @throws io.omnigraph.engine.error.OmniGraphException STATE when a file is missing or the files disagree
   */
  public static Catalog read(ObjectStore store) {
    String source = store.read(Graph.SCHEMA_FILE).orElseThrow();
    String ir = store.read(Graph.SCHEMA_IR_FILE)
        .orElseThrow(() -> OmniGraphException.state("graph at " + store.root() + " has no " + Graph.SCHEMA_IR_FILE));
    String state = store.read(Graph.SCHEMA_STATE_FILE)
        .orElseThrow(() -> OmniGraphException.state("graph at " + store.root() + " has no " + Graph.SCHEMA_STATE_FILE));
    try {
      if (!JSON.readTree(state).path("schema_ir_hash").asText().equals(sha256(ir))) {
        throw OmniGraphException.state("schema files of " + store.root() + " disagree: " + Graph.SCHEMA_STATE_FILE
            + " does not match " + Graph.SCHEMA_IR_FILE);
      }
    } catch (java.io.IOException e) {
      throw OmniGraphException.state(Graph.SCHEMA_STATE_FILE + " is not valid JSON");
    }
    Catalog catalog = SchemaIr.fromJson(ir);
    if (!catalog.source().equals(source)) {
      throw OmniGraphException.state("current " + Graph.SCHEMA_FILE
          + " no longer matches the accepted compiled schema");
    }
    return catalog;
  }

  private static String state(String source, String ir) {
    ObjectNode n = JSON.createObjectNode();
    n.put("format_version", 2);
    n.put("schema_identity_version", 2);
    n.put("schema_ir_hash", sha256(ir));
    n.put("schema_shape_hash", sha256(source));
    n.put("schema_identity_domain", "omnigraph-java");
    return n.toPrettyString();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.omnigraph.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * A declared property of a node or edge type.
 *
 * @param annotations custom annotations and {@code description}, in source order; an annotation
 *     without argument maps to {@code ""}, a keyword argument {@code k} of {@code @a} appears as
 *     {@code a.k}
 * @param indexed the property alone is an {@code @index} tuple
 * @param unique the property alone is a {@code @unique} tuple
 */
public record Property(
    String name,
    ValueType type,
    boolean nullable,
    Map<String, String> annotations,
    long stableId,
    Optional<String> renameFrom,
    boolean indexed,
    boolean unique,
    Optional<EmbedSpec> embed) {

  /** Field metadata key carrying the stable property id on every user column. */
  public static final String STABLE_ID_METADATA = "omnigraph.stable_property_id";

  public Property {
    if (name == null || type == null || renameFrom == null || embed == null) {
      throw new IllegalArgumentException("property needs a name, a type and non-null optionals");
    }
    if (stableId < 1) {
      throw new IllegalArgumentException("stable property id must be positive: " + stableId);
    }
    annotations = Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
  }

  public Optional<String> description() {
    return Optional.ofNullable(annotations.get("description"));
  }

  /** The Arrow field of this property's column, tagged with its stable id. */
  public Field arrowField() {
    return type.field(name, nullable, Map.of(STABLE_ID_METADATA, Long.toString(stableId)));
  }
}

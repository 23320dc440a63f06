package io.omnigraph.engine.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code @name}, {@code @name(value)} or {@code @name(value, key=literal, ...)}; {@code value} is
 * null when the annotation has no arguments.
 */
public record Annotation(String name, Literal value, Map<String, Literal> kwargs, Position pos) {
  public Annotation {
    kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
  }

  public boolean hasValue() {
    return value != null;
  }
}

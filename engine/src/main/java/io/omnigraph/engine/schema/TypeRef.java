package io.omnigraph.engine.schema;

import java.util.List;

/**
 * A property type as written: {@code base} is set for {@link Form#BASE} and {@link Form#LIST},
 * {@code dimension} for {@link Form#VECTOR}, {@code enumValues} (in source order, duplicates kept)
 * for {@link Form#ENUM}.
 */
public record TypeRef(
    Form form,
    BaseType base,
    long dimension,
    List<String> enumValues,
    boolean nullable,
    Position pos) {
  public enum Form {
    BASE,
    LIST,
    VECTOR,
    ENUM
  }

  public TypeRef {
    enumValues = List.copyOf(enumValues);
  }
}

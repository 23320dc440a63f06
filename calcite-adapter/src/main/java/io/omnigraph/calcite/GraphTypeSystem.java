package io.omnigraph.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;

/**
 * Calcite's default type system, except that {@code VALUES ('Alice'), ('Yan')} is VARCHAR rather
 * than space-padded CHAR(5): graph strings are never padded, and a padded value would become a
 * different key.
 *
 * <p>Public because Calcite loads it reflectively ({@code typeSystem} connection property).
 */
public final class GraphTypeSystem extends RelDataTypeSystemImpl {
  public static final GraphTypeSystem INSTANCE = new GraphTypeSystem();

  private GraphTypeSystem() {}

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}

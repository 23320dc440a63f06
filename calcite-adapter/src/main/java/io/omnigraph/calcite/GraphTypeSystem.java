package io.omnigraph.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's default type system with two changes: {@code VALUES ('Alice'), ('Yan')} is VARCHAR
 * rather than space-padded CHAR(5) (graph strings are never padded, and a padded value would become
 * a different key), and DECIMAL reaches 38 digits, as in most databases, so that {@code U64} fits
 * in DECIMAL(20, 0) instead of being cut to Calcite's default of 19.
 *
 * <p>Public because Calcite loads it reflectively ({@code typeSystem} connection property).
 */
public final class GraphTypeSystem extends RelDataTypeSystemImpl {
  public static final GraphTypeSystem INSTANCE = new GraphTypeSystem();

  private GraphTypeSystem() {}

  private static final int MAX_DECIMAL_PRECISION = 38;

  @Override
  public int getMaxPrecision(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }

  @Override
  public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}

package io.omnigraph.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's default type system with three changes (the third, SUM types, is documented on {@link #deriveSumType}): {@code VALUES ('Alice'), ('Yan')} is VARCHAR
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

  /**
   * SUM is one size wider than its argument, as in PostgreSQL: INTEGER sums are BIGINT, BIGINT
   * sums DECIMAL(38, 0). A sum of up to 2^32 values (BIGINT) or 10^19 values (DECIMAL) cannot
   * overflow; were it to, DECIMAL arithmetic is checked and fails with 22003.
   */
  @Override
  public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
    RelDataType sum = switch (argumentType.getSqlTypeName()) {
      case TINYINT, SMALLINT, INTEGER -> typeFactory.createSqlType(SqlTypeName.BIGINT);
      case BIGINT -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, 0);
      case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION, argumentType.getScale());
      default -> super.deriveSumType(typeFactory, argumentType);
    };
    return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
  }

  @Override
  public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}

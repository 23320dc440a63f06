package io.omnigraph.calcite;

import io.omnigraph.engine.schema.BaseType;
import io.omnigraph.engine.schema.ValueType;
import java.sql.Types;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The SQL type of each graph value type (SPEC B.2). The table row types and the driver's {@code
 * DatabaseMetaData} both read this one mapping, so they cannot disagree.
 */
public final class SqlTypes {
  /** Precision of {@code U64} columns: the largest unsigned 64-bit value has 20 digits. */
  public static final int U64_PRECISION = 20;

  private SqlTypes() {}

  /** The {@link java.sql.Types} code of a column of this type. */
  public static int jdbcType(ValueType type) {
    if (type instanceof ValueType.Scalar s) return jdbcType(s.base());
    if (type instanceof ValueType.EnumOf) return Types.VARCHAR;
    return Types.ARRAY;
  }

  /** The {@link java.sql.Types} code of a scalar of this base type. */
  public static int jdbcType(BaseType base) {
    return switch (base) {
      case STRING -> Types.VARCHAR;
      case BOOL -> Types.BOOLEAN;
      case I32 -> Types.INTEGER;
      case I64, U32 -> Types.BIGINT;
      case U64 -> Types.DECIMAL;
      case F32 -> Types.REAL;
      case F64 -> Types.DOUBLE;
      case DATE -> Types.DATE;
      case DATETIME -> Types.TIMESTAMP;
      case BLOB -> Types.VARBINARY;
    };
  }

  /** The SQL type name as metadata reports it: {@code VARCHAR}, {@code INTEGER ARRAY}, {@code DECIMAL}. */
  public static String typeName(ValueType type) {
    if (type instanceof ValueType.Scalar s) return typeName(s.base());
    if (type instanceof ValueType.ListOf l) return typeName(l.element()) + " ARRAY";
    if (type instanceof ValueType.VectorOf) return "REAL ARRAY";
    return "VARCHAR";
  }

  public static String typeName(BaseType base) {
    return sqlTypeName(base).getName();
  }

  /**
   * The column size metadata reports: digits for numbers ({@code 20} for {@code U64}), characters
   * for dates and timestamps, {@code Integer.MAX_VALUE} for unbounded strings and binaries, the
   * dimension for vectors, 0 where a size does not apply.
   */
  public static int columnSize(ValueType type) {
    if (type instanceof ValueType.Scalar s) return columnSize(s.base());
    if (type instanceof ValueType.VectorOf v) return v.dimension();
    if (type instanceof ValueType.EnumOf e) return e.values().stream().mapToInt(String::length).max().orElse(0);
    return 0;
  }

  private static int columnSize(BaseType base) {
    return switch (base) {
      case STRING, BLOB -> Integer.MAX_VALUE;
      case BOOL -> 1;
      case I32 -> 10;
      case I64, U32 -> 19;
      case U64 -> U64_PRECISION;
      case F32 -> 7;
      case F64 -> 15;
      case DATE -> 10;
      case DATETIME -> 23;
    };
  }

  /** Digits after the decimal point: 0 for integers, 3 for timestamps (millisecond precision), else 0. */
  public static int decimalDigits(ValueType type) {
    return type instanceof ValueType.Scalar s && s.base() == BaseType.DATETIME ? 3 : 0;
  }

  /** The Java class {@code ResultSet.getObject} returns for a column of this type. */
  public static String javaClassName(ValueType type) {
    if (type instanceof ValueType.EnumOf) return String.class.getName();
    if (!(type instanceof ValueType.Scalar s)) return java.sql.Array.class.getName();
    return switch (s.base()) {
      case STRING -> String.class.getName();
      case BOOL -> Boolean.class.getName();
      case I32 -> Integer.class.getName();
      case I64, U32 -> Long.class.getName();
      case U64 -> java.math.BigDecimal.class.getName();
      case F32 -> Float.class.getName();
      case F64 -> Double.class.getName();
      case DATE -> java.sql.Date.class.getName();
      case DATETIME -> java.sql.Timestamp.class.getName();
      case BLOB -> byte[].class.getName();
    };
  }

  /** The Calcite row-type field type of a column. */
  static RelDataType relType(RelDataTypeFactory factory, ValueType type, boolean nullable) {
    RelDataType t;
    if (type instanceof ValueType.Scalar s) {
      t = scalar(factory, s.base());
    } else if (type instanceof ValueType.ListOf l) {
      t = factory.createArrayType(scalar(factory, l.element()), -1);
    } else if (type instanceof ValueType.VectorOf) {
      t = factory.createArrayType(factory.createSqlType(SqlTypeName.REAL), -1);
    } else {
      t = factory.createSqlType(SqlTypeName.VARCHAR);
    }
    return factory.createTypeWithNullability(t, nullable);
  }

  private static RelDataType scalar(RelDataTypeFactory factory, BaseType base) {
    return switch (base) {
      case U64 -> factory.createSqlType(SqlTypeName.DECIMAL, U64_PRECISION, 0);
      // Millisecond precision: the engine stores DateTime as Date64.
      case DATETIME -> factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
      default -> factory.createSqlType(sqlTypeName(base));
    };
  }

  static SqlTypeName sqlTypeName(BaseType base) {
    return switch (base) {
      case STRING -> SqlTypeName.VARCHAR;
      case BOOL -> SqlTypeName.BOOLEAN;
      case I32 -> SqlTypeName.INTEGER;
      case I64, U32 -> SqlTypeName.BIGINT;
      case U64 -> SqlTypeName.DECIMAL;
      case F32 -> SqlTypeName.REAL;
      case F64 -> SqlTypeName.DOUBLE;
      case DATE -> SqlTypeName.DATE;
      case DATETIME -> SqlTypeName.TIMESTAMP;
      case BLOB -> SqlTypeName.VARBINARY;
    };
  }
}

package io.omnigraph.calcite;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Sets a parameter of an internal Calcite statement from a loosely typed Java value. Calcite's
 * generated code casts each parameter to the Java class of its inferred SQL type, so a {@code Long}
 * given for an INTEGER parameter would fail there; here it is narrowed first, and the java.time
 * types JDBC 4.2 allows are turned into the java.sql ones Avatica understands.
 */
final class ParameterBinder {
  private ParameterBinder() {}

  static void bind(PreparedStatement ps, int index, Object value, int sqlType) throws SQLException {
    if (value == null) {
      ps.setNull(index, sqlType == Types.OTHER ? Types.NULL : sqlType);
      return;
    }
    try {
      switch (sqlType) {
        case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> ps.setInt(index, exact(value).intValueExact());
        case Types.BIGINT -> ps.setLong(index, exact(value).longValueExact());
        case Types.DECIMAL, Types.NUMERIC -> ps.setBigDecimal(index, decimal(value));
        case Types.DOUBLE, Types.FLOAT -> ps.setDouble(index, number(value).doubleValue());
        case Types.REAL -> ps.setFloat(index, number(value).floatValue());
        case Types.BOOLEAN -> ps.setBoolean(index, bool(value));
        case Types.VARCHAR, Types.CHAR -> ps.setString(index, value.toString());
        case Types.DATE -> ps.setDate(index, date(value));
        case Types.TIMESTAMP -> ps.setTimestamp(index, timestamp(value));
        default -> ps.setObject(index, javaSqlValue(value));
      }
    } catch (ArithmeticException | NumberFormatException | ClassCastException | java.time.DateTimeException e) {
      throw new SQLException("parameter " + index + ": cannot use " + value.getClass().getSimpleName() + " value '"
          + value + "' as " + sqlTypeName(sqlType), StatementErrors.INVALID_CAST, e);
    }
  }

  /** Values Avatica cannot take as they are, as the java.sql class it can. */
  static Object javaSqlValue(Object value) {
    if (value instanceof LocalDate d) return java.sql.Date.valueOf(d);
    if (value instanceof Instant i) return timestamp(i);
    if (value instanceof LocalDateTime t) return Timestamp.valueOf(t);
    if (value instanceof OffsetDateTime t) return timestamp(t.toInstant());
    if (value instanceof BigInteger b) return new BigDecimal(b);
    return value;
  }

  private static BigDecimal exact(Object v) {
    BigDecimal d = decimal(v);
    return new BigDecimal(d.toBigIntegerExact());
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) return d;
    if (v instanceof BigInteger b) return new BigDecimal(b);
    if (v instanceof Double || v instanceof Float) return BigDecimal.valueOf(((Number) v).doubleValue());
    if (v instanceof Number n) return BigDecimal.valueOf(n.longValue());
    if (v instanceof String s) return new BigDecimal(s.trim());
    throw new ClassCastException(v.getClass().getName());
  }

  private static Number number(Object v) {
    if (v instanceof Number n) return n;
    if (v instanceof String s) return Double.valueOf(s.trim());
    throw new ClassCastException(v.getClass().getName());
  }

  private static boolean bool(Object v) {
    if (v instanceof Boolean b) return b;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    if (v instanceof Number n) return n.intValue() != 0;
    throw new ClassCastException(v.getClass().getName());
  }

  private static java.sql.Date date(Object v) {
    if (v instanceof java.sql.Date d) return d;
    if (v instanceof LocalDate d) return java.sql.Date.valueOf(d);
    if (v instanceof Timestamp t) return java.sql.Date.valueOf(t.toLocalDateTime().toLocalDate());
    if (v instanceof java.util.Date d) return new java.sql.Date(d.getTime());
    if (v instanceof LocalDateTime t) return java.sql.Date.valueOf(t.toLocalDate());
    if (v instanceof String s) return java.sql.Date.valueOf(LocalDate.parse(s.trim()));
    throw new ClassCastException(v.getClass().getName());
  }

  private static Timestamp timestamp(Object v) {
    if (v instanceof Timestamp t) return t;
    // TIMESTAMP columns hold UTC wall-clock times; JDBC's Timestamp is a local wall clock.
    if (v instanceof Instant i) return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    if (v instanceof LocalDateTime t) return Timestamp.valueOf(t);
    if (v instanceof OffsetDateTime t) return timestamp(t.toInstant());
    if (v instanceof java.sql.Date d) return Timestamp.valueOf(d.toLocalDate().atStartOfDay());
    if (v instanceof java.util.Date d) return new Timestamp(d.getTime());
    if (v instanceof String s) return Timestamp.valueOf(s.trim());
    throw new ClassCastException(v.getClass().getName());
  }

  private static String sqlTypeName(int sqlType) {
    try {
      return java.sql.JDBCType.valueOf(sqlType).getName();
    } catch (IllegalArgumentException e) {
      return "type " + sqlType;
    }
  }
}

package io.omnigraph.calcite;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Turns a loosely typed JDBC parameter value into the representation a plan's generated code and
 * pushed filters read for the parameter's inferred type: INTEGER as {@code Integer}, BIGINT as
 * {@code Long}, DATE as days since the epoch, TIME as milliseconds of the day, TIMESTAMP as
 * milliseconds since the epoch of its UTC wall clock, and so on. The generated code casts each
 * parameter to the Java class of its type, so a {@code Long} given for an INTEGER parameter must
 * be narrowed here; {@code setString(1, "28")} for an INTEGER parameter means 28 wherever the
 * parameter ends up, in Calcite or in a filter pushed to the engine.
 */
final class ParameterBinder {
  private ParameterBinder() {}

  /**
   * The value for parameter {@code index} (1-based).
   *
   * @param givenType the type the caller's setter implied, {@link Types#OTHER} when it gave none
   * @param inferredType the type the validator inferred for the parameter
   */
  static Object internal(int index, Object value, int givenType, int inferredType) throws SQLException {
    if (value == null) return null;
    try {
      // The caller's type decides how its value is read (setObject(i, "x", INTEGER) is refused as
      // it always was); the inferred type decides the representation the plan reads.
      Object typed = givenType == Types.OTHER || givenType == Types.NULL ? value : as(value, givenType);
      return as(typed, inferredType == Types.OTHER || inferredType == Types.NULL ? givenType : inferredType);
    } catch (ArithmeticException | IllegalArgumentException | ClassCastException | java.time.DateTimeException e) {
      throw new SQLException("parameter " + index + ": cannot use " + value.getClass().getSimpleName() + " value '"
          + value + "' as " + sqlTypeName(inferredType), StatementErrors.INVALID_CAST, e);
    }
  }

  private static Object as(Object value, int sqlType) throws SQLException {
    return switch (sqlType) {
      case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> exact(value).intValueExact();
      case Types.BIGINT -> exact(value).longValueExact();
      case Types.DECIMAL, Types.NUMERIC -> decimal(value);
      case Types.DOUBLE, Types.FLOAT -> number(value).doubleValue();
      case Types.REAL -> number(value).floatValue();
      case Types.BOOLEAN -> bool(value);
      case Types.VARCHAR, Types.CHAR -> value instanceof Number || value instanceof String || value instanceof Boolean
          ? value.toString() : text(value);
      case Types.DATE -> (int) date(value).toEpochDay();
      case Types.TIME -> time(value);
      case Types.TIMESTAMP -> UtcClock.epochMillis(timestamp(value));
      case Types.ARRAY -> list(value);
      case Types.BINARY, Types.VARBINARY -> value instanceof byte[] b ? new ByteString(b) : value;
      default -> untyped(value);
    };
  }

  /** A value whose type neither the caller nor the validator gave, in the representation of its class. */
  private static Object untyped(Object value) throws SQLException {
    if (value instanceof LocalDate || value instanceof java.sql.Date) return as(value, Types.DATE);
    if (value instanceof Instant || value instanceof LocalDateTime || value instanceof OffsetDateTime
        || value instanceof Timestamp) {
      return as(value, Types.TIMESTAMP);
    }
    if (value instanceof Time || value instanceof LocalTime) return as(value, Types.TIME);
    if (value instanceof BigInteger b) return new BigDecimal(b);
    if (value instanceof Byte || value instanceof Short) return ((Number) value).intValue();
    if (value instanceof byte[] b) return new ByteString(b);
    if (value instanceof java.sql.Array || value instanceof Object[] || value instanceof List<?>) return list(value);
    return value;
  }

  private static String text(Object v) {
    if (v instanceof java.sql.Date d) return d.toLocalDate().toString();
    if (v instanceof Timestamp t) return t.toString();
    return v.toString();
  }

  private static List<Object> list(Object v) throws SQLException {
    Object items = v instanceof java.sql.Array a ? a.getArray() : v;
    List<Object> out = new ArrayList<>();
    if (items instanceof List<?> l) {
      for (Object item : l) out.add(item == null ? null : untyped(item));
    } else if (items != null && items.getClass().isArray()) {
      int n = java.lang.reflect.Array.getLength(items);
      for (int i = 0; i < n; i++) {
        Object item = java.lang.reflect.Array.get(items, i);
        out.add(item == null ? null : untyped(item));
      }
    } else {
      throw new ClassCastException(v.getClass().getName());
    }
    return out;
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

  private static LocalDate date(Object v) {
    if (v instanceof Integer days) return LocalDate.ofEpochDay(days);
    if (v instanceof java.sql.Date d) return d.toLocalDate();
    if (v instanceof LocalDate d) return d;
    if (v instanceof Timestamp t) return t.toLocalDateTime().toLocalDate();
    if (v instanceof LocalDateTime t) return t.toLocalDate();
    if (v instanceof Long millis) return UtcClock.wallClock(millis).toLocalDate();
    if (v instanceof java.util.Date d) return new java.sql.Date(d.getTime()).toLocalDate();
    if (v instanceof String s) return LocalDate.parse(s.trim());
    throw new ClassCastException(v.getClass().getName());
  }

  private static int time(Object v) {
    if (v instanceof Integer millis) return millis;
    if (v instanceof Time t) return (int) (t.toLocalTime().toNanoOfDay() / 1_000_000L);
    if (v instanceof LocalTime t) return (int) (t.toNanoOfDay() / 1_000_000L);
    if (v instanceof String s) return (int) (LocalTime.parse(s.trim()).toNanoOfDay() / 1_000_000L);
    throw new ClassCastException(v.getClass().getName());
  }

  /** TIMESTAMP columns hold UTC wall-clock times; JDBC's Timestamp is a local wall clock. */
  private static LocalDateTime timestamp(Object v) {
    if (v instanceof Long millis) return UtcClock.wallClock(millis);
    if (v instanceof Timestamp t) return t.toLocalDateTime();
    if (v instanceof Instant i) return UtcClock.wallClock(i);
    if (v instanceof LocalDateTime t) return t;
    if (v instanceof OffsetDateTime t) return UtcClock.wallClock(t.toInstant());
    if (v instanceof java.sql.Date d) return d.toLocalDate().atStartOfDay();
    if (v instanceof Integer days) return LocalDate.ofEpochDay(days).atStartOfDay();
    if (v instanceof LocalDate d) return d.atStartOfDay();
    if (v instanceof java.util.Date d) return new Timestamp(d.getTime()).toLocalDateTime();
    if (v instanceof String s) return Timestamp.valueOf(s.trim()).toLocalDateTime();
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

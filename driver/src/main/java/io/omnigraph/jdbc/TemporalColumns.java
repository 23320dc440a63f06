package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.calcite.UtcClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * DATE and TIMESTAMP columns of a query, read from the SQL layer's own numbers (days and
 * milliseconds since the epoch) rather than through Avatica's conversions, which go through
 * {@code java.util.Date} milliseconds and so shift dates before the 1582 calendar change and lose
 * the era of years before 1. The date a column holds is the date a caller gets: as a {@link
 * LocalDate} or {@link LocalDateTime} always, as a {@link Date} or {@link Timestamp} built from its
 * fields when {@code toLocalDate()} gives it back (not for the ten days the Julian-Gregorian
 * calendar of java.sql skips in October 1582), else SQLState 22008.
 */
final class TemporalColumns {
  private final ResultSet rows;
  /** {@link Types} of each column, read on first use. */
  private int[] types;

  TemporalColumns(ResultSet rows) {
    this.rows = rows;
  }

  boolean isTemporal(int column) throws SQLException {
    int t = type(column);
    return t == Types.DATE || t == Types.TIMESTAMP;
  }

  /** The column's value as a java.time value of its type, or null. */
  Object value(int column) throws SQLException {
    long n = rows.getLong(column);
    if (rows.wasNull()) return null;
    if (type(column) == Types.DATE) return LocalDate.ofEpochDay(n);
    return UtcClock.wallClock(n);
  }

  Date date(int column) throws SQLException {
    Object v = value(column);
    if (v == null) return null;
    LocalDate d = v instanceof LocalDate ld ? ld : ((LocalDateTime) v).toLocalDate();
    Date out = Date.valueOf(d);
    if (!out.toLocalDate().equals(d)) throw notJdbc(d, column, "LocalDate");
    return out;
  }

  Timestamp timestamp(int column) throws SQLException {
    Object v = value(column);
    if (v == null) return null;
    LocalDateTime t = v instanceof LocalDate ld ? ld.atStartOfDay() : (LocalDateTime) v;
    Timestamp out = Timestamp.valueOf(t);
    if (!out.toLocalDateTime().equals(t)) throw notJdbc(t, column, "LocalDateTime");
    return out;
  }

  /** The value as the legacy JDBC class of its type, as {@code getObject(int)} returns. */
  Object object(int column) throws SQLException {
    return type(column) == Types.DATE ? date(column) : timestamp(column);
  }

  /** {@code getObject(column, type)} for the java.time and java.sql classes; null if {@code type} is another. */
  <T> T object(int column, Class<T> type) throws SQLException {
    Object v = value(column);
    Object out;
    if (type == LocalDate.class) {
      out = v instanceof LocalDateTime t ? t.toLocalDate() : v;
    } else if (type == LocalDateTime.class) {
      out = v instanceof LocalDate d ? d.atStartOfDay() : v;
    } else if (type == Instant.class || type == OffsetDateTime.class) {
      LocalDateTime t = v == null ? null : v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v;
      out = t == null ? null : type == Instant.class ? UtcClock.instant(t) : UtcClock.offset(t);
    } else if (type == Date.class) {
      out = date(column);
    } else if (type == Timestamp.class) {
      out = timestamp(column);
    } else if (type == Object.class) {
      out = object(column);
    } else {
      return null;
    }
    return type.cast(out);
  }

  private static SQLException notJdbc(Object value, int column, String instead) {
    return SqlState.DATETIME_FIELD_OVERFLOW.exception("column " + column + " holds " + value
        + ", which a java.sql value cannot hold (its calendar skips 1582-10-05..14 and has no year 0 or before);"
        + " read it with getObject(" + column + ", " + instead + ".class)");
  }

  private int type(int column) throws SQLException {
    if (types == null) {
      var md = rows.getMetaData();
      int[] t = new int[md.getColumnCount()];
      for (int i = 0; i < t.length; i++) t[i] = md.getColumnType(i + 1);
      types = t;
    }
    return column >= 1 && column <= types.length ? types[column - 1] : Types.OTHER;
  }
}

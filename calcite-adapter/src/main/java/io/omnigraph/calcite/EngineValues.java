package io.omnigraph.calcite;

import java.lang.reflect.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Turns values coming out of Calcite result sets, and JDBC parameters, into the Java types the
 * engine takes: {@code java.sql.Date} to {@code LocalDate}, {@code Timestamp} to {@code Instant}
 * (TIMESTAMP is a UTC wall clock), SQL arrays to lists. Numbers pass as they are: the engine
 * narrows them to the column's type and reports values that do not fit.
 */
final class EngineValues {
  private EngineValues() {}

  /**
   * Column {@code i} of a Calcite result set. DATE and TIMESTAMP are read as the days and
   * milliseconds Calcite holds them in: its java.sql.Date and Timestamp go through a calendar that
   * shifts dates before 1582.
   */
  static Object column(ResultSet rs, int i, int sqlType) throws SQLException {
    if (sqlType == Types.DATE || sqlType == Types.TIMESTAMP) {
      long n = rs.getLong(i);
      if (rs.wasNull()) return null;
      return sqlType == Types.DATE ? LocalDate.ofEpochDay(n) : Instant.ofEpochMilli(n);
    }
    return of(rs.getObject(i));
  }

  static Object of(Object v) throws SQLException {
    if (v == null) return null;
    if (v instanceof Timestamp t) return UtcClock.instant(t.toLocalDateTime());
    if (v instanceof java.sql.Date d) return d.toLocalDate();
    if (v instanceof ByteString b) return b.getBytes();
    if (v instanceof java.sql.Array a) return items(a.getArray());
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(of(item));
      return out;
    }
    if (v.getClass().isArray() && !(v instanceof byte[]) && !(v instanceof float[])) return items(v);
    return v;
  }

  private static List<Object> items(Object array) throws SQLException {
    int n = Array.getLength(array);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(of(Array.get(array, i)));
    return out;
  }
}

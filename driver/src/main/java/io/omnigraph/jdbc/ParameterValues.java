package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlSession;
import io.omnigraph.calcite.SqlState;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The values bound to a prepared statement's {@code ?} markers, with the SQL type each setter
 * implied. Queries hand them to the SQL layer with those types, which converts each to its
 * parameter's inferred type; DML receives them as plain Java values (SQL arrays as {@link List}s).
 */
final class ParameterValues {
  static final ParameterValues NONE = new ParameterValues(0);

  /** Marks a value set by {@code setObject} without a type: the SQL layer infers it. */
  private static final int UNTYPED = Types.OTHER;

  private final Object[] values;
  private final int[] types;
  private final boolean[] set;

  ParameterValues(int count) {
    values = new Object[count];
    types = new int[count];
    set = new boolean[count];
  }

  private ParameterValues(ParameterValues other) {
    values = other.values.clone();
    types = other.types.clone();
    set = other.set.clone();
  }

  int count() {
    return values.length;
  }

  void set(int index, Object value, int sqlType) throws SQLException {
    if (index < 1 || index > values.length) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception(values.length == 0
          ? "the statement has no parameters" : "parameter index " + index + " is out of range 1.." + values.length);
    }
    values[index - 1] = value;
    types[index - 1] = sqlType;
    set[index - 1] = true;
  }

  void setUntyped(int index, Object value) throws SQLException {
    set(index, value, value == null ? Types.NULL : UNTYPED);
  }

  void clear() {
    Arrays.fill(values, null);
    Arrays.fill(set, false);
  }

  /** A copy that later {@code set} calls do not change: one batch entry. */
  ParameterValues snapshot() throws SQLException {
    requireAllSet();
    return new ParameterValues(this);
  }

  void requireAllSet() throws SQLException {
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) throw SqlState.WRONG_PARAMETER_COUNT.exception("no value specified for parameter " + (i + 1));
    }
  }

  /** The values for DML, SQL arrays unwrapped to lists. */
  List<Object> values() throws SQLException {
    if (values.length == 0) return List.of();
    Object[] out = values.clone();
    for (int i = 0; i < out.length; i++) if (out[i] instanceof Array a) out[i] = Arrays.asList((Object[]) a.getArray());
    return Collections.unmodifiableList(Arrays.asList(out));
  }

  /** The values for a query, each with the type its setter implied; the SQL layer converts them to the parameters' types. */
  List<SqlSession.Parameter> parameters() {
    List<SqlSession.Parameter> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) out.add(new SqlSession.Parameter(values[i], types[i]));
    return out;
  }
}

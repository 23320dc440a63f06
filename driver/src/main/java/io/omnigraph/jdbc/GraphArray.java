package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Map;

/** A client-side SQL array built by {@link java.sql.Connection#createArrayOf}, used as a parameter value. */
final class GraphArray implements Array {
  private final String baseTypeName;
  private final int baseType;
  private Object[] elements;

  GraphArray(String baseTypeName, int baseType, Object[] elements) {
    this.baseTypeName = baseTypeName;
    this.baseType = baseType;
    this.elements = elements.clone();
  }

  private Object[] elements() throws SQLException {
    if (elements == null) throw SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.exception("the array was freed");
    return elements;
  }

  @Override
  public String getBaseTypeName() {
    return baseTypeName;
  }

  @Override
  public int getBaseType() {
    return baseType;
  }

  @Override
  public Object getArray() throws SQLException {
    return elements().clone();
  }

  @Override
  public Object getArray(Map<String, Class<?>> map) throws SQLException {
    return getArray();
  }

  @Override
  public Object getArray(long index, int count) throws SQLException {
    Object[] all = elements();
    if (index < 1 || count < 0 || index - 1 + count > all.length) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("array slice " + index + "+" + count + " is out of range");
    }
    return Arrays.copyOfRange(all, (int) index - 1, (int) index - 1 + count);
  }

  @Override
  public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return getArray(index, count);
  }

  @Override
  public ResultSet getResultSet() throws SQLException {
    throw new SQLFeatureNotSupportedException("read the elements with getArray()", SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count) throws SQLException {
    return getResultSet();
  }

  @Override
  public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
    return getResultSet();
  }

  @Override
  public void free() {
    elements = null;
  }

  @Override
  public String toString() {
    return elements == null ? "[freed]" : Arrays.toString(elements);
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Parameter metadata of a statement whose parameter types the SQL layer does not report (DML, and
 * control statements, which have none): the count is exact, the types are honestly unknown.
 */
final class UntypedParameterMetaData implements ParameterMetaData {
  private final int count;

  UntypedParameterMetaData(int count) {
    this.count = count;
  }

  private void check(int param) throws SQLException {
    if (param < 1 || param > count) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("parameter index " + param + " is out of range 1.." + count);
    }
  }

  @Override
  public int getParameterCount() {
    return count;
  }

  @Override
  public int isNullable(int param) throws SQLException {
    check(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    check(param);
    return false;
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getScale(int param) throws SQLException {
    check(param);
    return 0;
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    check(param);
    return Types.OTHER;
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    check(param);
    return "OTHER";
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    check(param);
    return Object.class.getName();
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    check(param);
    return parameterModeIn;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new SQLException("not a wrapper for " + iface.getName(), SqlState.GENERAL_ERROR.code());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}

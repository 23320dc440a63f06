package io.omnigraph.calcite;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.avatica.AvaticaParameter;

/** The {@code ?} markers of a planned query, each with the type the validator inferred for it. */
final class PlanParameters implements ParameterMetaData {
  private final List<AvaticaParameter> parameters;

  PlanParameters(List<AvaticaParameter> parameters) {
    this.parameters = parameters;
  }

  private AvaticaParameter parameter(int index) throws SQLException {
    if (index < 1 || index > parameters.size()) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception(parameters.isEmpty()
          ? "the statement has no parameters" : "parameter index " + index + " is out of range 1.." + parameters.size());
    }
    return parameters.get(index - 1);
  }

  @Override
  public int getParameterCount() {
    return parameters.size();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    parameter(param);
    return parameterNullableUnknown;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return parameter(param).signed;
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return parameter(param).precision;
  }

  @Override
  public int getScale(int param) throws SQLException {
    return parameter(param).scale;
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return parameter(param).parameterType;
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return parameter(param).typeName;
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return parameter(param).className;
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    parameter(param);
    return parameterModeIn;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw SqlState.GENERAL_ERROR.exception("not a wrapper for " + iface.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}

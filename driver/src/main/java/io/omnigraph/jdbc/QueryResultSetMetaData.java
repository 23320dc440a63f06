package io.omnigraph.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The SQL layer's result metadata, with the one answer tools rely on corrected: Calcite reports -1
 * as the display size of unbounded text, which shells such as sqlline render as empty columns.
 */
final class QueryResultSetMetaData implements ResultSetMetaData {
  private final ResultSetMetaData inner;

  QueryResultSetMetaData(ResultSetMetaData inner) {
    this.inner = inner;
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    int size = inner.getColumnDisplaySize(column);
    if (size > 0) return size;
    return switch (inner.getColumnType(column)) {
      case Types.BOOLEAN -> 5;
      case Types.INTEGER -> 11;
      case Types.BIGINT -> 20;
      case Types.REAL, Types.FLOAT -> 15;
      case Types.DOUBLE -> 24;
      case Types.DATE -> 10;
      case Types.TIMESTAMP -> 23;
      default -> Integer.MAX_VALUE;
    };
  }

  @Override public int getColumnCount() throws SQLException { return inner.getColumnCount(); }
  @Override public boolean isAutoIncrement(int c) throws SQLException { return inner.isAutoIncrement(c); }
  @Override public boolean isCaseSensitive(int c) throws SQLException { return inner.isCaseSensitive(c); }
  @Override public boolean isSearchable(int c) throws SQLException { return inner.isSearchable(c); }
  @Override public boolean isCurrency(int c) throws SQLException { return inner.isCurrency(c); }
  @Override public int isNullable(int c) throws SQLException { return inner.isNullable(c); }
  @Override public boolean isSigned(int c) throws SQLException { return inner.isSigned(c); }
  @Override public String getColumnLabel(int c) throws SQLException { return inner.getColumnLabel(c); }
  @Override public String getColumnName(int c) throws SQLException { return inner.getColumnName(c); }
  @Override public String getSchemaName(int c) throws SQLException { return inner.getSchemaName(c); }
  @Override public int getPrecision(int c) throws SQLException { return inner.getPrecision(c); }
  @Override public int getScale(int c) throws SQLException { return inner.getScale(c); }
  @Override public String getTableName(int c) throws SQLException { return inner.getTableName(c); }
  @Override public String getCatalogName(int c) throws SQLException { return inner.getCatalogName(c); }
  @Override public int getColumnType(int c) throws SQLException { return inner.getColumnType(c); }
  @Override public String getColumnTypeName(int c) throws SQLException { return inner.getColumnTypeName(c); }
  @Override public boolean isReadOnly(int c) throws SQLException { return inner.isReadOnly(c); }
  @Override public boolean isWritable(int c) throws SQLException { return inner.isWritable(c); }
  @Override public boolean isDefinitelyWritable(int c) throws SQLException { return inner.isDefinitelyWritable(c); }
  @Override public String getColumnClassName(int c) throws SQLException { return inner.getColumnClassName(c); }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    return inner.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || inner.isWrapperFor(iface);
  }
}

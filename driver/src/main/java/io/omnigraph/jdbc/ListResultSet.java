package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A small in-memory result: the driver's metadata answers, generated keys and control statement
 * results. Values are Strings, Booleans and integral Numbers; getters convert between them the way
 * JDBC's conversion table allows.
 */
final class ListResultSet extends NamedColumnResultSet {
  private final Statement statement;
  private final List<ResultColumn> columns;
  private final Iterator<Object[]> rows;
  private Object[] current;
  private int rowNumber;
  private boolean exhausted;
  private boolean wasNull;
  private boolean closed;

  ListResultSet(Statement statement, List<ResultColumn> columns, List<Object[]> rows) {
    this.statement = statement;
    this.columns = List.copyOf(columns);
    this.rows = List.copyOf(rows).iterator();
  }

  /** An empty result with the given columns. */
  static ListResultSet empty(Statement statement, List<ResultColumn> columns) {
    return new ListResultSet(statement, columns, List.of());
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (rows.hasNext()) {
      current = rows.next();
      rowNumber++;
      return true;
    }
    current = null;
    exhausted = true;
    return false;
  }

  private Object value(int columnIndex) throws SQLException {
    checkOpen();
    if (current == null) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("the result set is not on a row; call next() first");
    }
    if (columnIndex < 1 || columnIndex > columns.size()) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("column index " + columnIndex + " is out of range 1.." + columns.size());
    }
    Object v = current[columnIndex - 1];
    wasNull = v == null;
    return v;
  }

  private Number number(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v == null) return 0;
    if (v instanceof Number n) return n;
    if (v instanceof Boolean b) return b ? 1 : 0;
    try {
      return new BigDecimal(v.toString().trim());
    } catch (NumberFormatException e) {
      throw SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.exception("'" + v + "' is not a number", e);
    }
  }

  private void checkOpen() throws SQLException {
    if (closed) throw SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.exception("the result set is closed");
  }

  @Override
  public boolean wasNull() {
    return wasNull;
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    return v == null ? null : v.toString();
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    Object v = value(columnIndex);
    if (v == null) return false;
    if (v instanceof Boolean b) return b;
    if (v instanceof Number n) return n.longValue() != 0;
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("1") || s.equals("yes");
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return number(columnIndex).byteValue();
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return number(columnIndex).shortValue();
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return number(columnIndex).intValue();
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return number(columnIndex).longValue();
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return number(columnIndex).floatValue();
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return number(columnIndex).doubleValue();
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    Number n = number(columnIndex);
    return wasNull ? null : new BigDecimal(n.toString());
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(columnIndex);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    throw unsupportedType("DATE");
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    throw unsupportedType("TIME");
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    throw unsupportedType("TIMESTAMP");
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    return getDate(columnIndex);
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    return getTime(columnIndex);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    return getTimestamp(columnIndex);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    byte[] b = getBytes(columnIndex);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    return getAsciiStream(columnIndex);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    String s = getString(columnIndex);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return value(columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    Object v = value(columnIndex);
    if (v == null) return null;
    if (type.isInstance(v)) return type.cast(v);
    if (type == String.class) return type.cast(v.toString());
    if (type == Integer.class) return type.cast(getInt(columnIndex));
    if (type == Long.class) return type.cast(getLong(columnIndex));
    if (type == Short.class) return type.cast(getShort(columnIndex));
    if (type == Boolean.class) return type.cast(getBoolean(columnIndex));
    if (type == BigDecimal.class) return type.cast(getBigDecimal(columnIndex));
    if (type == Double.class) return type.cast(getDouble(columnIndex));
    throw SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.exception("cannot convert " + v.getClass().getSimpleName() + " to " + type.getName());
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    throw unsupportedType("ARRAY");
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    throw unsupportedType("BLOB");
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    throw unsupportedType("CLOB");
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    throw unsupportedType("NCLOB");
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equalsIgnoreCase(columnLabel)) return i + 1;
    }
    throw SqlState.UNDEFINED_COLUMN.exception("the result has no column '" + columnLabel + "'");
  }

  @Override
  public ResultSetMetaData getMetaData() {
    return new ListResultSetMetaData(columns);
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public int getRow() {
    return current == null ? 0 : rowNumber;
  }

  @Override
  public boolean isBeforeFirst() {
    return rowNumber == 0 && rows.hasNext();
  }

  @Override
  public boolean isAfterLast() {
    return exhausted && rowNumber > 0;
  }

  @Override
  public boolean isFirst() {
    return current != null && rowNumber == 1;
  }

  @Override
  public boolean isLast() {
    return current != null && !rows.hasNext();
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    if (rows < 0) throw SqlState.INVALID_PARAMETER_VALUE.exception("fetch size must be >= 0");
  }

  @Override
  public int getFetchSize() {
    return 0;
  }

  @Override
  public SQLWarning getWarnings() {
    return null;
  }

  @Override
  public void clearWarnings() {}

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }
}

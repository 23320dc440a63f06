package io.omnigraph.jdbc;

import io.omnigraph.calcite.QueryPlan;
import io.omnigraph.calcite.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A statement prepared once (planned once, for queries) and executed with different parameter
 * values. {@code addBatch}/{@code executeBatch} run the same DML with every parameter set in one
 * engine transaction.
 */
final class OmniGraphPreparedStatement extends OmniGraphStatement implements PreparedStatement {
  private final Command command;
  private final boolean wantKeys;
  private final ParameterValues params;
  private final List<ParameterValues> batch = new ArrayList<>();

  OmniGraphPreparedStatement(OmniGraphConnection connection, String sql, boolean wantKeys) throws SQLException {
    super(connection);
    this.command = Command.prepare(connection::sqlSession, sql);
    this.wantKeys = wantKeys;
    this.params = new ParameterValues(command.parameterCount());
  }

  private ExecutionResult runPrepared() throws SQLException {
    checkOpen();
    params.requireAllSet();
    return run(command, params, false, wantKeys);
  }

  @Override
  public ResultSet executeQuery() throws SQLException {
    expect(command, true, false);
    return runPrepared().resultSet();
  }

  @Override
  public int executeUpdate() throws SQLException {
    return GeneratedKeys.toInt(executeLargeUpdate());
  }

  @Override
  public long executeLargeUpdate() throws SQLException {
    expect(command, false, false);
    return runPrepared().updateCount();
  }

  @Override
  public boolean execute() throws SQLException {
    return runPrepared().hasResultSet();
  }

  @Override
  public synchronized void addBatch() throws SQLException {
    checkOpen();
    if (!(command instanceof Command.Dml)) throw Batch.notDml(batch.size());
    batch.add(params.snapshot());
  }

  @Override
  public synchronized void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public synchronized long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<ParameterValues> sets = List.copyOf(batch);
    batch.clear();
    return runBatch(Collections.nCopies(sets.size(), command), sets, wantKeys);
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    params.clear();
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    return command instanceof Command.Query q ? new QueryResultSetMetaData(q.plan().metaData()) : null;
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    checkOpen();
    return command instanceof Command.Query q ? q.plan().parameterMetaData()
        : new UntypedParameterMetaData(params.count());
  }

  /**
   * Also unwraps to the {@link QueryPlan} a query runs: planned once per statement text and schema
   * for every connection of the graph, so two statements of one text share it.
   */
  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface == QueryPlan.class && command instanceof Command.Query q) return iface.cast(q.plan());
    return super.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return (iface == QueryPlan.class && command instanceof Command.Query) || super.isWrapperFor(iface);
  }

  @Override
  public synchronized void close() throws SQLException {
    if (isClosed()) return;
    super.close();
    command.close();
  }

  // ---- parameter setters ----

  @Override
  public void setNull(int parameterIndex, int sqlType) throws SQLException {
    params.set(parameterIndex, null, sqlType);
  }

  @Override
  public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    params.set(parameterIndex, null, sqlType);
  }

  @Override
  public void setBoolean(int parameterIndex, boolean x) throws SQLException {
    params.set(parameterIndex, x, Types.BOOLEAN);
  }

  @Override
  public void setByte(int parameterIndex, byte x) throws SQLException {
    params.set(parameterIndex, (int) x, Types.INTEGER);
  }

  @Override
  public void setShort(int parameterIndex, short x) throws SQLException {
    params.set(parameterIndex, (int) x, Types.INTEGER);
  }

  @Override
  public void setInt(int parameterIndex, int x) throws SQLException {
    params.set(parameterIndex, x, Types.INTEGER);
  }

  @Override
  public void setLong(int parameterIndex, long x) throws SQLException {
    params.set(parameterIndex, x, Types.BIGINT);
  }

  @Override
  public void setFloat(int parameterIndex, float x) throws SQLException {
    params.set(parameterIndex, x, Types.REAL);
  }

  @Override
  public void setDouble(int parameterIndex, double x) throws SQLException {
    params.set(parameterIndex, x, Types.DOUBLE);
  }

  @Override
  public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    params.set(parameterIndex, x, Types.DECIMAL);
  }

  @Override
  public void setString(int parameterIndex, String x) throws SQLException {
    params.set(parameterIndex, x, Types.VARCHAR);
  }

  @Override
  public void setNString(int parameterIndex, String value) throws SQLException {
    setString(parameterIndex, value);
  }

  @Override
  public void setBytes(int parameterIndex, byte[] x) throws SQLException {
    params.set(parameterIndex, x, Types.VARBINARY);
  }

  @Override
  public void setDate(int parameterIndex, Date x) throws SQLException {
    params.set(parameterIndex, x, Types.DATE);
  }

  @Override
  public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    setDate(parameterIndex, x == null || cal == null ? x : Date.valueOf(TemporalParameters.localDate(x, cal)));
  }

  @Override
  public void setTime(int parameterIndex, Time x) throws SQLException {
    params.set(parameterIndex, x, Types.TIME);
  }

  @Override
  public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    setTime(parameterIndex, x);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    params.set(parameterIndex, x, Types.TIMESTAMP);
  }

  @Override
  public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
    setTimestamp(parameterIndex, x == null || cal == null ? x : TemporalParameters.inZone(x, cal));
  }

  @Override
  public void setArray(int parameterIndex, Array x) throws SQLException {
    params.set(parameterIndex, x, Types.ARRAY);
  }

  @Override
  public void setObject(int parameterIndex, Object x) throws SQLException {
    params.setUntyped(parameterIndex, x);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    params.set(parameterIndex, x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    params.set(parameterIndex, x, targetSqlType);
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
    params.set(parameterIndex, x, vendorType(targetSqlType));
  }

  @Override
  public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    params.set(parameterIndex, x, vendorType(targetSqlType));
  }

  private static int vendorType(SQLType type) throws SQLException {
    if (type == null || type.getVendorTypeNumber() == null) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("unknown SQL type " + type);
    }
    return type.getVendorTypeNumber();
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    setString(parameterIndex, x == null ? null : new String(readAll(x, -1), StandardCharsets.US_ASCII));
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setAsciiStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
    setString(parameterIndex, x == null ? null : new String(readAll(x, length), StandardCharsets.US_ASCII));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    setBytes(parameterIndex, x == null ? null : readAll(x, -1));
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
    setBinaryStream(parameterIndex, x, (long) length);
  }

  @Override
  public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
    setBytes(parameterIndex, x == null ? null : readAll(x, length));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    setString(parameterIndex, reader == null ? null : readAll(reader, -1));
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
    setCharacterStream(parameterIndex, reader, (long) length);
  }

  @Override
  public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
    setString(parameterIndex, reader == null ? null : readAll(reader, length));
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    setCharacterStream(parameterIndex, value);
  }

  @Override
  public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
    setCharacterStream(parameterIndex, value, length);
  }

  @Override
  public void setBlob(int parameterIndex, Blob x) throws SQLException {
    setBytes(parameterIndex, x == null ? null : x.getBytes(1, (int) x.length()));
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    setBinaryStream(parameterIndex, inputStream);
  }

  @Override
  public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
    setBinaryStream(parameterIndex, inputStream, length);
  }

  @Override
  public void setClob(int parameterIndex, Clob x) throws SQLException {
    setString(parameterIndex, x == null ? null : x.getSubString(1, (int) x.length()));
  }

  @Override
  public void setClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public void setNClob(int parameterIndex, NClob value) throws SQLException {
    setClob(parameterIndex, value);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader) throws SQLException {
    setCharacterStream(parameterIndex, reader);
  }

  @Override
  public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  @Deprecated
  public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
    throw new SQLFeatureNotSupportedException("setUnicodeStream is deprecated; use setCharacterStream",
        SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public void setRef(int parameterIndex, Ref x) throws SQLException {
    throw NamedColumnResultSet.unsupportedType("REF");
  }

  @Override
  public void setRowId(int parameterIndex, RowId x) throws SQLException {
    throw NamedColumnResultSet.unsupportedType("ROWID");
  }

  @Override
  public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    throw NamedColumnResultSet.unsupportedType("XML");
  }

  @Override
  public void setURL(int parameterIndex, URL x) throws SQLException {
    throw NamedColumnResultSet.unsupportedType("DATALINK");
  }

  private static byte[] readAll(InputStream in, long length) throws SQLException {
    try {
      return length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
    } catch (IOException e) {
      throw SqlState.IO_ERROR.exception("cannot read the parameter stream: " + e.getMessage(), e);
    }
  }

  private static String readAll(Reader in, long length) throws SQLException {
    try {
      StringBuilder sb = new StringBuilder();
      char[] buf = new char[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) >= 0; left -= n) {
        sb.append(buf, 0, n);
      }
      return sb.toString();
    } catch (IOException e) {
      throw SqlState.IO_ERROR.exception("cannot read the parameter stream: " + e.getMessage(), e);
    }
  }

  // ---- the SQL-taking Statement methods, which JDBC forbids on a PreparedStatement ----

  private static SQLException sqlTextNotAllowed() {
    return SqlState.GENERAL_ERROR.exception("a PreparedStatement runs the SQL it was prepared with; use execute() without SQL text");
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    throw sqlTextNotAllowed();
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    throw sqlTextNotAllowed();
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    throw sqlTextNotAllowed();
  }

  @Override
  public void addBatch(String sql) throws SQLException {
    throw sqlTextNotAllowed();
  }
}

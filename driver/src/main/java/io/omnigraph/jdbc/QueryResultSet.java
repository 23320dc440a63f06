package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * The rows of a query, streamed from one execution of its plan (values read with the accessors
 * of each column's representation). This wrapper adds what the driver promises on top:
 * {@code setMaxRows} is enforced while reading, a cancel or timeout stops reading at the next row,
 * a failure while reading closes the rows and the scans the execution opened and gets its SQLState.
 */
final class QueryResultSet extends NamedColumnResultSet {
  private final OmniGraphStatement statement;
  private final ResultSet rows;
  private final long maxRows;
  private final Cancellation cancellation;
  private final Command ownedCommand;
  private final TemporalColumns temporal;
  private long read;
  private volatile boolean closed;
  /** The rows and the command are let go: on close, or as soon as reading failed. */
  private boolean released;

  QueryResultSet(OmniGraphStatement statement, ResultSet rows, long maxRows, Cancellation cancellation, Command ownedCommand) {
    this.statement = statement;
    this.rows = rows;
    this.maxRows = maxRows;
    this.cancellation = cancellation;
    this.ownedCommand = ownedCommand;
    this.temporal = new TemporalColumns(rows);
  }

  @Override
  public synchronized boolean next() throws SQLException {
    if (closed || released) throw SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.exception("the result set is closed");
    cancellation.check();
    if (maxRows > 0 && read >= maxRows) {
      cancellation.finish();
      return false;
    }
    boolean more;
    try {
      more = rows.next();
    } catch (SQLException | RuntimeException e) {
      // The operators that failed hold scans mid-read: release them now, not when the caller closes.
      try {
        release();
      } catch (SQLException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      cancellation.check();
      throw SqlErrors.from(e);
    }
    if (more) {
      read++;
    } else {
      cancellation.finish();
    }
    return more;
  }

  /**
   * Closes from another thread (a statement or connection closing) wait here for a {@link #next}
   * in progress, which the cancel raised before the close ends within a row: scans are never
   * closed under a reader.
   */
  @Override
  public void close() throws SQLException {
    synchronized (this) {
      if (closed) return;
      closed = true;
    }
    try {
      release();
    } finally {
      statement.resultClosed(this);
    }
  }

  private synchronized void release() throws SQLException {
    if (released) return;
    released = true;
    cancellation.finish();
    try {
      rows.close();
    } finally {
      if (ownedCommand != null) ownedCommand.close();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public Statement getStatement() {
    return statement;
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return new QueryResultSetMetaData(rows.getMetaData());
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    return rows.findColumn(columnLabel);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return rows.wasNull();
  }

  @Override
  public String getString(int columnIndex) throws SQLException {
    return rows.getString(columnIndex);
  }

  @Override
  public boolean getBoolean(int columnIndex) throws SQLException {
    return rows.getBoolean(columnIndex);
  }

  @Override
  public byte getByte(int columnIndex) throws SQLException {
    return rows.getByte(columnIndex);
  }

  @Override
  public short getShort(int columnIndex) throws SQLException {
    return rows.getShort(columnIndex);
  }

  @Override
  public int getInt(int columnIndex) throws SQLException {
    return rows.getInt(columnIndex);
  }

  @Override
  public long getLong(int columnIndex) throws SQLException {
    return rows.getLong(columnIndex);
  }

  @Override
  public float getFloat(int columnIndex) throws SQLException {
    return rows.getFloat(columnIndex);
  }

  @Override
  public double getDouble(int columnIndex) throws SQLException {
    return rows.getDouble(columnIndex);
  }

  @Override
  public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
    return rows.getBigDecimal(columnIndex);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
    return rows.getBigDecimal(columnIndex, scale);
  }

  @Override
  public byte[] getBytes(int columnIndex) throws SQLException {
    return rows.getBytes(columnIndex);
  }

  @Override
  public Date getDate(int columnIndex) throws SQLException {
    return temporal.isTemporal(columnIndex) ? temporal.date(columnIndex) : rows.getDate(columnIndex);
  }

  @Override
  public Date getDate(int columnIndex, Calendar cal) throws SQLException {
    return rows.getDate(columnIndex, cal);
  }

  @Override
  public Time getTime(int columnIndex) throws SQLException {
    return rows.getTime(columnIndex);
  }

  @Override
  public Time getTime(int columnIndex, Calendar cal) throws SQLException {
    return rows.getTime(columnIndex, cal);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex) throws SQLException {
    return temporal.isTemporal(columnIndex) ? temporal.timestamp(columnIndex) : rows.getTimestamp(columnIndex);
  }

  @Override
  public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
    return rows.getTimestamp(columnIndex, cal);
  }

  @Override
  public InputStream getAsciiStream(int columnIndex) throws SQLException {
    return rows.getAsciiStream(columnIndex);
  }

  @Override
  public InputStream getBinaryStream(int columnIndex) throws SQLException {
    return rows.getBinaryStream(columnIndex);
  }

  @Override
  public Reader getCharacterStream(int columnIndex) throws SQLException {
    return rows.getCharacterStream(columnIndex);
  }

  @Override
  public Object getObject(int columnIndex) throws SQLException {
    return temporal.isTemporal(columnIndex) ? temporal.object(columnIndex) : rows.getObject(columnIndex);
  }

  @Override
  public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
    if (temporal.isTemporal(columnIndex)) {
      T value = temporal.object(columnIndex, type);
      if (value != null || rows.wasNull()) return value;
    }
    return ObjectConversions.get(rows, columnIndex, type);
  }

  @Override
  public Array getArray(int columnIndex) throws SQLException {
    return rows.getArray(columnIndex);
  }

  @Override
  public Blob getBlob(int columnIndex) throws SQLException {
    return rows.getBlob(columnIndex);
  }

  @Override
  public Clob getClob(int columnIndex) throws SQLException {
    return rows.getClob(columnIndex);
  }

  @Override
  public NClob getNClob(int columnIndex) throws SQLException {
    return rows.getNClob(columnIndex);
  }

  @Override
  public int getRow() throws SQLException {
    return rows.getRow();
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return rows.isBeforeFirst();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return rows.isAfterLast();
  }

  @Override
  public boolean isFirst() throws SQLException {
    return rows.isFirst();
  }

  @Override
  public boolean isLast() throws SQLException {
    return rows.isLast();
  }

  @Override
  public void setFetchSize(int size) throws SQLException {
    rows.setFetchSize(size);
  }

  @Override
  public int getFetchSize() throws SQLException {
    return rows.getFetchSize();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return rows.getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    rows.clearWarnings();
  }
}

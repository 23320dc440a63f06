package io.omnigraph.calcite;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.calcite.avatica.util.Cursor;

/**
 * Reads a column's own type straight from the current batch's vector: {@code getLong} of a BIGINT
 * (and of the days and milliseconds DATE and TIMESTAMP columns hold, which the driver reads them
 * by), {@code getString} of a VARCHAR and so on, each giving what Avatica's accessor gives for the
 * same cell. Every other getter, and every getter of a scan read row by row, is Avatica's.
 */
final class VectorAccessor extends ForwardingAccessor {
  private final ScanCursor rows;
  private final int column;

  VectorAccessor(Cursor.Accessor delegate, ScanCursor rows, int column) {
    super(delegate);
    this.rows = rows;
    this.column = column;
  }

  @Override
  public long getLong() throws SQLException {
    if (!rows.inPlace()) return delegate.getLong();
    FieldVector v = rows.vector(column);
    int r = rows.rowIndex();
    if (v instanceof BigIntVector b) return isNull(b, r) ? 0 : b.get(r);
    if (v instanceof IntVector i) return isNull(i, r) ? 0 : i.get(r);
    if (v instanceof DateMilliVector d) return isNull(d, r) ? 0 : d.get(r);
    if (v instanceof DateDayVector d) return isNull(d, r) ? 0 : d.get(r);
    if (v instanceof UInt4Vector u) return isNull(u, r) ? 0 : Integer.toUnsignedLong(u.get(r));
    return delegate.getLong();
  }

  @Override
  public int getInt() throws SQLException {
    if (rows.inPlace() && rows.vector(column) instanceof IntVector v) {
      int r = rows.rowIndex();
      return isNull(v, r) ? 0 : v.get(r);
    }
    return delegate.getInt();
  }

  @Override
  public double getDouble() throws SQLException {
    if (rows.inPlace() && rows.vector(column) instanceof Float8Vector v) {
      int r = rows.rowIndex();
      return isNull(v, r) ? 0 : v.get(r);
    }
    return delegate.getDouble();
  }

  @Override
  public float getFloat() throws SQLException {
    if (rows.inPlace() && rows.vector(column) instanceof Float4Vector v) {
      int r = rows.rowIndex();
      return isNull(v, r) ? 0 : v.get(r);
    }
    return delegate.getFloat();
  }

  @Override
  public boolean getBoolean() throws SQLException {
    if (rows.inPlace() && rows.vector(column) instanceof BitVector v) {
      int r = rows.rowIndex();
      return !isNull(v, r) && v.get(r) != 0;
    }
    return delegate.getBoolean();
  }

  @Override
  public String getString() throws SQLException {
    if (rows.inPlace() && rows.vector(column) instanceof VarCharVector v) {
      int r = rows.rowIndex();
      return isNull(v, r) ? null : new String(v.get(r), StandardCharsets.UTF_8);
    }
    return delegate.getString();
  }

  @Override
  public byte[] getBytes() throws SQLException {
    if (rows.inPlace() && rows.vector(column) instanceof LargeVarBinaryVector v) {
      int r = rows.rowIndex();
      return isNull(v, r) ? null : v.get(r);
    }
    return delegate.getBytes();
  }

  private boolean isNull(FieldVector v, int row) {
    boolean isNull = v.isNull(row);
    rows.setNull(isNull);
    return isNull;
  }
}

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

  /** The current cell's vector, or null when the getter is Avatica's; notes whether the cell is null. */
  private FieldVector cell(Class<? extends FieldVector> type) {
    if (!rows.inPlace()) return null;
    FieldVector v = rows.vector(column);
    if (!type.isInstance(v)) return null;
    rows.setNull(v.isNull(rows.rowIndex()));
    return v;
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
    IntVector v = (IntVector) cell(IntVector.class);
    if (v == null) return delegate.getInt();
    return rows.wasNull() ? 0 : v.get(rows.rowIndex());
  }

  @Override
  public double getDouble() throws SQLException {
    Float8Vector v = (Float8Vector) cell(Float8Vector.class);
    if (v == null) return delegate.getDouble();
    return rows.wasNull() ? 0 : v.get(rows.rowIndex());
  }

  @Override
  public float getFloat() throws SQLException {
    Float4Vector v = (Float4Vector) cell(Float4Vector.class);
    if (v == null) return delegate.getFloat();
    return rows.wasNull() ? 0 : v.get(rows.rowIndex());
  }

  @Override
  public boolean getBoolean() throws SQLException {
    BitVector v = (BitVector) cell(BitVector.class);
    if (v == null) return delegate.getBoolean();
    return !rows.wasNull() && v.get(rows.rowIndex()) != 0;
  }

  @Override
  public String getString() throws SQLException {
    VarCharVector v = (VarCharVector) cell(VarCharVector.class);
    if (v == null) return delegate.getString();
    return rows.wasNull() ? null : new String(v.get(rows.rowIndex()), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] getBytes() throws SQLException {
    LargeVarBinaryVector v = (LargeVarBinaryVector) cell(LargeVarBinaryVector.class);
    if (v == null) return delegate.getBytes();
    return rows.wasNull() ? null : v.get(rows.rowIndex());
  }

  private boolean isNull(FieldVector v, int row) {
    boolean isNull = v.isNull(row);
    rows.setNull(isNull);
    return isNull;
  }
}

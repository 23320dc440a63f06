package io.omnigraph.calcite;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DateMilliVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarBinaryVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.calcite.avatica.util.ByteString;

/**
 * A stored cell in Calcite's representation, read straight from its Arrow vector: the value
 * {@link InternalValues#of} makes of the engine's Java value for the same cell, without making
 * that value first.
 */
final class VectorValues {
  private VectorValues() {}

  static Object of(FieldVector v, int index) {
    if (v.isNull(index)) return null;
    if (v instanceof VarCharVector s) return new String(s.get(index), StandardCharsets.UTF_8);
    if (v instanceof BigIntVector i) return i.get(index);
    if (v instanceof IntVector i) return i.get(index);
    if (v instanceof Float8Vector f) return f.get(index);
    if (v instanceof BitVector b) return b.get(index) != 0;
    if (v instanceof DateMilliVector d) return d.get(index);
    if (v instanceof DateDayVector d) return d.get(index);
    if (v instanceof Float4Vector f) return f.get(index);
    if (v instanceof UInt4Vector u) return Integer.toUnsignedLong(u.get(index));
    if (v instanceof UInt8Vector u) return new BigDecimal(u.getObjectNoOverflow(index));
    if (v instanceof LargeVarBinaryVector b) return new ByteString(b.get(index));
    if (v instanceof VarBinaryVector b) return new ByteString(b.get(index));
    if (v instanceof LargeVarCharVector s) return new String(s.get(index), StandardCharsets.UTF_8);
    if (v instanceof ListVector l) {
      FieldVector items = l.getDataVector();
      int end = l.getElementEndIndex(index);
      List<Object> out = new ArrayList<>(end - l.getElementStartIndex(index));
      for (int i = l.getElementStartIndex(index); i < end; i++) out.add(of(items, i));
      return out;
    }
    if (v instanceof FixedSizeListVector f && f.getDataVector() instanceof Float4Vector items) {
      int size = f.getListSize();
      List<Object> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) out.add(items.get(index * size + i));
      return out;
    }
    return InternalValues.of(v.getObject(index));
  }
}

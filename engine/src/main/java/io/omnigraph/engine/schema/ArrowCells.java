package io.omnigraph.engine.schema;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
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

/** Reads and writes single cells of the Arrow vectors that {@link ArrowTypes} describes. */
final class ArrowCells {
  private ArrowCells() {}

  /** Writes a canonical value (or null) of {@code type} at {@code index}. */
  static void set(FieldVector v, ValueType type, int index, Object value) {
    if (value == null) {
      v.setNull(index);
    } else if (type instanceof ValueType.Scalar s) {
      setBase(v, s.base(), index, value);
    } else if (type instanceof ValueType.EnumOf) {
      setBase(v, BaseType.STRING, index, value);
    } else if (type instanceof ValueType.ListOf list) {
      ListVector lv = (ListVector) v;
      List<?> items = (List<?>) value;
      int start = lv.startNewValue(index);
      for (int i = 0; i < items.size(); i++) {
        setBase(lv.getDataVector(), list.element(), start + i, items.get(i));
      }
      lv.endValue(index, items.size());
    } else {
      FixedSizeListVector fv = (FixedSizeListVector) v;
      float[] floats = (float[]) value;
      if (floats.length != fv.getListSize()) {
        throw new IllegalArgumentException("vector of " + floats.length + " values in a column of "
            + fv.getListSize());
      }
      int start = fv.startNewValue(index);
      Float4Vector child = (Float4Vector) fv.getDataVector();
      for (int i = 0; i < floats.length; i++) {
        child.setSafe(start + i, floats[i]);
      }
    }
  }

  static void setBase(FieldVector v, BaseType base, int index, Object value) {
    switch (base) {
      case STRING -> ((VarCharVector) v).setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
      case BLOB -> ((LargeVarBinaryVector) v).setSafe(index, (byte[]) value);
      case BOOL -> ((BitVector) v).setSafe(index, (Boolean) value ? 1 : 0);
      case I32 -> ((IntVector) v).setSafe(index, (Integer) value);
      case I64 -> ((BigIntVector) v).setSafe(index, (Long) value);
      // Unsigned columns store the same bits as the signed Java type of their width.
      case U32 -> ((UInt4Vector) v).setSafe(index, (int) (long) (Long) value);
      case U64 -> ((UInt8Vector) v).setSafe(index, ((BigInteger) value).longValue());
      case F32 -> ((Float4Vector) v).setSafe(index, (Float) value);
      case F64 -> ((Float8Vector) v).setSafe(index, (Double) value);
      case DATE -> ((DateDayVector) v).setSafe(index, Math.toIntExact(((LocalDate) value).toEpochDay()));
      case DATETIME -> ((DateMilliVector) v).setSafe(index, ((Instant) value).toEpochMilli());
    }
  }

  /** The canonical Java value at {@code index}, or null. */
  static Object get(FieldVector v, int index) {
    if (v.isNull(index)) {
      return null;
    }
    if (v instanceof VarCharVector s) {
      return new String(s.get(index), StandardCharsets.UTF_8);
    }
    if (v instanceof LargeVarCharVector s) {
      return new String(s.get(index), StandardCharsets.UTF_8);
    }
    if (v instanceof LargeVarBinaryVector b) {
      return b.get(index);
    }
    if (v instanceof VarBinaryVector b) {
      return b.get(index);
    }
    if (v instanceof BitVector b) {
      return b.get(index) != 0;
    }
    if (v instanceof IntVector i) {
      return i.get(index);
    }
    if (v instanceof BigIntVector i) {
      return i.get(index);
    }
    if (v instanceof UInt4Vector u) {
      return Integer.toUnsignedLong(u.get(index));
    }
    if (v instanceof UInt8Vector u) {
      return u.getObjectNoOverflow(index);
    }
    if (v instanceof Float4Vector f) {
      return f.get(index);
    }
    if (v instanceof Float8Vector f) {
      return f.get(index);
    }
    if (v instanceof DateDayVector d) {
      return LocalDate.ofEpochDay(d.get(index));
    }
    if (v instanceof DateMilliVector d) {
      return Instant.ofEpochMilli(d.get(index));
    }
    if (v instanceof ListVector l) {
      List<Object> items = new ArrayList<>();
      for (int i = l.getElementStartIndex(index); i < l.getElementEndIndex(index); i++) {
        items.add(get(l.getDataVector(), i));
      }
      return Collections.unmodifiableList(items);
    }
    if (v instanceof FixedSizeListVector f && f.getDataVector() instanceof Float4Vector child) {
      float[] floats = new float[f.getListSize()];
      for (int i = 0; i < floats.length; i++) {
        floats[i] = child.get(index * floats.length + i);
      }
      return floats;
    }
    return v.getObject(index);
  }
}

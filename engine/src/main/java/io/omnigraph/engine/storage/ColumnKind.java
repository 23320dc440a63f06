package io.omnigraph.engine.storage;

import java.time.LocalDate;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * How a table column is held in the {@link ColumnCache}, and the Java value a scan gives for it: a
 * cached column answers with exactly the objects {@code RowCodec.readValue} would have made.
 */
enum ColumnKind {
  /** Strings (and enums): a dictionary of values and a code per row. */
  STRING,
  BOOL,
  I32,
  I64,
  U32,
  /** Days since the epoch. */
  DATE,
  F32,
  F64,
  /** Any other type: only which rows are null is kept, which is all COUNT needs. */
  OTHER;

  static ColumnKind of(ArrowType type) {
    if (type instanceof ArrowType.Utf8) return STRING;
    if (type instanceof ArrowType.Bool) return BOOL;
    if (type instanceof ArrowType.Int i) {
      if (i.getBitWidth() == 32) return i.getIsSigned() ? I32 : U32;
      if (i.getBitWidth() == 64 && i.getIsSigned()) return I64;
    }
    if (type instanceof ArrowType.Date d && d.getUnit() == DateUnit.DAY) return DATE;
    if (type instanceof ArrowType.FloatingPoint f) {
      if (f.getPrecision() == FloatingPointPrecision.SINGLE) return F32;
      if (f.getPrecision() == FloatingPointPrecision.DOUBLE) return F64;
    }
    return OTHER;
  }

  /** Held as a {@code long} per row. */
  boolean integral() {
    return this == BOOL || this == I32 || this == I64 || this == U32 || this == DATE;
  }

  /** Held as a {@code double} per row. */
  boolean floating() {
    return this == F32 || this == F64;
  }

  /** The scan's value for a row held as {@code v}. */
  Object box(long v) {
    return switch (this) {
      case BOOL -> v != 0;
      case I32 -> (int) v;
      case I64, U32 -> v;
      case DATE -> LocalDate.ofEpochDay(v);
      default -> throw new IllegalStateException(this + " is not held as a long");
    };
  }

  /** The scan's value for a row held as {@code v}. */
  Object box(double v) {
    return switch (this) {
      case F32 -> (float) v;
      case F64 -> v;
      default -> throw new IllegalStateException(this + " is not held as a double");
    };
  }
}

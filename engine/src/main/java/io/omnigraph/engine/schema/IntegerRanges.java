package io.omnigraph.engine.schema;

import java.math.BigInteger;

/** Narrows an exact integer to the Java type of an integral base type, or reports it out of range. */
final class IntegerRanges {
  private static final BigInteger I32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger I32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger U32_MAX = BigInteger.valueOf(0xFFFF_FFFFL);
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private IntegerRanges() {}

  /** I32 → Integer, I64 and U32 → Long, U64 → BigInteger. */
  static Object narrow(String typeName, String label, BaseType base, BigInteger v) {
    BigInteger min = switch (base) {
      case I32 -> I32_MIN;
      case I64 -> I64_MIN;
      default -> BigInteger.ZERO;
    };
    BigInteger max = switch (base) {
      case I32 -> I32_MAX;
      case I64 -> I64_MAX;
      case U32 -> U32_MAX;
      default -> U64_MAX;
    };
    if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
      throw ValueErrors.outOfRange(typeName, label, v, base.displayName());
    }
    return switch (base) {
      case I32 -> v.intValue();
      case I64, U32 -> v.longValue();
      default -> v;
    };
  }
}

package io.omnigraph.engine.schema;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that reads back as the same float or double, written without an
 * exponent ({@code 1}, {@code 0.1}, {@code 100000000000000000000}). Java 17's {@code
 * Double.toString} is not always shortest, and key ids must not depend on the JDK.
 */
final class FloatText {
  private static final RoundingMode[] MODES = {
    RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING
  };

  private FloatText() {}

  static String ofDouble(double d) {
    return shortest(d, false);
  }

  static String ofFloat(float f) {
    return shortest(f, true);
  }

  private static String shortest(double value, boolean single) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(value);
    int maxDigits = single ? 9 : 17;
    for (int digits = 1; digits <= maxDigits; digits++) {
      // Nearest first; the directed roundings catch the asymmetric interval at powers of two.
      for (RoundingMode mode : MODES) {
        BigDecimal candidate = exact.round(new MathContext(digits, mode));
        if (readsBack(candidate, value, single)) {
          return candidate.stripTrailingZeros().toPlainString();
        }
      }
    }
    return exact.stripTrailingZeros().toPlainString();
  }

  private static boolean readsBack(BigDecimal candidate, double value, boolean single) {
    String text = candidate.toString();
    return single
        ? Float.parseFloat(text) == (float) value
        : Double.parseDouble(text) == value;
  }
}

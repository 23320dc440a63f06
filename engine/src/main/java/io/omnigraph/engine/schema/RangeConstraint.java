package io.omnigraph.engine.schema;

/** {@code @range(property, min..max)}; a null bound is open. */
public record RangeConstraint(String property, Double min, Double max) {
  public RangeConstraint {
    if (min == null && max == null) {
      throw new IllegalArgumentException("@range needs at least one bound");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException("@range min " + min + " exceeds max " + max);
    }
  }

  public boolean admits(double value) {
    return (min == null || value >= min) && (max == null || value <= max);
  }

  /** The bounds as written in {@code .pg}, e.g. {@code 0..150} or {@code ..10}. */
  public String boundsText() {
    String low = min == null ? "" : FloatText.ofDouble(min);
    return low + ".." + (max == null ? "" : FloatText.ofDouble(max));
  }
}

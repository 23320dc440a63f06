package io.omnigraph.engine.schema;

/** Float32 narrowing shared by the JSON and Java conversions. */
final class Floats {
  private Floats() {}

  /** A finite double too large for float32 is out of range rather than silently infinite. */
  static float narrow(String typeName, String label, double value) {
    float f = (float) value;
    if (Double.isFinite(value) && Float.isInfinite(f)) {
      throw ValueErrors.outOfRange(typeName, label, value, "Float32");
    }
    return f;
  }
}

package io.omnigraph.calcite;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts engine values to the representation Calcite's generated code expects for each SQL type:
 * DATE as days since the epoch ({@code int}), TIMESTAMP as milliseconds ({@code long}), DECIMAL as
 * {@link BigDecimal}, VARBINARY as {@link ByteString}, ARRAY as {@link List}.
 */
final class InternalValues {
  private InternalValues() {}

  static Object of(Object engineValue) {
    if (engineValue == null
        || engineValue instanceof String
        || engineValue instanceof Integer
        || engineValue instanceof Long
        || engineValue instanceof Boolean
        || engineValue instanceof Double
        || engineValue instanceof Float) {
      return engineValue;
    }
    if (engineValue instanceof LocalDate d) return (int) d.toEpochDay();
    if (engineValue instanceof Instant i) return i.toEpochMilli();
    if (engineValue instanceof BigInteger b) return new BigDecimal(b);
    if (engineValue instanceof byte[] bytes) return new ByteString(bytes);
    if (engineValue instanceof float[] floats) {
      List<Object> out = new ArrayList<>(floats.length);
      for (float f : floats) out.add(f);
      return out;
    }
    if (engineValue instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) out.add(of(item));
      return out;
    }
    return engineValue;
  }
}

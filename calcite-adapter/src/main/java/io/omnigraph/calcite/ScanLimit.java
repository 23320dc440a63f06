package io.omnigraph.calcite;

import java.util.OptionalLong;
import org.apache.calcite.DataContext;

/**
 * The row limit pushed into a scan: {@code fetch} plus {@code offset} rows, since the engine reads
 * from the start and Calcite still skips the offset. Either part may be a {@code ?}.
 */
record ScanLimit(ScanOperand fetch, ScanOperand offset) {

  OptionalLong rows(DataContext execution) {
    Long f = asLong(fetch.value(execution));
    if (f == null) return OptionalLong.empty();
    Long o = offset == null ? Long.valueOf(0) : asLong(offset.value(execution));
    if (o == null) return OptionalLong.empty();
    if (f < 0 || o < 0) return OptionalLong.empty();
    return OptionalLong.of(f > Long.MAX_VALUE - o ? Long.MAX_VALUE : f + o);
  }

  private static Long asLong(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }

  @Override
  public String toString() {
    return offset == null ? fetch.toString() : fetch + " + " + offset;
  }
}

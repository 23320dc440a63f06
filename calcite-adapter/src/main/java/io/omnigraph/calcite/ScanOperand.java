package io.omnigraph.calcite;

import io.omnigraph.engine.read.Predicate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.calcite.DataContext;

/**
 * A value in a pushed filter or limit: a literal known at planning time, or a {@code ?} whose value
 * arrives with each execution. Plans are cached, so the value of a parameter is read only when the
 * scan starts.
 */
sealed interface ScanOperand {

  /** The value for one execution, in the engine's Java types; null for SQL NULL. */
  Object value(DataContext execution);

  record Literal(Object value) implements ScanOperand {
    @Override
    public Object value(DataContext execution) {
      return value;
    }

    @Override
    public String toString() {
      if (value instanceof String s) return quoted(s);
      if (value instanceof LocalDate d) return "DATE " + quoted(d.toString());
      if (value instanceof Instant i) {
        return "TIMESTAMP " + quoted(UtcClock.wallClock(i).toString().replace('T', ' '));
      }
      return String.valueOf(value);
    }

    private static String quoted(String text) {
      return "'" + text.replace("'", "''") + "'";
    }
  }

  /** The {@code index}-th dynamic parameter (0-based, statement order). */
  record Param(int index) implements ScanOperand {
    @Override
    public Object value(DataContext execution) {
      return normalize(execution.get("?" + index));
    }

    @Override
    public String toString() {
      return "?" + index;
    }

    /**
     * Calcite hands parameters over in its internal representation: DATE as days since the
     * epoch, strings sometimes as {@code NlsString}-like char sequences.
     */
    private static Object normalize(Object v) {
      if (v instanceof java.sql.Date d) return d.toLocalDate();
      if (v instanceof CharSequence cs && !(v instanceof String)) return cs.toString();
      if (v instanceof BigInteger b) return new BigDecimal(b);
      return v;
    }
  }

  /** Used where a comparison with NULL makes a pushed atom never true. */
  static Predicate never(String column) {
    return new Predicate.In(column, java.util.List.of());
  }
}

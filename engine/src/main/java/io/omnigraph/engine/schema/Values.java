package io.omnigraph.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts input values of entity rows to their canonical Java types. A row is a {@code
 * Map<String, Object>} keyed by column name; its values are, per base type: String → String, Bool
 * → Boolean, I32 → Integer, I64 and U32 → Long, U64 → BigInteger, F32 → Float, F64 → Double, Date
 * → LocalDate, DateTime → Instant (millisecond precision), Blob → byte[]; a list is a {@code
 * List} of its element type, a vector a {@code float[]}, an enum a String. Null stays null:
 * whether a property may be null is {@link RowChecks}' concern.
 *
 * <p>Failures are {@link io.omnigraph.engine.error.ConstraintViolation}s naming the type and
 * property: rule TYPE for a value of the wrong kind ({@code "Person.age expects Int32, got
 * string 'x'"}), OUT_OF_RANGE for one its type cannot hold, VECTOR for a non-numeric vector
 * element. A Blob string that is not {@code "base64:<payload>"} is an external URI and is refused
 * with kind UNSUPPORTED.
 */
public final class Values {
  private Values() {}

  /**
   * Converts a JSON input value: Date from {@code "YYYY-MM-DD"} or a day count, DateTime from an
   * ISO date-time (naive ones read as UTC) or epoch milliseconds, I64/U64 also from decimal
   * strings, Blob from {@code "base64:<payload>"}.
   */
  public static Object fromJson(Property p, JsonNode node, String typeName) {
    return JsonValues.convert(p, node, typeName);
  }

  /**
   * Converts a loosely typed Java value: any whole {@link Number} or numeric string for integers,
   * any number for floats, {@code java.sql.Date}/{@code Timestamp} (wall clock read as UTC),
   * {@code java.time} values, epoch numbers and ISO strings for dates, byte arrays and buffers for
   * Blobs, and collections or arrays for lists and vectors. Canonical values come back equal,
   * after the same range checks.
   */
  public static Object coerce(Property p, Object javaValue, String typeName) {
    return JavaValues.coerce(p, javaValue, typeName);
  }

  /** True when {@code value} already has the canonical Java class for {@code type}. */
  public static boolean isCanonical(ValueType type, Object value) {
    return JavaValues.isCanonical(type, value);
  }
}

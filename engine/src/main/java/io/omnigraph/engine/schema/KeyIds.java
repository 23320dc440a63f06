package io.omnigraph.engine.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.Rule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Derives the {@code id} of a keyed node from its key values (SPEC §1.4). */
public final class KeyIds {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyIds() {}

  /**
   * The canonical id of a row of keyed node type {@code t}: the canonical text of a single key
   * value, or a JSON array of the canonical texts of a composite key in {@link NodeType#key()}
   * order. When the row also carries an {@code id}, it must equal the derived one.
   *
   * @throws IllegalArgumentException when {@code t} has no {@code @key}
   * @throws ConstraintViolation REQUIRED for a missing key value, OUT_OF_RANGE for a NaN or
   *     infinite one, KEY when a supplied id differs from the derived one
   */
  public static String deriveId(NodeType t, Map<String, Object> row) {
    if (!t.keyed()) {
      throw new IllegalArgumentException(t.name() + " has no @key; its ids are supplied or generated");
    }
    List<String> key = t.key();
    String id;
    if (key.size() == 1) {
      id = keyText(t, key.get(0), row);
    } else {
      List<String> texts = new ArrayList<>(key.size());
      for (String column : key) texts.add(keyText(t, column, row));
      id = jsonArray(texts);
    }
    Object supplied = row.get(EntityType.ID);
    if (supplied != null && !id.equals(supplied)) {
      throw new ConstraintViolation(Rule.KEY, t.name(), id, t.name() + ": supplied id '" + supplied
          + "' does not match its canonical @key id '" + id + "'");
    }
    return id;
  }

  private static String keyText(NodeType t, String column, Map<String, Object> row) {
    Object value = row.get(column);
    if (value == null) {
      throw new ConstraintViolation(Rule.REQUIRED, t.name(), null, t.name()
          + ": missing required property '" + column + "' (part of the @key)");
    }
    Property p = t.property(column)
        .orElseThrow(() -> new IllegalArgumentException(t.name() + " has no key property '" + column + "'"));
    // A string for a String or enum key is its own canonical text: no conversion or check applies.
    boolean textual = p.type() instanceof ValueType.EnumOf
        || p.type() instanceof ValueType.Scalar sc && sc.base() == BaseType.STRING;
    if (textual && value instanceof String s) return s;
    Object canonical = Values.coerce(p, value, t.name());
    try {
      return canonical(canonical);
    } catch (IllegalArgumentException e) {
      throw new ConstraintViolation(Rule.OUT_OF_RANGE, t.name(), null, t.name() + "." + column
          + ": " + canonical + " is not a valid @key value (keys must be finite numbers)");
    }
  }

  /**
   * The canonical text of a key value: strings as they are, integers in decimal, booleans as
   * {@code true}/{@code false}, dates as epoch days, date-times as epoch milliseconds, floats and
   * doubles in their shortest round-tripping decimal form with {@code -0.0} written {@code 0}.
   *
   * @throws IllegalArgumentException for NaN, infinities and unsupported value classes
   */
  public static String canonical(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof BigInteger) {
      return value.toString();
    }
    if (value instanceof Float f) {
      return FloatText.ofFloat(f);
    }
    if (value instanceof Double d) {
      return FloatText.ofDouble(d);
    }
    if (value instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof LocalDate d) {
      return Long.toString(d.toEpochDay());
    }
    if (value instanceof Instant i) {
      return Long.toString(i.toEpochMilli());
    }
    throw new IllegalArgumentException("no canonical key text for " + value);
  }

  private static String jsonArray(List<String> texts) {
    try {
      return JSON.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }
}

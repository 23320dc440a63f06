package io.omnigraph.engine.schema;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Converts loosely typed Java values (JDBC parameters, SQL literals) to canonical Java values. */
final class JavaValues {
  private JavaValues() {}

  static Object coerce(Property p, Object value, String typeName) {
    if (value == null) {
      return null;
    }
    String label = typeName + "." + p.name();
    ValueType type = p.type();
    if (type instanceof ValueType.Scalar s) {
      return base(typeName, label, s.base(), value);
    }
    if (type instanceof ValueType.EnumOf) {
      if (value instanceof CharSequence text) {
        return text.toString();
      }
      throw ValueErrors.wrongType(typeName, label, "a string enum value", ValueErrors.describe(value));
    }
    if (type instanceof ValueType.VectorOf) {
      return vector(typeName, label, value);
    }
    BaseType element = ((ValueType.ListOf) type).element();
    List<?> items = items(value);
    if (items == null) {
      throw ValueErrors.wrongType(typeName, label, type.displayName(), ValueErrors.describe(value));
    }
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = label + "[" + i + "]";
      if (items.get(i) == null) {
        throw ValueErrors.wrongType(typeName, at, element.displayName(), "null");
      }
      out.add(base(typeName, at, element, items.get(i)));
    }
    return Collections.unmodifiableList(out);
  }

  /** True when {@code value} already has the canonical Java class for {@code type}. */
  static boolean isCanonical(ValueType type, Object value) {
    if (type instanceof ValueType.Scalar s) {
      return canonicalClass(s.base()).isInstance(value);
    }
    if (type instanceof ValueType.EnumOf) {
      return value instanceof String;
    }
    if (type instanceof ValueType.VectorOf) {
      return value instanceof float[];
    }
    Class<?> element = canonicalClass(((ValueType.ListOf) type).element());
    return value instanceof List<?> list && list.stream().allMatch(element::isInstance);
  }

  static Class<?> canonicalClass(BaseType base) {
    return switch (base) {
      case STRING -> String.class;
      case BLOB -> byte[].class;
      case BOOL -> Boolean.class;
      case I32 -> Integer.class;
      case I64, U32 -> Long.class;
      case U64 -> BigInteger.class;
      case F32 -> Float.class;
      case F64 -> Double.class;
      case DATE -> LocalDate.class;
      case DATETIME -> Instant.class;
    };
  }

  private static Object base(String typeName, String label, BaseType base, Object v) {
    Object converted = switch (base) {
      case STRING -> v instanceof CharSequence || v instanceof Character ? v.toString() : null;
      case BOOL -> bool(v);
      case I32, I64, U32, U64 -> {
        BigInteger exact = integer(v);
        yield exact == null ? null : IntegerRanges.narrow(typeName, label, base, exact);
      }
      case F32 -> {
        Double d = real(v);
        yield d == null ? null : Floats.narrow(typeName, label, d);
      }
      case F64 -> real(v);
      case DATE -> date(typeName, label, v);
      case DATETIME -> dateTime(typeName, label, v);
      case BLOB -> blob(typeName, label, v);
    };
    if (converted == null) {
      throw ValueErrors.wrongType(typeName, label, base.displayName(), ValueErrors.describe(v));
    }
    return converted;
  }

  private static Boolean bool(Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof CharSequence s && (s.toString().equalsIgnoreCase("true")
        || s.toString().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s.toString());
    }
    return null;
  }

  /** The exact whole number {@code v} holds, or null when it holds none. */
  private static BigInteger integer(Object v) {
    try {
      if (v instanceof BigInteger b) {
        return b;
      }
      if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        return BigInteger.valueOf(((Number) v).longValue());
      }
      if (v instanceof BigDecimal d) {
        return d.toBigIntegerExact();
      }
      if (v instanceof Double || v instanceof Float) {
        double d = ((Number) v).doubleValue();
        return Double.isFinite(d) ? new BigDecimal(d).toBigIntegerExact() : null;
      }
      if (v instanceof Number n) {
        return BigInteger.valueOf(n.longValue());
      }
      if (v instanceof CharSequence s) {
        return new BigInteger(s.toString().trim());
      }
    } catch (ArithmeticException | NumberFormatException notWhole) {
      return null;
    }
    return null;
  }

  private static Double real(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof CharSequence s) {
      try {
        return Double.valueOf(s.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static LocalDate date(String typeName, String label, Object v) {
    if (v instanceof LocalDate d) {
      return Temporals.inRange(typeName, label, d);
    }
    if (v instanceof java.util.Date || v instanceof LocalDateTime || v instanceof OffsetDateTime
        || v instanceof ZonedDateTime || v instanceof Instant) {
      return dateTime(typeName, label, v).atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return Temporals.dateFromDays(typeName, label, BigInteger.valueOf(((Number) v).longValue()));
    }
    if (v instanceof CharSequence s) {
      return Temporals.parseDate(typeName, label, s.toString().trim());
    }
    return null;
  }

  private static Instant dateTime(String typeName, String label, Object v) {
    Instant instant = null;
    if (v instanceof Instant i) {
      instant = i;
    } else if (v instanceof java.sql.Timestamp ts) {
      // SQL TIMESTAMP is a wall-clock value; this engine reads wall clocks as UTC.
      instant = ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    } else if (v instanceof java.sql.Date d) {
      instant = d.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (v instanceof java.util.Date d) {
      instant = d.toInstant();
    } else if (v instanceof LocalDateTime ldt) {
      instant = ldt.toInstant(ZoneOffset.UTC);
    } else if (v instanceof OffsetDateTime odt) {
      instant = odt.toInstant();
    } else if (v instanceof ZonedDateTime zdt) {
      instant = zdt.toInstant();
    } else if (v instanceof LocalDate d) {
      instant = d.atStartOfDay(ZoneOffset.UTC).toInstant();
    } else if (v instanceof Integer || v instanceof Long) {
      instant = Instant.ofEpochMilli(((Number) v).longValue());
    } else if (v instanceof CharSequence s) {
      return Temporals.parseDateTime(typeName, label, s.toString().trim());
    }
    return instant == null ? null : Temporals.exactMillis(typeName, label, instant);
  }

  private static byte[] blob(String typeName, String label, Object v) {
    if (v instanceof byte[] bytes) {
      return bytes;
    }
    if (v instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
    if (v instanceof CharSequence s) {
      return Blobs.decode(typeName, label, s.toString());
    }
    return null;
  }

  private static float[] vector(String typeName, String label, Object value) {
    if (value instanceof float[] floats) {
      for (int i = 0; i < floats.length; i++) {
        if (!Float.isFinite(floats[i])) {
          throw ValueErrors.badVectorElement(typeName, label + "[" + i + "]", "number " + floats[i]);
        }
      }
      return floats;
    }
    List<?> items = items(value);
    if (items == null) {
      throw ValueErrors.wrongType(typeName, label, "Vector", ValueErrors.describe(value));
    }
    float[] out = new float[items.size()];
    for (int i = 0; i < out.length; i++) {
      Object item = items.get(i);
      String at = label + "[" + i + "]";
      if (!(item instanceof Number n) || !Float.isFinite(n.floatValue())) {
        throw ValueErrors.badVectorElement(typeName, at, ValueErrors.describe(item));
      }
      out[i] = n.floatValue();
    }
    return out;
  }

  /** The elements of a collection or any array (primitive arrays included), else null. */
  private static List<?> items(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (value.getClass().isArray() && !(value instanceof byte[])) {
      int n = Array.getLength(value);
      List<Object> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(Array.get(value, i));
      }
      return out;
    }
    return null;
  }
}

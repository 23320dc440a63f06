package io.omnigraph.engine.schema;

import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** The type of a property's values, independent of nullability. */
public sealed interface ValueType
    permits ValueType.Scalar, ValueType.ListOf, ValueType.VectorOf, ValueType.EnumOf {

  /** The Arrow type of a column holding this value type (SPEC §1.2). */
  ArrowType arrowType();

  /** The spelling in {@code .pg} source, e.g. {@code [I32]} or {@code enum(a, b)}. */
  String pgText();

  /** The name used in error messages, e.g. {@code Int32}. */
  String displayName();

  /** An Arrow field of this type, with children for lists and vectors. */
  default Field field(String name, boolean nullable, Map<String, String> metadata) {
    return ArrowTypes.field(name, this, nullable, metadata);
  }

  /** A single value of a base type. */
  record Scalar(BaseType base) implements ValueType {
    public Scalar {
      if (base == null) {
        throw new IllegalArgumentException("scalar needs a base type");
      }
    }

    @Override
    public ArrowType arrowType() {
      return ArrowTypes.of(base);
    }

    @Override
    public String pgText() {
      return base.pgName();
    }

    @Override
    public String displayName() {
      return base.displayName();
    }
  }

  /** {@code [T]}: a list of a base type other than Blob. */
  record ListOf(BaseType element) implements ValueType {
    public ListOf {
      if (element == null || element == BaseType.BLOB) {
        throw new IllegalArgumentException("list of " + element + " is not supported");
      }
    }

    @Override
    public ArrowType arrowType() {
      return ArrowType.List.INSTANCE;
    }

    @Override
    public String pgText() {
      return "[" + element.pgName() + "]";
    }

    @Override
    public String displayName() {
      return "List<" + element.displayName() + ">";
    }
  }

  /** {@code Vector(d)}: exactly {@code dimension} float32 values. */
  record VectorOf(int dimension) implements ValueType {
    public VectorOf {
      if (dimension < 1) {
        throw new IllegalArgumentException("Vector dimension must be at least 1: " + dimension);
      }
    }

    @Override
    public ArrowType arrowType() {
      return new ArrowType.FixedSizeList(dimension);
    }

    @Override
    public String pgText() {
      return "Vector(" + dimension + ")";
    }

    @Override
    public String displayName() {
      return pgText();
    }
  }

  /** {@code enum(...)}: a string restricted to a non-empty, sorted set of values. */
  record EnumOf(SortedSet<String> values) implements ValueType {
    static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]+");

    public EnumOf {
      if (values == null || values.isEmpty()) {
        throw new IllegalArgumentException("enum needs at least one value");
      }
      for (String v : values) {
        if (!VALUE.matcher(v).matches()) {
          throw new IllegalArgumentException("invalid enum value '" + v + "'");
        }
      }
      // Natural order makes the value set canonical: enum(b, a) and enum(a, b) are the same type.
      values = Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    @Override
    public ArrowType arrowType() {
      return ArrowType.Utf8.INSTANCE;
    }

    @Override
    public String pgText() {
      return "enum(" + String.join(", ", values) + ")";
    }

    @Override
    public String displayName() {
      return pgText();
    }
  }
}

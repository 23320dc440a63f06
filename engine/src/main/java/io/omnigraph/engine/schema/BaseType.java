package io.omnigraph.engine.schema;

import java.util.Optional;

/** The scalar types of the {@code .pg} language. */
public enum BaseType {
  STRING("String", "String"),
  BLOB("Blob", "Blob"),
  BOOL("Bool", "Bool"),
  I32("I32", "Int32"),
  I64("I64", "Int64"),
  U32("U32", "UInt32"),
  U64("U64", "UInt64"),
  F32("F32", "Float32"),
  F64("F64", "Float64"),
  DATE("Date", "Date"),
  DATETIME("DateTime", "DateTime");

  private final String pgName;
  private final String displayName;

  BaseType(String pgName, String displayName) {
    this.pgName = pgName;
    this.displayName = displayName;
  }

  /** The spelling in {@code .pg} source, e.g. {@code I32}. */
  public String pgName() {
    return pgName;
  }

  /** The name used in error messages, e.g. {@code Int32}. */
  public String displayName() {
    return displayName;
  }

  public boolean isNumeric() {
    return isIntegral() || this == F32 || this == F64;
  }

  public boolean isIntegral() {
    return this == I32 || this == I64 || this == U32 || this == U64;
  }

  /** The base type spelled {@code pgName} in source, if any. */
  public static Optional<BaseType> fromPgName(String pgName) {
    for (BaseType t : values()) {
      if (t.pgName.equals(pgName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}

package io.omnigraph.engine.error;

/** The data rule a {@link ConstraintViolation} names. */
public enum Rule {
  /** A non-nullable property is missing or null. */
  REQUIRED,
  /** A value has the wrong type or cannot be converted. */
  TYPE,
  /** A value is outside the representable range of its type. */
  OUT_OF_RANGE,
  /**
   * A Date or DateTime outside 0001-01-01..9999-12-31, or a DateTime with digits finer than the
   * millisecond it is stored at.
   */
  DATETIME_OUT_OF_RANGE,
  /** A value is not a member of the enum. */
  ENUM,
  /** An {@code @range} bound failed. */
  RANGE,
  /** An {@code @check} regex failed. */
  CHECK,
  /** A vector has the wrong length or a non-numeric element. */
  VECTOR,
  /** A strict insert hit an existing id, or a batch holds one id twice. */
  KEY,
  /** A {@code @unique} tuple is held by two entities. */
  UNIQUE,
  /** An edge endpoint does not exist. */
  ENDPOINT,
  /** A source node's outgoing edge count is outside {@code @card}. */
  CARDINALITY,
  /** An update touched a {@code @key} property. */
  KEY_UPDATE
}

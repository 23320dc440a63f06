package io.omnigraph.engine.schema;

import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;

/**
 * A {@code .pg} schema could not be parsed or compiled. The message always starts with the
 * 1-based line and column of the offending text, e.g. {@code "line 3, column 14: expected ':'
 * after property name 'age', found 'I32'"}.
 */
public final class SchemaException extends OmniGraphException {
  private final int line;
  private final int column;
  private final String detail;

  public SchemaException(int line, int column, String detail) {
    super(ErrorKind.BAD_INPUT, "line " + line + ", column " + column + ": " + detail);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  SchemaException(Position at, String detail) {
    this(at.line(), at.column(), detail);
  }

  /** 1-based line of the offending text. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending text. */
  public int column() {
    return column;
  }

  /** The message without its position prefix. */
  public String detail() {
    return detail;
  }
}

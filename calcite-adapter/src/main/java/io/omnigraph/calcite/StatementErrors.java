package io.omnigraph.calcite;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * The SQLStates of statements the SQL layer refuses before the engine sees them. Engine failures
 * are not translated here: they travel as the engine's exceptions to the driver, which maps them
 * in one place.
 */
final class StatementErrors {
  static final String SYNTAX_ERROR = SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION.code();
  static final String TABLE_NOT_FOUND = SqlState.UNDEFINED_TABLE.code();
  static final String COLUMN_NOT_FOUND = SqlState.UNDEFINED_COLUMN.code();
  static final String WRONG_PARAMETER_COUNT = SqlState.WRONG_PARAMETER_COUNT.code();
  static final String INVALID_CAST = SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.code();
  static final String CARDINALITY_VIOLATION = SqlState.CARDINALITY_VIOLATION.code();

  private static final Pattern OBJECT_NOT_FOUND = Pattern.compile("Object '[^']*' not found");
  private static final Pattern COLUMN_MISSING = Pattern.compile("Column '[^']*' not found");
  /** Other databases spell "which branch am I on" as a niladic function; here it is a statement. */
  private static final Pattern CURRENT_BRANCH = Pattern.compile("Column 'current_branch' not found",
      Pattern.CASE_INSENSITIVE);

  private StatementErrors() {}

  /**
   * A parse or validation failure reported by Calcite, restated with a SQLState and Calcite's own
   * message (Calcite's JDBC layer wraps it as "Error while preparing statement" without a state).
   */
  static SQLException fromCalcite(Throwable failure) {
    return fromCalcite(failure, true);
  }

  /**
   * As {@link #fromCalcite(Throwable)}; without {@code positions} the message leaves out Calcite's
   * "From line 1, column 8" prefix, which for a rewritten DML query points into text the user never
   * wrote.
   */
  static SQLException fromCalcite(Throwable failure, boolean positions) {
    Throwable reason = calciteReason(failure);
    if (!positions && reason instanceof CalciteContextException && reason.getCause() != null) {
      reason = reason.getCause();
    }
    String message = reason.getMessage() != null ? reason.getMessage() : reason.toString();
    String state = SYNTAX_ERROR;
    if (OBJECT_NOT_FOUND.matcher(message).find()) state = TABLE_NOT_FOUND;
    else if (COLUMN_MISSING.matcher(message).find()) state = COLUMN_NOT_FOUND;
    if (CURRENT_BRANCH.matcher(message).find()) message += " (SHOW BRANCH answers which branch the connection is on)";
    return new SQLException(message, state, failure);
  }

  /** The Calcite exception that says what is wrong, else the innermost cause. */
  private static Throwable calciteReason(Throwable t) {
    Throwable innermost = t;
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (isCalciteReport(c)) return c;
      innermost = c;
      if (c.getCause() == c) break;
    }
    return innermost;
  }

  /** True when {@code t} is Calcite refusing a statement rather than a failure while running it. */
  static boolean isCalciteRefusal(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (isCalciteReport(c)) return true;
      if (c.getCause() == c) break;
    }
    return false;
  }

  private static boolean isCalciteReport(Throwable t) {
    return t instanceof CalciteContextException || t instanceof SqlParseException || t instanceof SqlValidatorException;
  }

  static SQLException syntax(String message) {
    return new SQLException(message, SYNTAX_ERROR);
  }

  static SQLException tableNotFound(String name) {
    return new SQLException("table '" + name + "' not found in schema " + GraphSchema.NAME, TABLE_NOT_FOUND);
  }

  static SQLException columnNotFound(String column, String table) {
    return new SQLException("column '" + column + "' not found in table " + table, COLUMN_NOT_FOUND);
  }

  static SQLException readOnlySystemTable(String name) {
    return new SQLException("system table " + name + " is read-only", SYNTAX_ERROR);
  }
}

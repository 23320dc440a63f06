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
   * message, which carries no state of its own.
   */
  static SQLException fromCalcite(Throwable failure) {
    return fromCalcite(failure, true);
  }

  /**
   * A failure to prepare {@code sql} restated with a SQLState: a parse failure as 42601 saying
   * where, a validation failure as {@link #fromCalcite(Throwable)} does, a statement Calcite cannot
   * plan as 0A000 naming the construct; null for anything else (engine failures among them).
   */
  static SQLException fromPrepare(Throwable failure, String sql) {
    SqlParseException parse = SyntaxErrors.parseFailure(failure);
    if (parse != null) return SyntaxErrors.of(parse, sql);
    if (isCalciteRefusal(failure)) return fromCalcite(failure);
    return PlanningErrors.of(failure, sql);
  }

  /**
   * As {@link #fromCalcite(Throwable)}; without {@code positions} the message leaves out Calcite's
   * "From line 1, column 8" prefix, which for a rewritten DML query points into text the user never
   * wrote.
   */
  static SQLException fromCalcite(Throwable failure, boolean positions) {
    SQLException notSyntax = notSyntax(failure);
    if (notSyntax != null) return notSyntax;
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

  /**
   * The failures Calcite's parser reports as parse errors that are not the statement's syntax: an
   * expression nested too deeply for the parser (54001), a temporal literal no column can hold
   * (22008); null for anything else.
   */
  static SQLException notSyntax(Throwable failure) {
    if (tooDeep(failure)) {
      return SqlState.STATEMENT_TOO_COMPLEX.exception(
          "statement too complex: its expressions are nested too deeply to parse", failure);
    }
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TemporalLiterals.Refused refused) return refused.state.exception(refused.getMessage(), failure);
    }
    return null;
  }

  /** Calcite's recursive-descent parser and validator report a too-deep expression as a stack overflow. */
  private static boolean tooDeep(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof StackOverflowError) return true;
    }
    return false;
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

  /**
   * An error Calcite lets escape while planning or running generated code (a constant folded at
   * class initialisation that overflows, a recursion too deep), as a SQLException without a state
   * whose cause the driver classifies.
   */
  static SQLException evaluation(Throwable error) {
    Throwable cause = error instanceof ExceptionInInitializerError e && e.getCause() != null ? e.getCause() : error;
    return new SQLException(cause.getMessage() != null ? cause.getMessage() : cause.toString(), null, cause);
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

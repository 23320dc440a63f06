package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.engine.error.ConstraintViolation;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.error.Rule;
import java.sql.SQLException;

/**
 * The one place engine failures become {@link SQLException}s. Every other class of the driver hands
 * an {@link OmniGraphException} (or anything that may wrap one) to this class rather than picking a
 * SQLState itself, so the table in the documentation and the behaviour cannot drift apart.
 */
public final class SqlErrors {
  private SqlErrors() {}

  /** The exception for an engine failure during a statement. */
  public static SQLException translate(OmniGraphException e) {
    return translate(e, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION);
  }

  /**
   * The exception for an engine failure, with the state to use for {@link ErrorKind#BAD_INPUT}: bad
   * input in a statement is a refused statement (42000), bad input in loaded data is a data error
   * (22023).
   */
  public static SQLException translate(OmniGraphException e, SqlState badInput) {
    SqlState state = stateOf(e, badInput);
    return state.exception(messageOf(e, state), e);
  }

  /** The exception for an engine failure while connecting: every refusal is class 08. */
  public static SQLException translateAtConnect(OmniGraphException e) {
    SqlState state = switch (e.kind()) {
      case NOT_FOUND, BAD_INPUT, READ_ONLY -> SqlState.CONNECTION_REJECTED;
      case UNSUPPORTED -> SqlState.FEATURE_NOT_SUPPORTED;
      case STORAGE -> SqlState.IO_ERROR;
      case STORE_UNREACHABLE -> SqlState.CONNECTION_UNABLE_TO_CONNECT;
      default -> SqlState.CONNECTION_UNABLE_TO_CONNECT;
    };
    return state.exception(e.getMessage(), e);
  }

  /**
   * Any failure raised while running a statement. An engine failure anywhere in the cause chain
   * decides the state (the SQL layer may wrap it in a stateless SQLException) unless it was already
   * translated; other SQLExceptions keep theirs; anything else is a general error.
   */
  public static SQLException from(Throwable t) {
    OmniGraphException engine = engineCause(t);
    if (engine != null) {
      boolean alreadyTranslated = t instanceof SQLException sql && sql.getCause() == engine && sql.getSQLState() != null;
      return alreadyTranslated ? (SQLException) t : translate(engine);
    }
    if (t instanceof SQLException sql) return withJdbcSubclass(sql.getSQLState() == null ? stated(sql) : sql);
    SQLException evaluation = evaluationFailure(t);
    if (evaluation != null) return evaluation;
    String message = t.getMessage() != null ? t.getMessage() : t.toString();
    return (storageFailure(t) ? SqlState.IO_ERROR : SqlState.GENERAL_ERROR).exception(message, t);
  }

  /** True when storage failed underneath: an I/O exception, or Lance reporting one in its own words. */
  private static boolean storageFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof java.io.IOException || c instanceof java.io.UncheckedIOException) return true;
      String m = c.getMessage();
      if (m != null && (m.contains("LanceError(IO)") || m.contains("File name too long") || m.contains("Not found:"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A stateless SQLException (Calcite reports a failure while evaluating an expression as
   * "exception while executing query" without a state), restated by what went wrong underneath;
   * anything else is a general error.
   */
  private static SQLException stated(SQLException e) {
    SQLException evaluation = evaluationFailure(e);
    return evaluation != null ? evaluation : SqlState.GENERAL_ERROR.exception(e.getMessage(), e);
  }

  /**
   * The state of a failure while Calcite evaluated or compiled a statement, found in the cause
   * chain: a value that cannot be read as the type it is compared or cast to (22018), an arithmetic
   * overflow (22003, raised by the checked arithmetic the SQL layer plans), a bad date (22000), or a
   * statement too deeply nested or too large for the generated code (54001); null for other failures.
   */
  private static SQLException evaluationFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof NumberFormatException) {
        return SqlState.INVALID_CHARACTER_VALUE_FOR_CAST.exception("a value cannot be read as a number: " + c.getMessage(), t);
      }
      if (c instanceof ArithmeticException) {
        return SqlState.NUMERIC_VALUE_OUT_OF_RANGE.exception("arithmetic overflow: " + c.getMessage(), t);
      }
      if (c instanceof java.time.DateTimeException) {
        return SqlState.DATA_EXCEPTION.exception("a value cannot be read as a date or time: " + c.getMessage(), t);
      }
      if (c instanceof StackOverflowError || c.getClass().getName().startsWith("org.codehaus.commons.compiler.")) {
        return SqlState.STATEMENT_TOO_COMPLEX.exception(
            "statement too complex: its expressions are nested too deeply or are too large to compile", t);
      }
    }
    return null;
  }

  /**
   * The SQL layer reports refusals as plain SQLExceptions with a state; callers catch JDBC's
   * subclasses ({@code SQLSyntaxErrorException} for 42xxx and so on), so restate them as those.
   */
  private static SQLException withJdbcSubclass(SQLException e) {
    if (e.getClass() != SQLException.class || e.getSQLState() == null) return e;
    SQLException typed = SqlState.exception(e.getSQLState(), e.getMessage(), e);
    if (typed.getClass() == SQLException.class) return e;
    typed.setNextException(e.getNextException());
    return typed;
  }

  static SqlState stateOf(OmniGraphException e, SqlState badInput) {
    if (e instanceof ConstraintViolation v) return stateOf(v.rule());
    ErrorKind kind = e.kind();
    return switch (kind) {
      case BAD_INPUT -> badInput;
      case NOT_FOUND -> notFoundState(e.getMessage());
      case STATE -> SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE;
      case CONSTRAINT -> SqlState.CHECK_VIOLATION;
      case WRITE_CONFLICT -> SqlState.SERIALIZATION_FAILURE;
      case MERGE_CONFLICT -> SqlState.MERGE_CONFLICT;
      case RECOVERY_REQUIRED -> SqlState.RECOVERY_REQUIRED;
      case READ_ONLY -> SqlState.READ_ONLY_SQL_TRANSACTION;
      case STORAGE -> SqlState.IO_ERROR;
      case STORE_UNREACHABLE -> SqlState.CONNECTION_FAILURE;
      case UNSUPPORTED -> SqlState.FEATURE_NOT_SUPPORTED;
    };
  }

  static SqlState stateOf(Rule rule) {
    return switch (rule) {
      case REQUIRED -> SqlState.NOT_NULL_VIOLATION;
      case ENDPOINT -> SqlState.FOREIGN_KEY_VIOLATION;
      case KEY, UNIQUE -> SqlState.UNIQUE_VIOLATION;
      case ENUM, RANGE, CHECK, CARDINALITY, VECTOR -> SqlState.CHECK_VIOLATION;
      case TYPE -> SqlState.INVALID_CHARACTER_VALUE_FOR_CAST;
      case OUT_OF_RANGE -> SqlState.NUMERIC_VALUE_OUT_OF_RANGE;
      case DATETIME_OUT_OF_RANGE -> SqlState.DATETIME_FIELD_OVERFLOW;
      case KEY_UPDATE -> SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION;
    };
  }

  // The engine's NOT_FOUND carries no object kind, only its message; these are the engine's own phrasings.
  private static SqlState notFoundState(String message) {
    String m = message == null ? "" : message;
    if (m.contains("has no column")) return SqlState.UNDEFINED_COLUMN;
    if (m.contains("type '")) return SqlState.UNDEFINED_TABLE;
    return SqlState.UNDEFINED_OBJECT;
  }

  private static String messageOf(OmniGraphException e, SqlState state) {
    String m = e.getMessage();
    return switch (state) {
      case SERIALIZATION_FAILURE -> m + " (nothing was written; retry the transaction)";
      case RECOVERY_REQUIRED -> m + " (reopen the graph read-write to run recovery)";
      default -> m;
    };
  }

  /** The first engine failure in a cause chain, or null. */
  static OmniGraphException engineCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OmniGraphException e) return e;
    }
    return null;
  }
}

package io.omnigraph.calcite;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;

/**
 * Every SQLState the driver and its SQL layer report; docs/sql-reference.md lists each (a test
 * holds the two together). Callers branch on these codes (retry on 40001, report 23505
 * as a duplicate), so a code once published keeps its meaning; the JDBC exception subclass follows
 * from the code's class so that {@code catch (SQLIntegrityConstraintViolationException e)} works.
 */
public enum SqlState {
  WRONG_PARAMETER_COUNT("07001", "parameter values do not match the parameter markers"),
  RESULT_SET_NOT_EXPECTED("07003", "the statement produces a result set"),
  NO_RESULT_SET("07005", "the statement does not produce a result set"),
  CONNECTION_UNABLE_TO_CONNECT("08001", "cannot open the graph"),
  CONNECTION_DOES_NOT_EXIST("08003", "the connection is closed"),
  CONNECTION_REJECTED("08004", "the graph refused the connection settings"),
  CONNECTION_FAILURE("08006", "the graph's object store cannot be reached"),
  FEATURE_NOT_SUPPORTED("0A000", "not supported"),
  CARDINALITY_VIOLATION("21000", "a scalar subquery returned more than one row"),
  DATA_EXCEPTION("22000", "data exception"),
  NUMERIC_VALUE_OUT_OF_RANGE("22003", "value out of range for its type"),
  DATETIME_FIELD_OVERFLOW("22008", "date or time outside the supported range or precision"),
  INVALID_CHARACTER_VALUE_FOR_CAST("22018", "value of the wrong type"),
  INVALID_PARAMETER_VALUE("22023", "invalid parameter value"),
  NOT_NULL_VIOLATION("23502", "missing required property"),
  FOREIGN_KEY_VIOLATION("23503", "edge endpoint not found"),
  UNIQUE_VIOLATION("23505", "duplicate key or unique value"),
  CHECK_VIOLATION("23514", "value rule violated"),
  INVALID_TRANSACTION_STATE("25000", "invalid transaction state"),
  ACTIVE_SQL_TRANSACTION("25001", "a transaction with pending changes is open"),
  READ_ONLY_SQL_TRANSACTION("25006", "the connection is read-only"),
  IN_FAILED_SQL_TRANSACTION("25P02", "the transaction failed and must be rolled back"),
  INVALID_AUTHORIZATION("28000", "user name or password refused"),
  INVALID_SCHEMA_NAME("3F000", "unknown schema"),
  TRANSACTION_ROLLBACK("40000", "the transaction was rolled back"),
  SERIALIZATION_FAILURE("40001", "another writer committed first; retry"),
  MERGE_CONFLICT("40002", "the merge has conflicts"),
  SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION("42000", "statement refused"),
  INSUFFICIENT_PRIVILEGE("42501", "the user may not do this"),
  SYNTAX_ERROR("42601", "syntax error"),
  UNDEFINED_COLUMN("42S22", "unknown column"),
  UNDEFINED_OBJECT("42704", "unknown object"),
  UNDEFINED_TABLE("42S02", "unknown table"),
  OBJECT_NOT_IN_PREREQUISITE_STATE("55000", "object not in prerequisite state"),
  /** Implementation-defined subclass of 55: an earlier writer left work that a read-write reopen settles. */
  RECOVERY_REQUIRED("55R01", "recovery required"),
  STATEMENT_TOO_COMPLEX("54001", "statement too complex to plan"),
  QUERY_CANCELED("57014", "the statement was cancelled"),
  IO_ERROR("58030", "storage failure"),
  GENERAL_ERROR("HY000", "general error"),
  FUNCTION_SEQUENCE_ERROR("HY010", "the statement or result set is closed");

  private final String code;
  private final String summary;

  SqlState(String code, String summary) {
    this.code = code;
    this.summary = summary;
  }

  /** The five-character SQLState. */
  public String code() {
    return code;
  }

  /** A short description, used in the documentation table. */
  public String summary() {
    return summary;
  }

  /** A new exception of the JDBC subclass matching this state's class. */
  public SQLException exception(String message) {
    return exception(message, null);
  }

  public SQLException exception(String message, Throwable cause) {
    return exception(code, message, cause);
  }

  /** A new exception for any state, of the JDBC subclass its class calls for. */
  public static SQLException exception(String code, String message, Throwable cause) {
    String cls = code == null || code.length() < 2 ? "" : code.substring(0, 2);
    return switch (cls) {
      case "08" -> new SQLNonTransientConnectionException(message, code, cause);
      case "28" -> new SQLInvalidAuthorizationSpecException(message, code, cause);
      case "0A" -> new SQLFeatureNotSupportedException(message, code, cause);
      case "22" -> new SQLDataException(message, code, cause);
      case "23" -> new SQLIntegrityConstraintViolationException(message, code, cause);
      case "40" -> new SQLTransactionRollbackException(message, code, cause);
      case "42" -> new SQLSyntaxErrorException(message, code, cause);
      default -> new SQLException(message, code, cause);
    };
  }
}

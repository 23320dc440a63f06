package io.omnigraph.cli;

import java.sql.SQLException;

/** A statement the driver refused, with the script line it starts on (0 when it came from no script). */
final class StatementFailure extends Exception {
  private static final long serialVersionUID = 1L;

  StatementFailure(int line, SQLException cause) {
    super(message(line, cause), cause);
  }

  private static String message(int line, SQLException e) {
    String where = line > 0 ? "statement at line " + line + " failed" : "failed";
    return where + " (SQLState " + e.getSQLState() + "): " + e.getMessage();
  }
}

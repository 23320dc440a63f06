package io.omnigraph.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs statements on one connection and prints each outcome in one format, flushed as it goes. */
final class StatementRunner {
  private final Connection connection;
  private final OutputFormat format;
  private final PrintWriter out;
  private boolean printedRows;

  StatementRunner(Connection connection, OutputFormat format, PrintWriter out) {
    this.connection = connection;
    this.format = format;
    this.out = out;
  }

  /** Runs {@code sql}; a refusal becomes a {@link StatementFailure} naming {@code line} (0: no script). */
  void run(int line, String sql) throws StatementFailure {
    try (Statement s = connection.createStatement()) {
      if (s.execute(sql)) {
        try (ResultSet rs = s.getResultSet()) {
          format.rows(out, Math.max(line, 1), rs, !printedRows);
        }
        printedRows = true;
      } else {
        format.updateCount(out, Math.max(line, 1), s.getLargeUpdateCount());
      }
    } catch (SQLException e) {
      throw new StatementFailure(line, e);
    } finally {
      out.flush();
    }
  }
}

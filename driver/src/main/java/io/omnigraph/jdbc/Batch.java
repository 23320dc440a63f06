package io.omnigraph.jdbc;

import io.omnigraph.calcite.DmlResult;
import io.omnigraph.calcite.DmlStatement;
import io.omnigraph.calcite.SqlState;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JDBC batch: DML commands, each with its parameter values, run as one unit of the connection's
 * session: one engine commit with auto-commit on, one statement of the transaction with it off
 * (constraints are checked when the whole batch has run, and a failure undoes all of it). Failures
 * are reported as JDBC's {@link BatchUpdateException}, whose counts say how far the batch got.
 */
final class Batch {
  /** What a batch wrote: one count per entry, and the ids of every row it inserted. */
  record Outcome(long[] counts, List<String> generatedIds) {}

  private Batch() {}

  static Outcome run(GraphSession session, List<Command> commands, List<ParameterValues> params, Cancellation cancel)
      throws SQLException {
    int n = commands.size();
    long[] counts = new long[n];
    List<String> ids = new ArrayList<>();
    int[] done = {0};
    List<List<Object>> values = new ArrayList<>();
    for (ParameterValues p : params) values.add(p.values());
    try {
      session.write(tx -> {
        if (sameStatement(commands)) {
          DmlStatement.Bulk bulk = ((Command.Dml) commands.get(0)).statement().executeAll(tx, values, k -> {
            // Every entry before the refused one ran (one row each), as the loop below would report.
            Arrays.fill(counts, 0, k, 1);
            done[0] = k;
          });
          if (bulk != null) {
            System.arraycopy(bulk.counts(), 0, counts, 0, n);
            ids.addAll(bulk.generatedIds());
            done[0] = n;
            return null;
          }
        }
        for (int i = 0; i < n; i++) {
          DmlResult r = ((Command.Dml) commands.get(i)).statement().execute(tx, values.get(i));
          counts[i] = r.count();
          ids.addAll(r.generatedIds());
          done[0]++;
        }
        return null;
      }, cancel::check);
    } catch (SQLException e) {
      // When every entry ran, the constraint check or the commit failed: none of them took effect.
      long[] reported = done[0] == n ? failed(n) : Arrays.copyOf(counts, done[0]);
      String outcome = session.autoCommit()
          ? "; nothing from the batch was committed" : "; nothing from the batch was applied and the transaction goes on";
      throw new BatchUpdateException(e.getMessage() + outcome, e.getSQLState(), e.getErrorCode(), reported, e);
    }
    return new Outcome(counts, List.copyOf(ids));
  }

  /** Every entry is the same statement (one PreparedStatement's batch), so it may run in bulk. */
  private static boolean sameStatement(List<Command> commands) {
    if (commands.size() < 2) return false;
    Command first = commands.get(0);
    for (Command c : commands) if (c != first) return false;
    return true;
  }

  /** The refusal of a batch entry that does not change data. */
  static BatchUpdateException notDml(int index) {
    return new BatchUpdateException("batch entry " + (index + 1) + " is not INSERT, UPSERT, UPDATE, DELETE or MERGE;"
        + " a batch holds only data changes", SqlState.FEATURE_NOT_SUPPORTED.code(), 0, new long[0], null);
  }

  private static long[] failed(int n) {
    long[] a = new long[n];
    Arrays.fill(a, Statement.EXECUTE_FAILED);
    return a;
  }
}

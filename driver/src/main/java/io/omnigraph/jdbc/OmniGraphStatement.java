package io.omnigraph.jdbc;

import io.omnigraph.calcite.DmlResult;
import io.omnigraph.calcite.SqlSession;
import io.omnigraph.calcite.SqlState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement of an {@link OmniGraphConnection}. Each execution prepares a {@link Command} and runs
 * it: queries through the SQL layer under the connection's view, writes as one engine transaction
 * (auto-commit) or inside the connection's transaction, control statements through
 * {@link ControlStatementRunner}.
 */
class OmniGraphStatement implements Statement {
  private static final List<ResultColumn> GENERATED_KEY_COLUMNS = List.of(ResultColumn.requiredText("id"));

  final OmniGraphConnection connection;
  private final List<String> batch = new ArrayList<>();
  private boolean closed;
  private boolean closeOnCompletion;
  private boolean poolable;
  private long maxRows;
  private int fetchSize;
  private int queryTimeout;
  private ResultSet resultSet;
  private long updateCount = -1;
  private List<String> generatedIds = List.of();
  private volatile Cancellation running;

  OmniGraphStatement(OmniGraphConnection connection) {
    this.connection = connection;
  }

  // ---- execution core, shared with OmniGraphPreparedStatement ----

  /** Runs a command; a statement-owned command is closed when its result no longer needs it. */
  final ExecutionResult run(Command command, ParameterValues params, boolean ownsCommand, boolean wantKeys)
      throws SQLException {
    return run(command, params, ownsCommand, wantKeys, begin());
  }

  /**
   * Starts the cancel state (and the timeout) of one execution. SQL text given to an execute call is
   * planned before it runs: the state starts before planning, so a cancel during planning counts.
   */
  private Cancellation begin() {
    Cancellation cancel = Cancellation.start(queryTimeout);
    running = cancel;
    return cancel;
  }

  /** Plans and runs SQL text; {@code rows} says which kind of result the caller accepts, null for either. */
  private ExecutionResult runText(String sql, Boolean rows, boolean wantKeys) throws SQLException {
    Cancellation cancel = begin();
    Command c;
    try {
      c = prepare(sql);
      if (rows != null) expect(c, rows, true);
    } catch (SQLException | RuntimeException e) {
      cancel.finish();
      throw e;
    }
    return run(c, ParameterValues.NONE, true, wantKeys, cancel);
  }

  private synchronized ExecutionResult run(Command command, ParameterValues params, boolean ownsCommand,
      boolean wantKeys, Cancellation cancel) throws SQLException {
    boolean handedToResult = false;
    try {
      checkOpen();
      clearResults();
      cancel.check();
      ExecutionResult result;
      if (command instanceof Command.Query q) {
        // From here the result set (or startQuery itself, on failure) releases the timer and the command.
        handedToResult = true;
        result = ExecutionResult.rows(startQuery(q, params, cancel, ownsCommand));
      } else if (command instanceof Command.Dml d) {
        List<Object> values = params.values();
        DmlResult r = connection.session().write(
            tx -> d.statement().execute(tx, values, cancel::stopped),
            cancel::check);
        result = ExecutionResult.count(r.count(), r.generatedIds());
      } else {
        result = ControlStatementRunner.INSTANCE.run(((Command.Control) command).statement(), connection.session(), this);
      }
      resultSet = result.resultSet();
      updateCount = result.hasResultSet() ? -1 : result.updateCount();
      generatedIds = wantKeys ? result.generatedIds() : List.of();
      return result;
    } catch (SQLException | RuntimeException e) {
      // Whatever a stopped execution failed with, its caller asked it to stop: say so.
      cancel.check();
      throw e;
    } catch (Exception e) {
      // Lance throws its I/O failures (an object store's refusals among them) as undeclared IOExceptions.
      cancel.check();
      throw SqlErrors.from(e);
    } finally {
      if (!handedToResult) {
        cancel.finish();
        if (ownsCommand) command.close();
      }
    }
  }

  private ResultSet startQuery(Command.Query q, ParameterValues params, Cancellation cancel, boolean ownsCommand)
      throws SQLException {
    try {
      SqlSession sql = connection.sqlSession();
      List<SqlSession.Parameter> values = params.parameters();
      ResultSet rows = connection.session().query(() -> sql.execute(q.plan(), values, cancel::stopped));
      rows.setFetchSize(fetchSize);
      return new QueryResultSet(this, rows, maxRows, cancel, ownsCommand ? q : null);
    } catch (SQLException | RuntimeException e) {
      cancel.finish();
      if (ownsCommand) q.close();
      cancel.check();
      throw SqlErrors.from(e);
    }
  }

  /** Runs DML commands as one unit: one commit with auto-commit on. */
  final synchronized long[] runBatch(List<Command> commands, List<ParameterValues> params, boolean wantKeys)
      throws SQLException {
    checkOpen();
    clearResults();
    Cancellation cancel = Cancellation.start(queryTimeout);
    running = cancel;
    try {
      Batch.Outcome outcome = Batch.run(connection.session(), commands, params, cancel);
      generatedIds = wantKeys ? outcome.generatedIds() : List.of();
      return outcome.counts();
    } finally {
      cancel.finish();
    }
  }

  final Command prepare(String sql) throws SQLException {
    checkOpen();
    Command c = Command.prepare(connection::sqlSession, sql);
    if (c.parameterCount() > 0) {
      c.close();
      throw SqlState.WRONG_PARAMETER_COUNT.exception("the statement has ? parameter markers; use a PreparedStatement");
    }
    return c;
  }

  static void expect(Command c, boolean rows, boolean closeOnMismatch) throws SQLException {
    if (c.returnsRows() == rows) return;
    if (closeOnMismatch) c.close();
    throw rows
        ? SqlState.NO_RESULT_SET.exception("the statement does not return rows; use executeUpdate or execute")
        : SqlState.RESULT_SET_NOT_EXPECTED.exception("the statement returns rows; use executeQuery or execute");
  }

  /** Called by a result set of this statement when it closes. */
  final synchronized void resultClosed(ResultSet rs) throws SQLException {
    // A result the statement closes itself (to run the next command) is no longer its current one.
    if (rs != resultSet) return;
    resultSet = null;
    if (closeOnCompletion && !closed) close();
  }

  private void clearResults() throws SQLException {
    if (resultSet != null) {
      ResultSet rs = resultSet;
      resultSet = null;
      rs.close();
    }
    updateCount = -1;
    generatedIds = List.of();
  }

  final void checkOpen() throws SQLException {
    if (closed) throw SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.exception("the statement is closed");
    connection.checkOpen();
  }

  // ---- java.sql.Statement ----

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    return runText(sql, true, false).resultSet();
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return executeLargeUpdate(sql, NO_GENERATED_KEYS);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return runText(sql, false, autoGeneratedKeys == RETURN_GENERATED_KEYS).updateCount();
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return executeLargeUpdate(sql, GeneratedKeys.requested(columnIndexes));
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return executeLargeUpdate(sql, GeneratedKeys.requested(columnNames));
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return GeneratedKeys.toInt(executeLargeUpdate(sql));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return GeneratedKeys.toInt(executeLargeUpdate(sql, autoGeneratedKeys));
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return GeneratedKeys.toInt(executeLargeUpdate(sql, columnIndexes));
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return GeneratedKeys.toInt(executeLargeUpdate(sql, columnNames));
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return execute(sql, NO_GENERATED_KEYS);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return runText(sql, null, autoGeneratedKeys == RETURN_GENERATED_KEYS).hasResultSet();
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return execute(sql, GeneratedKeys.requested(columnIndexes));
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return execute(sql, GeneratedKeys.requested(columnNames));
  }

  @Override
  public synchronized ResultSet getResultSet() throws SQLException {
    checkOpen();
    return resultSet;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return GeneratedKeys.toInt(getLargeUpdateCount());
  }

  @Override
  public synchronized long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  // Every statement produces exactly one result, so there is never a next one.
  @Override
  public synchronized boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current != KEEP_CURRENT_RESULT && resultSet != null) {
      ResultSet rs = resultSet;
      resultSet = null;
      rs.close();
    }
    resultSet = null;
    updateCount = -1;
    return false;
  }

  @Override
  public synchronized ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (String id : generatedIds) rows.add(new Object[] {id});
    return new ListResultSet(this, GENERATED_KEY_COLUMNS, rows);
  }

  @Override
  public synchronized void addBatch(String sql) throws SQLException {
    checkOpen();
    batch.add(sql);
  }

  @Override
  public synchronized void clearBatch() throws SQLException {
    checkOpen();
    batch.clear();
  }

  @Override
  public int[] executeBatch() throws SQLException {
    return GeneratedKeys.toInts(executeLargeBatch());
  }

  @Override
  public synchronized long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> texts = List.copyOf(batch);
    batch.clear();
    List<Command> commands = new ArrayList<>();
    try {
      for (int i = 0; i < texts.size(); i++) {
        commands.add(prepare(texts.get(i)));
        if (!(commands.get(i) instanceof Command.Dml)) throw Batch.notDml(i);
      }
      return runBatch(commands, texts.stream().map(t -> ParameterValues.NONE).toList(), false);
    } finally {
      commands.forEach(Command::close);
    }
  }

  @Override
  public void cancel() throws SQLException {
    Cancellation c = running;
    if (c != null) c.cancel();
  }

  @Override
  public synchronized void close() throws SQLException {
    if (closed) return;
    closed = true;
    Cancellation c = running;
    if (c != null) c.cancel();
    if (resultSet != null) resultSet.close();
    resultSet = null;
    connection.statementClosed(this);
  }

  @Override
  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return 0;
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    if (max != 0) throw new SQLFeatureNotSupportedException("column values are never truncated; only 0 (no limit) is accepted",
        SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public int getMaxRows() throws SQLException {
    return (int) Math.min(Integer.MAX_VALUE, getLargeMaxRows());
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public synchronized long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  @Override
  public synchronized void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    if (max < 0) throw SqlState.INVALID_PARAMETER_VALUE.exception("max rows must be >= 0");
    maxRows = max;
  }

  // JDBC escapes ({fn ...}, {d '...'}) are understood by the SQL parser itself.
  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public synchronized int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  @Override
  public synchronized void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    if (seconds < 0) throw SqlState.INVALID_PARAMETER_VALUE.exception("query timeout must be >= 0");
    queryTimeout = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    checkOpen();
    throw new SQLFeatureNotSupportedException("positioned updates are not supported", SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("unknown fetch direction " + direction);
    }
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  @Override
  public synchronized void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) throw SqlState.INVALID_PARAMETER_VALUE.exception("fetch size must be >= 0");
    fetchSize = rows;
  }

  @Override
  public synchronized int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  @Override
  public OmniGraphConnection getConnection() throws SQLException {
    checkOpen();
    return connection;
  }

  @Override
  public synchronized void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public synchronized boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
  }

  @Override
  public synchronized void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public synchronized boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new SQLException("not a wrapper for " + iface.getName(), SqlState.GENERAL_ERROR.code());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.calcite.ViewProvider;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.error.ErrorKind;
import io.omnigraph.engine.error.OmniGraphException;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.write.GraphTransaction;
import io.omnigraph.engine.write.LoadMode;
import io.omnigraph.engine.write.LoadResult;
import java.io.Reader;
import java.sql.SQLException;

/**
 * One connection's place in the graph: the branch it reads and writes, the snapshot it may be pinned
 * to, auto-commit, and the open transaction. It is also the {@link ViewProvider} the SQL layer reads
 * through, so every query sees what this connection should see: its transaction (read-your-writes),
 * else its pinned snapshot, else the branch's latest commit when the statement starts reading.
 *
 * <p>All state is guarded by this object's monitor; a connection's statements run one at a time.
 */
final class GraphSession implements ViewProvider {
  /** Work done inside an engine transaction. */
  interface Work<T> {
    T run(GraphTransaction tx) throws SQLException;
  }

  /** A query started under the connection's view. */
  interface Query<T> {
    T run() throws SQLException;
  }

  /** Throws when the running statement was cancelled; checked before anything commits. */
  interface CancelCheck {
    void check() throws SQLException;
  }

  private final Graph graph;
  private final ConnectionSettings settings;
  private final ReadView pinned;
  private String branch;
  private boolean autoCommit = true;
  private boolean readOnlyRequested;
  /** Why writes are denied to whoever uses this connection (a server's read-only user), or null. */
  private String writeDenial;
  private OpenTransaction tx;

  GraphSession(Graph graph, ConnectionSettings settings) throws SQLException {
    this.graph = graph;
    this.settings = settings;
    this.branch = settings.branch();
    try {
      graph.snapshot(branch);
    } catch (OmniGraphException e) {
      // A branch that cannot be read is not an unknown one: damaged storage keeps its own state.
      if (e.kind() != ErrorKind.NOT_FOUND) throw SqlErrors.translate(e);
      throw SqlState.CONNECTION_REJECTED.exception("unknown branch '" + branch + "' (connection property branch): "
          + e.getMessage(), e);
    }
    try {
      this.pinned = settings.snapshot() == null ? null : graph.snapshotAtCommit(settings.snapshot());
    } catch (OmniGraphException e) {
      if (e.kind() != ErrorKind.NOT_FOUND) throw SqlErrors.translate(e);
      throw SqlState.CONNECTION_REJECTED.exception("unknown snapshot '" + settings.snapshot()
          + "' (connection property snapshot): " + e.getMessage(), e);
    }
  }

  Graph graph() {
    return graph;
  }

  ConnectionSettings settings() {
    return settings;
  }

  synchronized String branch() {
    return branch;
  }

  /** The branch the connection reads: its snapshot's branch when pinned, else its current branch. */
  synchronized String currentBranch() {
    return pinned != null ? pinned.branch() : branch;
  }

  /** Asked once per statement execution by the SQL layer, which reads every table of it from the answer. */
  @Override
  public synchronized ReadView view() {
    if (tx != null) return tx.view();
    if (pinned != null) return pinned;
    return graph.snapshot(branch);
  }

  /** Starts a query; with auto-commit off its first statement opens the transaction it reads. */
  synchronized <T> T query(Query<T> query) throws SQLException {
    checkNotFailed();
    if (!autoCommit) ensureTransaction();
    return query.run();
  }

  /**
   * Runs writes: with auto-commit as one engine transaction committed at once, otherwise as one
   * statement of the connection's open transaction, whose constraints are checked when it ends. A
   * statement that fails is undone as a whole and the transaction goes on; only a failure nobody
   * anticipated (a bug, not a violated rule or a bad statement) marks the transaction failed.
   */
  synchronized <T> T write(Work<T> work, CancelCheck cancel) throws SQLException {
    checkWritable();
    checkNotFailed();
    if (!autoCommit) {
      ensureTransaction();
      GraphTransaction writes = tx.writes();
      try (GraphTransaction.Statement statement = writes.beginStatement()) {
        T result = work.run(writes);
        statement.check();
        cancel.check();
        statement.keep();
        return result;
      } catch (SQLException | OmniGraphException e) {
        throw SqlErrors.from(e);
      } catch (RuntimeException e) {
        tx.markFailed();
        throw SqlErrors.from(e);
      }
    }
    GraphTransaction t = begin();
    try {
      T result = work.run(t);
      cancel.check();
      t.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      t.rollback();
      throw SqlErrors.from(e);
    }
  }

  /** An engine operation that commits on its own (load, merge, schema apply, maintenance). */
  interface Operation<T> {
    T run(Graph graph, String branch) throws SQLException;
  }

  /**
   * Runs an operation that commits on its own, so it cannot join pending transaction work: it is
   * refused while the transaction has changes, and an unchanged transaction is dropped so that the
   * next statement reads the operation's commit.
   *
   * @param badInput the state for the engine's BAD_INPUT failures (see {@link SqlErrors#translate})
   */
  synchronized <T> T standalone(String what, boolean writes, SqlState badInput, Operation<T> operation)
      throws SQLException {
    if (writes) checkWritable();
    requireNoPendingChanges(what);
    discardTransaction();
    try {
      return operation.run(graph, branch);
    } catch (OmniGraphException e) {
      throw SqlErrors.translate(e, badInput);
    }
  }

  /** LOAD DATA: bad lines in the file are data errors. */
  LoadResult load(Reader jsonl, LoadMode mode) throws SQLException {
    return standalone("LOAD DATA", true, SqlState.INVALID_PARAMETER_VALUE,
        (g, b) -> g.load(b, jsonl, mode, settings.actor()));
  }

  synchronized void useBranch(String name) throws SQLException {
    if (pinned != null) {
      throw SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.exception("the connection reads the fixed snapshot "
          + settings.snapshot() + "; USE BRANCH does not apply");
    }
    requireNoPendingChanges("USE BRANCH");
    latest(name);
    discardTransaction();
    branch = name;
  }

  synchronized void createBranch(String name, String from) throws SQLException {
    checkWritable();
    try {
      graph.createBranch(name, from);
    } catch (OmniGraphException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Other connections using the branch fail on their next statement; this one may not drop its own. */
  synchronized void dropBranch(String name) throws SQLException {
    checkWritable();
    // main is never deletable; the engine refuses it with that reason, which says more than "active".
    if (name.equals(branch) && !name.equals("main")) {
      throw SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.exception("cannot delete currently active branch '" + name
          + "'; USE BRANCH another branch first");
    }
    try {
      graph.deleteBranch(name);
    } catch (OmniGraphException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Back to the branch the connection was opened with, abandoning any open transaction (pool hand-back). */
  synchronized void restoreConfiguredBranch() {
    discardTransaction();
    branch = settings.branch();
  }

  synchronized boolean autoCommit() {
    return autoCommit;
  }

  /** Switching auto-commit on commits pending work, as JDBC requires. */
  synchronized void setAutoCommit(boolean on) throws SQLException {
    if (on == autoCommit) return;
    if (on) commit();
    autoCommit = on;
  }

  synchronized void commit() throws SQLException {
    if (tx == null) return;
    OpenTransaction t = tx;
    tx = null;
    if (t.failed()) {
      t.discard();
      throw SqlState.TRANSACTION_ROLLBACK.exception(
          "the transaction was rolled back because one of its statements failed; nothing was committed");
    }
    if (t.writes() == null) return;
    try {
      t.writes().commit();
    } catch (OmniGraphException e) {
      throw SqlErrors.translate(e);
    }
  }

  synchronized void rollback() {
    discardTransaction();
  }

  synchronized boolean hasPendingChanges() {
    return tx != null && tx.hasChanges();
  }

  synchronized boolean readOnly() {
    return settings.refusesWrites() || readOnlyRequested || writeDenial != null;
  }

  /**
   * Refuses every write and graph change from now on with 42501 (not 25006: the user lacks the
   * right, the connection is not in a read-only mode it could leave). Cannot be undone.
   */
  synchronized void denyWrites(String reason) throws SQLException {
    requireNoPendingChanges("denying writes");
    discardTransaction();
    writeDenial = reason;
  }

  /**
   * Applies {@code Connection.setReadOnly}. A connection opened read-only (readOnly=true or a pinned
   * snapshot) stays read-only: tools and pools call setReadOnly(false) as a matter of course, so the
   * request is answered with the reason it was not honoured instead of a failure.
   *
   * @return why the request was not honoured, or null when it was
   */
  synchronized String setReadOnly(boolean readOnly) throws SQLException {
    if (!readOnly && writeDenial != null) {
      return "setReadOnly(false) was ignored: " + writeDenial;
    }
    if (!readOnly && settings.refusesWrites()) {
      return "setReadOnly(false) was ignored: the connection was opened " + refusalReason() + " and stays read-only";
    }
    if (readOnly != readOnlyRequested) requireNoPendingChanges("setReadOnly");
    readOnlyRequested = readOnly;
    return null;
  }

  /** The commit id this connection is pinned to (connection property snapshot), or null. */
  String pinnedSnapshot() {
    return settings.snapshot();
  }

  synchronized void close() {
    discardTransaction();
  }

  synchronized void checkWritable() throws SQLException {
    if (writeDenial != null) throw SqlState.INSUFFICIENT_PRIVILEGE.exception("cannot write: " + writeDenial);
    if (readOnly()) {
      throw SqlState.READ_ONLY_SQL_TRANSACTION.exception("cannot write: the connection is " + refusalReason());
    }
  }

  private String refusalReason() {
    if (settings.snapshot() != null) return "pinned to snapshot " + settings.snapshot();
    if (settings.readOnly()) return "read-only (readOnly=true)";
    return "read-only (Connection.setReadOnly(true))";
  }

  private void checkNotFailed() throws SQLException {
    if (tx != null && tx.failed()) {
      throw SqlState.IN_FAILED_SQL_TRANSACTION.exception(
          "a statement of the current transaction failed; call rollback() before running more statements");
    }
  }

  private void requireNoPendingChanges(String what) throws SQLException {
    if (hasPendingChanges()) {
      throw SqlState.ACTIVE_SQL_TRANSACTION.exception(
          what + " is refused while the transaction has uncommitted changes; commit or roll back first");
    }
  }

  private void ensureTransaction() throws SQLException {
    if (tx != null) return;
    if (pinned != null) {
      tx = OpenTransaction.readOnly(pinned);
    } else if (readOnly()) {
      tx = OpenTransaction.readOnly(latest(branch));
    } else {
      tx = OpenTransaction.writable(begin());
    }
  }

  private void discardTransaction() {
    if (tx != null) tx.discard();
    tx = null;
  }

  private GraphTransaction begin() throws SQLException {
    try {
      return graph.begin(branch, settings.actor());
    } catch (OmniGraphException e) {
      throw SqlErrors.translate(e);
    }
  }

  private ReadView latest(String branchName) throws SQLException {
    try {
      return graph.snapshot(branchName);
    } catch (OmniGraphException e) {
      throw SqlErrors.translate(e);
    }
  }
}

package io.omnigraph.calcite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planned statements of the internal Calcite connection, kept by SQL text. Planning a statement
 * costs tens of milliseconds; executing a planned one again costs only the execution. A statement
 * is lent to one user at a time (re-executing a JDBC statement closes its open result set, so two
 * users must never share one) and comes back here when that user closes it.
 */
final class StatementPool implements AutoCloseable {
  private static final int MAX_TEXTS = 256;
  private static final int MAX_IDLE_PER_TEXT = 4;

  private final Connection connection;
  /** Guarded by {@code this}; access order, so the least recently used text is evicted first. */
  private final Map<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(16, 0.75f, true);
  private boolean closed;

  StatementPool(Connection connection) {
    this.connection = connection;
  }

  /** A planned statement for {@code sql}: an idle one if there is one, else newly prepared. */
  PreparedStatement lease(String sql, NameIndex names) throws SQLException {
    synchronized (this) {
      if (closed) throw SqlState.CONNECTION_DOES_NOT_EXIST.exception("the SQL session is closed");
      Deque<PreparedStatement> q = idle.get(sql);
      if (q != null && !q.isEmpty()) return q.pop();
    }
    try {
      return FoldingParserFactory.withNames(names, () -> PlanningHooks.around(() -> connection.prepareStatement(sql)));
    } catch (SQLException e) {
      SQLException restated = StatementErrors.fromPrepare(e, sql);
      throw restated != null ? restated : e;
    } catch (RuntimeException e) {
      SQLException restated = StatementErrors.fromPrepare(e, sql);
      if (restated != null) throw restated;
      throw e;
    } catch (ExceptionInInitializerError | StackOverflowError e) {
      throw StatementErrors.evaluation(e);
    }
  }

  /** Takes a statement back; it is reset for its next user, or closed if the pool is full. */
  void giveBack(String sql, PreparedStatement ps) {
    boolean keep;
    try {
      reset(ps);
      keep = true;
    } catch (SQLException | RuntimeException e) {
      keep = false;
    }
    List<PreparedStatement> evicted = new ArrayList<>();
    synchronized (this) {
      if (keep && !closed) {
        Deque<PreparedStatement> q = idle.computeIfAbsent(sql, k -> new ArrayDeque<>());
        if (q.size() < MAX_IDLE_PER_TEXT) {
          q.push(ps);
          ps = null;
        }
        while (idle.size() > MAX_TEXTS) {
          var eldest = idle.entrySet().iterator().next();
          evicted.addAll(eldest.getValue());
          idle.remove(eldest.getKey());
        }
      }
    }
    if (ps != null) evicted.add(ps);
    evicted.forEach(StatementPool::closeQuietly);
  }

  /** Drops every idle statement, for instance because the catalog they were planned against changed. */
  void clear() {
    List<PreparedStatement> all = new ArrayList<>();
    synchronized (this) {
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(StatementPool::closeQuietly);
  }

  private static void reset(PreparedStatement ps) throws SQLException {
    ResultSet open = ps.getResultSet();
    if (open != null) open.close();
    ps.clearParameters();
    ps.setMaxRows(0);
    ps.setQueryTimeout(0);
    ps.clearWarnings();
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException | RuntimeException ignored) {
      // Closing an internal statement only frees memory; there is nothing to report.
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    clear();
  }
}

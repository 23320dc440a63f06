package io.omnigraph.jdbc;

import io.omnigraph.calcite.DmlStatement;
import io.omnigraph.calcite.QueryPlan;
import io.omnigraph.calcite.SqlSession;
import io.omnigraph.calcite.SqlState;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Statement text prepared once and executable many times: a query planned by the SQL layer, a DML
 * statement, or a graph control statement. Knowing the kind before executing lets
 * {@code executeQuery} refuse an INSERT without running it.
 */
sealed interface Command {
  int parameterCount() throws SQLException;

  boolean returnsRows();

  /** Releases what the SQL layer holds for this command. */
  void close();

  /** A planned query; the plan belongs to the graph's planner, shared with other statements. */
  record Query(QueryPlan plan) implements Command {
    public int parameterCount() {
      return plan.parameterCount();
    }

    public boolean returnsRows() {
      return true;
    }

    public void close() {}
  }

  record Dml(DmlStatement statement) implements Command {
    public int parameterCount() {
      return statement.parameterCount();
    }

    public boolean returnsRows() {
      return false;
    }

    public void close() {}
  }

  record Control(ControlStatement statement) implements Command {
    public int parameterCount() {
      return 0;
    }

    public boolean returnsRows() {
      return statement.returnsRows();
    }

    public void close() {}
  }

  /** Prepares {@code sql}: control statements first, then DML, then everything else as a query. */
  static Command prepare(SqlSessionSource sessions, String sql) throws SQLException {
    if (sql == null || sql.isBlank()) throw SqlState.SYNTAX_ERROR.exception("empty statement");
    String text = withoutTerminator(sql);
    Optional<ControlStatement> control = ControlStatementParser.parse(text);
    if (control.isPresent()) return new Control(control.get());
    SqlSession session = sessions.sqlSession();
    try {
      synchronized (session) {
        if (session.isDml(text)) return new Dml(session.prepareDml(text));
        return new Query(session.prepareQuery(text));
      }
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.from(e);
    }
  }

  /** Where a command finds the connection's SQL session, opened on first use. */
  interface SqlSessionSource {
    SqlSession sqlSession() throws SQLException;
  }

  /** Tools and scripts end statements with ';', which SQL parsers reject. */
  static String withoutTerminator(String sql) {
    String s = sql.strip();
    while (s.endsWith(";")) s = s.substring(0, s.length() - 1).stripTrailing();
    return s;
  }
}

package io.omnigraph.calcite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A query with its parameter values, run the way the driver runs one: a plan, then executions. */
final class TestQuery implements AutoCloseable {
  final SqlSession session;
  final QueryPlan plan;
  private final List<SqlSession.Parameter> params;

  private TestQuery(SqlSession session, QueryPlan plan) {
    this.session = session;
    this.plan = plan;
    this.params = new ArrayList<>(Collections.nCopies(plan.parameterCount(), null));
  }

  static TestQuery prepare(SqlSession session, String sql) throws SQLException {
    return new TestQuery(session, session.prepareQuery(sql));
  }

  void setObject(int index, Object value) throws SQLException {
    set(index, value, Types.OTHER);
  }

  void setInt(int index, int value) throws SQLException {
    set(index, value, Types.INTEGER);
  }

  void setLong(int index, long value) throws SQLException {
    set(index, value, Types.BIGINT);
  }

  void setDouble(int index, double value) throws SQLException {
    set(index, value, Types.DOUBLE);
  }

  void setString(int index, String value) throws SQLException {
    set(index, value, Types.VARCHAR);
  }

  /** Converts at once, as the driver's setters report a value that does not fit when it is set. */
  private void set(int index, Object value, int type) throws SQLException {
    ParameterBinder.internal(index, value, type, plan.parameterType(index));
    params.set(index - 1, new SqlSession.Parameter(value, type));
  }

  ResultSet executeQuery() throws SQLException {
    return session.execute(plan, params, () -> false);
  }

  @Override
  public void close() {}
}

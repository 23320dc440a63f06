package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlString;

/**
 * A query a DML statement was rewritten into, run on its SqlSession's Calcite connection. The query
 * text is written out from the rewritten tree; its {@code ?} markers keep a mapping to the
 * original statement's parameters, whose order the rewrite may change (MERGE moves the source after
 * the assignments).
 */
final class InternalQuery {
  private final SqlSession session;
  private final String sql;
  /** For each {@code ?} of {@link #sql}, in order, the index of the original statement's parameter. */
  private final List<Integer> parameterOrder;
  private final int columnCount;

  private InternalQuery(SqlSession session, String sql, List<Integer> parameterOrder, int columnCount) {
    this.session = session;
    this.sql = sql;
    this.parameterOrder = parameterOrder;
    this.columnCount = columnCount;
  }

  /** Writes out and plans {@code query}; planning now reports invalid SQL at prepare time. */
  static InternalQuery plan(SqlSession session, SqlNode query) throws SQLException {
    SqlString text = query.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT).withQuoteAllIdentifiers(true));
    List<Integer> order = text.getDynamicParameters() == null ? List.of() : List.copyOf(text.getDynamicParameters());
    StatementPool pool = session.pool();
    PreparedStatement ps;
    try {
      ps = pool.lease(text.getSql(), session.currentNames());
    } catch (SQLException e) {
      throw e.getCause() != null && StatementErrors.isCalciteRefusal(e) ? StatementErrors.fromCalcite(e, false) : e;
    }
    try {
      return new InternalQuery(session, text.getSql(), order, ps.getMetaData().getColumnCount());
    } finally {
      pool.giveBack(text.getSql(), ps);
    }
  }

  int columnCount() {
    return columnCount;
  }

  /** Every row of the query, read through {@code view}, values converted for the engine. */
  List<Object[]> run(ReadView view, List<Object> params) throws SQLException {
    StatementPool pool = session.pool();
    PreparedStatement ps = pool.lease(sql, session.currentNames());
    try {
      ParameterMetaData md = ps.getParameterMetaData();
      for (int i = 0; i < parameterOrder.size(); i++) {
        ParameterBinder.bind(ps, i + 1, params.get(parameterOrder.get(i)), md.getParameterType(i + 1));
      }
      return session.binding().readingFrom(view, () -> readAll(ps));
    } finally {
      pool.giveBack(sql, ps);
    }
  }

  private List<Object[]> readAll(PreparedStatement ps) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      int[] types = new int[columnCount];
      for (int i = 0; i < columnCount; i++) types[i] = rs.getMetaData().getColumnType(i + 1);
      while (rs.next()) {
        Object[] row = new Object[columnCount];
        for (int i = 0; i < columnCount; i++) row[i] = EngineValues.column(rs, i + 1, types[i]);
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public String toString() {
    return sql;
  }
}

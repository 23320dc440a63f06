package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.write.GraphTransaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.util.SqlString;

/**
 * A query a DML statement was rewritten into, planned like any query of the graph. The query text
 * is written out from the rewritten tree; its {@code ?} markers keep a mapping to the original
 * statement's parameters, whose order the rewrite may change (MERGE moves the source after the
 * assignments).
 */
final class InternalQuery {
  private final GraphPlanner planner;
  private final QueryPlan plan;
  /** For each {@code ?} of the plan, in order, the index of the original statement's parameter. */
  private final List<Integer> parameterOrder;
  /** What the plan's rows modify; null for a plain query. */
  private final TableModifySpec modify;

  private InternalQuery(GraphPlanner planner, QueryPlan plan, List<Integer> parameterOrder, TableModifySpec modify) {
    this.planner = planner;
    this.plan = plan;
    this.parameterOrder = parameterOrder;
    this.modify = modify;
  }

  /** Writes out and plans {@code query}; planning now reports invalid SQL at prepare time. */
  static InternalQuery plan(GraphPlanner planner, SqlNode query) throws SQLException {
    return plan(planner, query, null);
  }

  /**
   * As {@link #plan(GraphPlanner, SqlNode)}, with {@code modify} applying the query's rows: the
   * plan of an UPDATE or DELETE, whose execution is {@link #runModify}.
   */
  static InternalQuery planModify(GraphPlanner planner, SqlNode query, TableModifySpec modify) throws SQLException {
    return plan(planner, query, modify);
  }

  private static InternalQuery plan(GraphPlanner planner, SqlNode query, TableModifySpec modify) throws SQLException {
    SqlString text = query.toSqlString(c -> c.withDialect(CalciteSqlDialect.DEFAULT).withQuoteAllIdentifiers(true));
    List<Integer> order = text.getDynamicParameters() == null ? List.of() : List.copyOf(text.getDynamicParameters());
    try {
      QueryPlan plan = modify == null ? planner.plan(text.getSql()) : planner.planModify(text.getSql(), modify);
      return new InternalQuery(planner, plan, order, modify);
    } catch (SQLException e) {
      // Positions would point into text the user never wrote.
      throw e.getCause() != null && StatementErrors.isCalciteRefusal(e) ? StatementErrors.fromCalcite(e, false) : e;
    }
  }

  int columnCount() {
    return plan.columns().size();
  }

  /** The plan of {@code explain} (an {@code EXPLAIN PLAN ... FOR} clause) followed by this query. */
  QueryPlan explain(String explain) throws SQLException {
    return planner.planModify(explain + plan.sql(), modify);
  }

  /** Runs a plan of {@link #planModify} on {@code tx}; returns how many rows it changed. */
  long runModify(GraphTransaction tx, List<Object> params, Map<String, Object> variables, BooleanSupplier stop)
      throws SQLException {
    return planner.executeModify(plan, tx, values(params), variables, stop);
  }

  private List<Object> values(List<Object> params) throws SQLException {
    List<Object> values = new ArrayList<>(parameterOrder.size());
    for (int i = 0; i < parameterOrder.size(); i++) {
      values.add(ParameterBinder.internal(i + 1, params.get(parameterOrder.get(i)), Types.OTHER,
          plan.parameterType(i + 1)));
    }
    return values;
  }

  /** Every row of the query, read through {@code view}, values converted for the engine. */
  List<Object[]> run(ReadView view, List<Object> params, BooleanSupplier stop) throws SQLException {
    try (ResultSet rs = planner.execute(plan, view, values(params), stop)) {
      List<ColumnMetaData> columns = plan.columns();
      int width = columns.size();
      List<Object[]> rows = new ArrayList<>();
      while (rs.next()) {
        Object[] row = new Object[width];
        for (int i = 0; i < width; i++) row[i] = EngineValues.column(rs, i + 1, columns.get(i).type.id);
        rows.add(row);
      }
      return rows;
    }
  }

  @Override
  public String toString() {
    return plan.sql();
  }
}

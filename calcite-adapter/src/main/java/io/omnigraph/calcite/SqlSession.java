package io.omnigraph.calcite;

import io.omnigraph.calcite.pgq.GraphTableRewriter;
import io.omnigraph.engine.Graph;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The SQL side of one JDBC connection: its statements planned by the graph's shared
 * {@link GraphPlanner} and executed against the view the connection's {@link ViewProvider} gives.
 *
 * <p>Guarantees: every statement execution reads one view (asked of the provider when the
 * execution starts) for all its tables; result sets stream rows from the engine's scans; planned
 * statements are kept by SQL text for the whole graph, so preparing the same text again, on any
 * connection, does not plan again. Unquoted identifiers match case-insensitively, quoted ones
 * exactly.
 *
 * <p>Thread-safe.
 */
public final class SqlSession implements AutoCloseable {
  /** The graph's system tables (SPEC B.2), read-only, each readable as {@code SELECT * FROM <name>}. */
  public static final List<String> SYSTEM_TABLES = SystemTable.NAMES;
  /** The graph's table functions, read-only, called as {@code SELECT * FROM TABLE(<name>(...))}. */
  public static final List<String> TABLE_FUNCTIONS = List.of(ChangesFunction.NAME);

  /** A parameter value with the JDBC type its setter implied ({@link Types#OTHER} for none). */
  public record Parameter(Object value, int sqlType) {}

  private final GraphPlanner planner;
  private final ViewProvider views;

  private SqlSession(GraphPlanner planner, ViewProvider views) {
    this.planner = planner;
    this.views = views;
  }

  /** Opens a session that plans with {@code planner}, shared with the graph's other sessions. */
  public static SqlSession open(GraphPlanner planner, ViewProvider views) {
    return new SqlSession(planner, views);
  }

  /** Opens a session over {@code graph} with a planner of its own. */
  public static SqlSession open(Graph graph, ViewProvider views) {
    return new SqlSession(new GraphPlanner(graph), views);
  }

  /**
   * Plans a query (SELECT, VALUES, WITH, EXPLAIN PLAN FOR one of them or an UPDATE or DELETE), or
   * finds its plan.
   *
   * @throws SQLException SQLState 42601 for a syntax error (saying where), 42000 for validation
   *     errors (42S02 for an unknown table, 42S22 for an unknown column), 0A000 for a statement
   *     the planner cannot run (naming the construct)
   */
  public QueryPlan prepareQuery(String sql) throws SQLException {
    QueryPlan explainedModify = planner.planExplainedModify(sql);
    if (explainedModify != null) return explainedModify;
    SQLException explainedDml = PlanningErrors.explainedDml(sql);
    if (explainedDml != null) throw explainedDml;
    return planner.plan(sql);
  }

  /**
   * Starts an execution of {@code plan} with {@code parameters}, reading the view the provider
   * gives now. Its scans stop with {@link ExecutionStopped} at the next row they read once
   * {@code stop} is raised; closing the result set closes them.
   *
   * @throws SQLException 07001 for a wrong number of values, 22018 for a value that cannot be
   *     converted to its parameter's type
   */
  public ResultSet execute(QueryPlan plan, List<Parameter> parameters, BooleanSupplier stop) throws SQLException {
    if (parameters.size() != plan.parameterCount()) {
      throw new SQLException("the statement has " + plan.parameterCount() + " parameters but " + parameters.size()
          + " values were given", StatementErrors.WRONG_PARAMETER_COUNT);
    }
    List<Object> values = new ArrayList<>(parameters.size());
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      values.add(ParameterBinder.internal(i + 1, p.value(), p.sqlType(), plan.parameterType(i + 1)));
    }
    return planner.execute(plan, views.view(), values, stop);
  }

  /** True for INSERT, UPSERT, UPDATE, DELETE and MERGE INTO statements. */
  public boolean isDml(String sql) {
    return DmlKeywords.isDml(sql);
  }

  /**
   * Parses and plans a DML statement. Plans are kept by SQL text, like queries.
   *
   * @throws SQLException 42601 for syntax errors, 42000 for writes to system tables, 42S02 for an
   *     unknown table, 42S22 for an unknown column
   */
  public DmlStatement prepareDml(String sql) throws SQLException {
    if (GraphTableRewriter.mentions(sql)) GraphTableRewriter.refuseInDml(sql);
    return planner.planDml(sql);
  }

  /** The planner this SqlSession shares with every other SqlSession over the same graph. */
  public GraphPlanner planner() {
    return planner;
  }

  /** Nothing to release: plans belong to the graph's planner, executions to their result sets. */
  @Override
  public void close() {}
}

package io.omnigraph.calcite;

import io.omnigraph.calcite.pgq.GraphTableRewriter;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.schema.Catalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * The SQL planner of one open graph, shared by all its connections: the graph's schema, the
 * planned queries and DML statements of its current catalog, and the execution of a plan against
 * a view. Plans hold nothing of a connection, so a statement planned by one connection runs for
 * every other.
 *
 * <p>Thread-safe. Two connections preparing the same new text at once may both plan it; the first
 * plan kept is the one both get.
 */
public final class GraphPlanner {
  /** Plans kept per graph; about 100 KB each, mostly generated code. */
  static final int MAX_PLANS = 512;

  private final GraphSchema schema;
  private final SchemaPlus rootSchema;
  private final JavaTypeFactory typeFactory;
  private final GraphPrepare.Context context;
  private final PlanCache plans = new PlanCache(MAX_PLANS);
  private final CompiledCode compiled = new CompiledCode(MAX_PLANS);
  private final DmlPlanner dml = new DmlPlanner(this);
  /** Guarded by {@code this}. */
  private Catalog catalog;
  /** Guarded by {@code this}. */
  private NameIndex names;

  public GraphPlanner(Graph graph) {
    this.schema = new GraphSchema(graph);
    this.typeFactory = new JavaTypeFactoryImpl(GraphTypeSystem.INSTANCE);
    // Without caching: the schema keeps its own tables current with the catalog.
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    this.rootSchema = root.plus();
    rootSchema.add(GraphSchema.NAME, schema);
    this.context = new GraphPrepare.Context(typeFactory, root, new CalciteConnectionConfigImpl(settings()),
        GraphExecution.forPlanning(rootSchema, typeFactory));
  }

  private static Properties settings() {
    Properties p = new Properties();
    p.setProperty("caseSensitive", "true");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    p.setProperty("conformance", SqlParsing.CONFORMANCE.name());
    p.setProperty("materializationsEnabled", "false");
    p.setProperty("createMaterializations", "false");
    return p;
  }

  /**
   * The plan of a query (SELECT, VALUES, WITH, EXPLAIN PLAN FOR a query), planned once per text and
   * catalog.
   *
   * @throws SQLException 42601 for a syntax error (saying where), 42000 for validation errors
   *     (42S02 for an unknown table, 42S22 for an unknown column), 0A000 for a statement the planner
   *     cannot run (naming the construct)
   */
  public QueryPlan plan(String sql) throws SQLException {
    Catalog current;
    NameIndex currentNames;
    synchronized (this) {
      currentNames = currentNames();
      current = catalog;
    }
    QueryPlan cached = plans.get(sql, current);
    if (cached != null) return cached;
    String text = GraphTableRewriter.mentions(sql) ? GraphTableRewriter.rewrite(sql, current) : sql;
    return plans.put(sql, current, planNow(text, currentNames));
  }

  private QueryPlan planNow(String sql, NameIndex currentNames) throws SQLException {
    return planNow(sql, currentNames, null);
  }

  /**
   * The plan of {@code sql}, a query (or EXPLAIN PLAN FOR one) whose rows {@code modify} applies to
   * the transaction an execution reads: the plan of an UPDATE or DELETE, not kept here (its
   * statement is, see {@link DmlPlanner}).
   */
  QueryPlan planModify(String sql, TableModifySpec modify) throws SQLException {
    return planNow(sql, currentNames(), modify);
  }

  private QueryPlan planNow(String sql, NameIndex currentNames, TableModifySpec modify) throws SQLException {
    try {
      SqlNode statement = SqlParsing.parse(sql, currentNames);
      GraphPrepare.Prepared prepared = new GraphPrepare(context, compiled).prepare(statement, modify);
      RelDataType rowType = statement.getKind() == SqlKind.EXPLAIN
          ? RelOptUtil.createDmlRowType(SqlKind.EXPLAIN, typeFactory)
          : modify != null ? RelOptUtil.createDmlRowType(modify.kind(), typeFactory)
          : prepared.validator().getValidatedNodeType(statement);
      return QueryPlan.of(sql, prepared, rowType, typeFactory);
    } catch (RuntimeException e) {
      SQLException restated = StatementErrors.fromPrepare(e, sql);
      if (restated != null) throw restated;
      throw e;
    } catch (ExceptionInInitializerError | StackOverflowError e) {
      throw StatementErrors.evaluation(e);
    }
  }

  /**
   * The plan of {@code EXPLAIN PLAN FOR} an UPDATE or DELETE, planned once per text and catalog:
   * the statement's own plan, with its {@link GraphTableModify}; null for any other statement.
   */
  QueryPlan planExplainedModify(String sql) throws SQLException {
    String[] parts = PlanningErrors.explainedModify(sql);
    if (parts == null) return null;
    Catalog current = catalog();
    QueryPlan cached = plans.get(sql, current);
    if (cached != null) return cached;
    DmlStatement statement = planDml(parts[1]);
    InternalQuery query = statement instanceof UpdateStatement u ? u.query() : ((DeleteStatement) statement).query();
    return plans.put(sql, current, query.explain(parts[0]));
  }

  /** The plan of a DML statement, planned once per text and catalog. */
  DmlStatement planDml(String sql) throws SQLException {
    Catalog current;
    NameIndex currentNames;
    synchronized (this) {
      currentNames = currentNames();
      current = catalog;
    }
    return dml.prepare(sql, current, currentNames);
  }

  /**
   * Starts one execution of {@code plan} reading {@code view}: the rows are read as the result set
   * is; its scans stop at the next row once {@code stop} is raised, and close when the result set
   * does or when starting fails.
   *
   * @param values the parameter values in the plan's internal representation ({@link ParameterBinder})
   */
  ResultSet execute(QueryPlan plan, ReadView view, List<Object> values, BooleanSupplier stop) throws SQLException {
    GraphExecution execution = new GraphExecution(rootSchema, typeFactory, view, values, plan.internalParameters(), stop);
    try {
      return QueryRows.start(plan, execution);
    } catch (SQLException e) {
      execution.close(e);
      throw e;
    } catch (RuntimeException | ExceptionInInitializerError | StackOverflowError e) {
      // Tables read when the plan is bound (system tables, table functions) fail here; the caller
      // classifies the cause (an engine failure keeps its own state).
      execution.close(e);
      throw StatementErrors.evaluation(e);
    }
  }

  /**
   * Runs {@code plan}, planned by {@link #planModify}, against the transaction {@code tx}, with the
   * execution variables {@code variables} besides the parameters; returns the count of changed
   * rows. Engine failures propagate as they are.
   */
  long executeModify(QueryPlan plan, ReadView tx, List<Object> values, Map<String, Object> variables,
      BooleanSupplier stop) {
    Map<String, Object> internal = new java.util.HashMap<>(plan.internalParameters());
    internal.putAll(variables);
    GraphExecution execution = new GraphExecution(rootSchema, typeFactory, tx, values, internal, stop);
    Throwable failure = null;
    Enumerator<Object> rows = null;
    try {
      rows = plan.bindable().bind(execution).enumerator();
      if (!rows.moveNext()) throw new IllegalStateException("a table modification gave no count");
      return ((Number) rows.current()).longValue();
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      if (rows != null) rows.close();
      execution.close(failure);
    }
  }

  /** The names identifiers resolve against; a changed catalog leaves every earlier plan behind. */
  synchronized NameIndex currentNames() {
    Catalog now = schema.catalog();
    if (now != catalog) {
      catalog = now;
      names = new NameIndex(now);
    }
    return names;
  }

  synchronized Catalog catalog() {
    currentNames();
    return catalog;
  }

  /** How many query plans were made rather than found, for tests and diagnostics. */
  public long plansMade() {
    return plans.planned();
  }

  /** How many generated sources were compiled rather than found, for tests. */
  long sourcesCompiled() {
    return compiled.compiled();
  }
}

package io.omnigraph.calcite;

import io.omnigraph.calcite.pgq.GraphTableRewriter;
import io.omnigraph.engine.Graph;
import io.omnigraph.engine.schema.Catalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The SQL side of one JDBC connection: an internal Calcite connection whose {@code graph} schema
 * reads the graph through the connection's {@link ViewProvider}, and the translation of DML into
 * engine calls on a transaction.
 *
 * <p>Guarantees: every statement execution reads one view (asked of the provider when the
 * execution starts) for all its tables; result sets stream rows from the engine's scans; planned
 * statements are kept by SQL text, so preparing the same text again does not plan again. Unquoted
 * identifiers match case-insensitively, quoted ones exactly.
 *
 * <p>Thread-safe for preparing; a lent statement belongs to one thread at a time, as JDBC
 * statements do.
 */
public final class SqlSession implements AutoCloseable {
  /** The graph's system tables (SPEC B.2), read-only, each readable as {@code SELECT * FROM <name>}. */
  public static final List<String> SYSTEM_TABLES = SystemTable.NAMES;
  /** The graph's table functions, read-only, called as {@code SELECT * FROM TABLE(<name>(...))}. */
  public static final List<String> TABLE_FUNCTIONS = List.of(ChangesFunction.NAME);

  private final ViewBinding binding;
  private final Connection calcite;
  private final GraphSchema schema;
  private final StatementPool pool;
  private final DmlPlanner dml;
  /** Guarded by {@code this}. */
  private Catalog catalog;
  /** Guarded by {@code this}. */
  private NameIndex names;

  private SqlSession(ViewBinding binding, Connection calcite, GraphSchema schema) {
    this.binding = binding;
    this.calcite = calcite;
    this.schema = schema;
    this.pool = new StatementPool(calcite);
    this.dml = new DmlPlanner(this);
  }

  /** Opens a session over {@code graph}; every statement reads the view {@code views} supplies. */
  public static SqlSession open(Graph graph, ViewProvider views) throws SQLException {
    ViewBinding binding = new ViewBinding(views);
    GraphSchema schema = new GraphSchema(graph, binding);
    Connection connection = new org.apache.calcite.jdbc.Driver().connect("jdbc:calcite:", calciteProperties());
    try {
      CalciteConnection cc = connection.unwrap(CalciteConnection.class);
      SchemaPlus added = cc.getRootSchema().add(GraphSchema.NAME, schema);
      // The schema keeps its own tables current with the catalog; Calcite must not cache them.
      added.setCacheEnabled(false);
      cc.setSchema(GraphSchema.NAME);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return new SqlSession(binding, connection, schema);
  }

  private static Properties calciteProperties() {
    Properties p = new Properties();
    p.setProperty("parserFactory", FoldingParserFactory.class.getName() + "#INSTANCE");
    p.setProperty("caseSensitive", "true");
    p.setProperty("unquotedCasing", "UNCHANGED");
    p.setProperty("quotedCasing", "UNCHANGED");
    p.setProperty("quoting", "DOUBLE_QUOTE");
    // LENIENT accepts the common spellings people type: != , LIMIT n, GROUP BY alias.
    p.setProperty("conformance", "LENIENT");
    p.setProperty("typeSystem", GraphTypeSystem.class.getName() + "#INSTANCE");
    p.setProperty("materializationsEnabled", "false");
    p.setProperty("createMaterializations", "false");
    return p;
  }

  /**
   * Prepares a query (SELECT, VALUES, WITH, EXPLAIN PLAN FOR). The returned statement is planned
   * once; closing it returns the plan to this SqlSession for the next prepare of the same text.
   *
   * @throws SQLException SQLState 42601 for a syntax error (saying where), 42000 for validation
   *     errors (42S02 for an unknown table, 42S22 for an unknown column), 0A000 for a statement
   *     the planner cannot run (naming the construct)
   */
  public PreparedStatement prepareQuery(String sql) throws SQLException {
    SQLException explainedDml = PlanningErrors.explainedDml(sql);
    if (explainedDml != null) throw explainedDml;
    NameIndex current = currentNames();
    if (GraphTableRewriter.mentions(sql)) sql = GraphTableRewriter.rewrite(sql, catalog());
    return LentStatement.lend(pool, binding, sql, pool.lease(sql, current));
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
    return dml.prepare(sql, currentNames());
  }

  /** The names identifiers resolve against; a changed catalog drops every cached plan. */
  synchronized NameIndex currentNames() {
    Catalog now = schema.catalog();
    if (now != catalog) {
      if (catalog != null) {
        pool.clear();
        dml.clear();
      }
      catalog = now;
      names = new NameIndex(now);
    }
    return names;
  }

  /**
   * Runs {@code work}, typically a statement's execute, so that the executions it starts stop with
   * {@link ExecutionStopped} at the next row any of their scans reads once {@code signal} is raised.
   */
  public <T> T stoppingWhen(BooleanSupplier signal, SqlWork<T> work) throws SQLException {
    return binding.stoppingWhen(signal, work);
  }

  ViewBinding binding() {
    return binding;
  }

  StatementPool pool() {
    return pool;
  }

  synchronized Catalog catalog() {
    currentNames();
    return catalog;
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    calcite.close();
  }
}

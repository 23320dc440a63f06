package io.omnigraph.calcite;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.omnigraph.engine.schema.Catalog;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Parses DML with Calcite's parser and plans it as queries plus engine calls (never Calcite's own
 * TableModify, whose UPDATE and DELETE were not safe on rows with equal values). Plans are kept by
 * SQL text for the catalog they were planned against, and shared by the graph's connections.
 */
final class DmlPlanner {
  private static final int MAX_PLANS = 256;

  private final GraphPlanner planner;
  /** Guarded by {@code this}; access order for least-recently-used eviction. */
  private final Map<String, DmlStatement> plans = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DmlStatement> eldest) {
      return size() > MAX_PLANS;
    }
  };
  /** The catalog the kept plans were made for; guarded by {@code this}. */
  private Catalog plannedFor;

  DmlPlanner(GraphPlanner planner) {
    this.planner = planner;
  }

  DmlStatement prepare(String sql, Catalog catalog, NameIndex names) throws SQLException {
    synchronized (this) {
      if (catalog != plannedFor) {
        plans.clear();
        plannedFor = catalog;
      }
      DmlStatement cached = plans.get(sql);
      if (cached != null) return cached;
    }
    SqlNode node = SqlParsing.parse(sql, names);
    int parameters = parameterCount(node);
    DmlStatement planned;
    if (node instanceof SqlInsert insert) planned = InsertStatement.plan(planner, insert, parameters);
    else if (node instanceof SqlUpdate update) planned = UpdateStatement.plan(planner, update, parameters);
    else if (node instanceof SqlDelete delete) planned = DeleteStatement.plan(planner, delete, parameters);
    else if (node instanceof SqlMerge merge) planned = MergeStatement.plan(planner, merge, parameters);
    else throw StatementErrors.syntax("not a DML statement: " + node.getKind());
    synchronized (this) {
      // A plan of a catalog that has since been replaced is not kept.
      if (catalog == plannedFor) plans.put(sql, planned);
    }
    return planned;
  }

  private static int parameterCount(SqlNode node) {
    int[] max = {-1};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlDynamicParam param) {
        max[0] = Math.max(max[0], param.getIndex());
        return null;
      }
    });
    return max[0] + 1;
  }

  static void checkParameters(int expected, List<Object> params) throws SQLException {
    int given = params == null ? 0 : params.size();
    if (given != expected) {
      throw new SQLException("the statement has " + expected + " parameters but " + given + " values were given",
          StatementErrors.WRONG_PARAMETER_COUNT);
    }
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.write.GraphTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * UPDATE: {@code SELECT id, <computed assignments> FROM T WHERE c}, read through the transaction,
 * then {@code updateById}. Rows are identified by id, never by their values, so rows that hold equal
 * values are each updated exactly once. Literal and {@code ?} assignments are not computed per row.
 */
final class UpdateStatement implements DmlStatement {
  private final DmlTarget target;
  private final int parameterCount;
  private final Map<String, SqlNode> constants;
  /** Columns whose value comes from the query, in select-list order after the id. */
  private final List<String> computed;
  private final InternalQuery query;

  private UpdateStatement(DmlTarget target, int parameterCount, Map<String, SqlNode> constants, List<String> computed,
      InternalQuery query) {
    this.target = target;
    this.parameterCount = parameterCount;
    this.constants = constants;
    this.computed = computed;
    this.query = query;
  }

  static UpdateStatement plan(SqlSession session, SqlUpdate update, int parameterCount) throws SQLException {
    DmlTarget target = DmlTarget.resolve(update.getTargetTable(), session.catalog());
    List<String> columns = target.columns(update.getTargetColumnList());
    SqlNodeList exprs = update.getSourceExpressionList();
    Map<String, SqlNode> constants = new LinkedHashMap<>();
    List<String> computed = new ArrayList<>();
    List<SqlNode> items = new ArrayList<>();
    items.add(SqlBuild.identifier("id"));
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      if (column.equals("id")) {
        throw StatementErrors.syntax(
            "cannot update the id of " + target.name() + " rows; delete and re-insert instead");
      }
      SqlNode expr = exprs.get(i);
      if (ConstantValues.isConstant(expr)) {
        constants.put(column, expr);
      } else {
        computed.add(column);
        items.add(SqlBuild.assigned(expr, target.columnType(column)));
      }
    }
    SqlNode from = SqlBuild.as(target.tableIdentifier(), update.getAlias());
    InternalQuery query = InternalQuery.plan(session, SqlBuild.select(items, from, update.getCondition()));
    return new UpdateStatement(target, parameterCount, constants, computed, query);
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public DmlResult execute(GraphTransaction tx, List<Object> params) throws SQLException {
    DmlPlanner.checkParameters(parameterCount, params);
    Map<String, Object> fixed = new HashMap<>();
    for (Map.Entry<String, SqlNode> e : constants.entrySet()) {
      fixed.put(e.getKey(), ConstantValues.value(e.getValue(), params));
    }
    Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
    for (Object[] row : query.run(tx, params)) {
      Map<String, Object> assignments = new HashMap<>(fixed);
      for (int i = 0; i < computed.size(); i++) assignments.put(computed.get(i), row[i + 1]);
      changes.put((String) row[0], assignments);
    }
    if (changes.isEmpty()) return new DmlResult(0, List.of());
    return new DmlResult(tx.updateById(target.name(), changes).rows(), List.of());
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.write.AddressScope;
import io.omnigraph.engine.write.GraphTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * UPDATE: {@code SELECT <every column, computed assignments in place of their columns> FROM T WHERE
 * c} under a {@link GraphTableModify}, planned once; each execution reads through the transaction,
 * and the query's rows go on as the new full images to {@code replaceReadRows}: the query that
 * finds the rows also reads what they keep, so nothing is read twice. Rows are identified by id,
 * never by their values, so rows that hold equal values are each updated exactly once. Literal and
 * {@code ?} assignments are not computed per row.
 */
final class UpdateStatement implements DmlStatement {
  private final DmlTarget target;
  private final int parameterCount;
  /** The constant assignments, by column, in the order the plan's images end with them. */
  private final Map<String, SqlNode> constants;
  private final InternalQuery query;

  private UpdateStatement(DmlTarget target, int parameterCount, Map<String, SqlNode> constants, InternalQuery query) {
    this.target = target;
    this.parameterCount = parameterCount;
    this.constants = constants;
    this.query = query;
  }

  static UpdateStatement plan(GraphPlanner planner, SqlUpdate update, int parameterCount) throws SQLException {
    DmlTarget target = DmlTarget.resolve(update.getTargetTable(), planner.catalog());
    List<String> columns = target.columns(update.getTargetColumnList());
    SqlNodeList exprs = update.getSourceExpressionList();
    Map<String, SqlNode> assignments = new HashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      String column = columns.get(i);
      if (column.equals("id")) {
        throw StatementErrors.syntax(
            "cannot update the id of " + target.name() + " rows; delete and re-insert instead");
      }
      assignments.put(column, exprs.get(i));
    }
    Map<String, SqlNode> constants = new LinkedHashMap<>();
    List<String> selected = new ArrayList<>();
    List<SqlNode> items = new ArrayList<>();
    for (String column : target.type().columnNames()) {
      SqlNode expr = assignments.get(column);
      if (expr != null && ConstantValues.isConstant(expr)) {
        constants.put(column, expr);
        continue;
      }
      selected.add(column);
      items.add(expr == null ? SqlBuild.identifier(column) : SqlBuild.assigned(expr, target.columnType(column)));
    }
    SqlNode from = SqlBuild.as(target.tableIdentifier(), update.getAlias());
    List<String> filled = new ArrayList<>(selected);
    filled.addAll(constants.keySet());
    TableModifySpec modify = new TableModifySpec(SqlKind.UPDATE, target.name(), filled, Set.copyOf(columns));
    InternalQuery query = InternalQuery.planModify(planner, SqlBuild.select(items, from, update.getCondition()),
        modify);
    return new UpdateStatement(target, parameterCount, constants, query);
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public DmlResult execute(GraphTransaction tx, List<Object> params, BooleanSupplier stop) throws SQLException {
    DmlPlanner.checkParameters(parameterCount, params);
    Object[] fixed = new Object[constants.size()];
    int i = 0;
    for (SqlNode value : constants.values()) fixed[i++] = ConstantValues.value(value, params);
    try (AddressScope noting = tx.noteRowAddresses(target.name())) {
      return new DmlResult(query.runModify(tx, params, Map.of(TableModifySpec.CONSTANTS, fixed), stop), List.of());
    }
  }

  /** The plan of this UPDATE, for EXPLAIN. */
  InternalQuery query() {
    return query;
  }
}

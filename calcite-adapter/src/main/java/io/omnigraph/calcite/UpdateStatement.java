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
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * UPDATE: {@code SELECT <every column, computed assignments in place of their columns> FROM T WHERE
 * c}, read through the transaction, whose rows are the new full images handed to {@code
 * replaceReadRows}: the query that finds the rows also reads what they keep, so nothing is read
 * twice. Rows are identified by id, never by their values, so rows that hold equal values are each
 * updated exactly once. Literal and {@code ?} assignments are not computed per row.
 */
final class UpdateStatement implements DmlStatement {
  private final DmlTarget target;
  private final int parameterCount;
  private final Set<String> assigned;
  private final Map<String, SqlNode> constants;
  /** The column each query column fills, in select-list order; the constants fill the rest. */
  private final List<String> selected;
  private final InternalQuery query;

  private UpdateStatement(DmlTarget target, int parameterCount, Set<String> assigned, Map<String, SqlNode> constants,
      List<String> selected, InternalQuery query) {
    this.target = target;
    this.parameterCount = parameterCount;
    this.assigned = assigned;
    this.constants = constants;
    this.selected = selected;
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
    InternalQuery query = InternalQuery.plan(planner, SqlBuild.select(items, from, update.getCondition()));
    return new UpdateStatement(target, parameterCount, Set.copyOf(columns), constants,
        List.copyOf(selected), query);
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public DmlResult execute(GraphTransaction tx, List<Object> params, BooleanSupplier stop) throws SQLException {
    DmlPlanner.checkParameters(parameterCount, params);
    List<String> columns = new ArrayList<>(selected);
    List<Object> fixed = new ArrayList<>();
    for (Map.Entry<String, SqlNode> e : constants.entrySet()) {
      columns.add(e.getKey());
      fixed.add(ConstantValues.value(e.getValue(), params));
    }
    try (AddressScope noting = tx.noteRowAddresses(target.name())) {
      List<Object[]> images = query.run(tx, params, stop);
      if (images.isEmpty()) return new DmlResult(0, List.of());
      if (!fixed.isEmpty()) {
        int width = selected.size();
        for (int r = 0; r < images.size(); r++) {
          Object[] image = java.util.Arrays.copyOf(images.get(r), columns.size());
          for (int i = 0; i < fixed.size(); i++) image[width + i] = fixed.get(i);
          images.set(r, image);
        }
      }
      return new DmlResult(tx.replaceReadRows(target.name(), assigned, columns, images).rows(), List.of());
    }
  }
}

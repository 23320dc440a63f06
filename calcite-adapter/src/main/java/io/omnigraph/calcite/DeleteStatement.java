package io.omnigraph.calcite;

import io.omnigraph.engine.write.AddressScope;
import io.omnigraph.engine.write.GraphTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlNode;

/**
 * DELETE: {@code SELECT id FROM T WHERE c}, read through the transaction, then {@code
 * deleteReadRows}: the query has just found the rows, so they are not looked up again. Deleting
 * nodes removes their incident edges too; the count is of the rows of T only.
 */
final class DeleteStatement implements DmlStatement {
  private final DmlTarget target;
  private final int parameterCount;
  private final InternalQuery query;

  private DeleteStatement(DmlTarget target, int parameterCount, InternalQuery query) {
    this.target = target;
    this.parameterCount = parameterCount;
    this.query = query;
  }

  static DeleteStatement plan(GraphPlanner planner, SqlDelete delete, int parameterCount) throws SQLException {
    DmlTarget target = DmlTarget.resolve(delete.getTargetTable(), planner.catalog());
    SqlNode from = SqlBuild.as(target.tableIdentifier(), delete.getAlias());
    InternalQuery query = InternalQuery.plan(planner,
        SqlBuild.select(List.of(SqlBuild.identifier("id")), from, delete.getCondition()));
    return new DeleteStatement(target, parameterCount, query);
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public DmlResult execute(GraphTransaction tx, List<Object> params, BooleanSupplier stop) throws SQLException {
    DmlPlanner.checkParameters(parameterCount, params);
    try (AddressScope noting = tx.noteRowAddresses(target.name())) {
      List<String> ids = new ArrayList<>();
      for (Object[] row : query.run(tx, params, stop)) ids.add((String) row[0]);
      if (ids.isEmpty()) return new DmlResult(0, List.of());
      return new DmlResult(tx.deleteReadRows(target.name(), ids).rows(), List.of());
    }
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.write.AddressScope;
import io.omnigraph.engine.write.GraphTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * DELETE: {@code SELECT id FROM T WHERE c} under a {@link GraphTableModify}, read through the
 * transaction, its ids handed to {@code deleteReadRows}: the query has just found the rows, so they
 * are not looked up again. Deleting nodes removes their incident edges too; the count is of the
 * rows of T only.
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
    TableModifySpec modify = new TableModifySpec(SqlKind.DELETE, target.name(), List.of("id"), Set.of());
    InternalQuery query = InternalQuery.planModify(planner,
        SqlBuild.select(List.of(SqlBuild.identifier("id")), from, delete.getCondition()), modify);
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
      return new DmlResult(query.runModify(tx, params, Map.of(), stop), List.of());
    }
  }

  /** The plan of this DELETE, for EXPLAIN. */
  InternalQuery query() {
    return query;
  }
}

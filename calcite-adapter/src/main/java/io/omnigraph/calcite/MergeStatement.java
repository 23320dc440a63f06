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
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;

/**
 * MERGE INTO T USING s ON c: one query {@code SELECT t.id, <matched images>, <insert values> FROM s
 * LEFT JOIN T ON c}, read through the transaction, where a matched image is every other column of
 * T with the WHEN MATCHED assignments in place of theirs: the join reads what matched rows keep, so
 * they are handed to {@code replaceReadRows} without a second read. Unmatched source rows are
 * written by upsert, so a MERGE on id is an upsert by id. A target row matched by two source rows
 * is an error, as the SQL standard says.
 */
final class MergeStatement implements DmlStatement {
  private final DmlTarget target;
  private final int parameterCount;
  /** The columns WHEN MATCHED assigns; empty without it. */
  private final Set<String> updateColumns;
  /** The columns of T after id whose values follow it in each row: empty without WHEN MATCHED. */
  private final List<String> imageColumns;
  private final List<String> insertColumns;
  private final InternalQuery query;

  private MergeStatement(DmlTarget target, int parameterCount, Set<String> updateColumns, List<String> imageColumns,
      List<String> insertColumns, InternalQuery query) {
    this.target = target;
    this.parameterCount = parameterCount;
    this.updateColumns = updateColumns;
    this.imageColumns = imageColumns;
    this.insertColumns = insertColumns;
    this.query = query;
  }

  static MergeStatement plan(GraphPlanner planner, SqlMerge merge, int parameterCount) throws SQLException {
    DmlTarget target = DmlTarget.resolve(merge.getTargetTable(), planner.catalog());
    SqlIdentifier alias = merge.getAlias() != null ? merge.getAlias() : SqlBuild.identifier(target.name());
    List<SqlNode> items = new ArrayList<>();
    items.add(SqlBuild.identifier(alias.getSimple(), "id"));

    Set<String> updateColumns = Set.of();
    List<String> imageColumns = List.of();
    SqlUpdate update = merge.getUpdateCall();
    if (update != null) {
      List<String> assigned = target.columns(update.getTargetColumnList());
      Map<String, SqlNode> assignments = new HashMap<>();
      for (int i = 0; i < assigned.size(); i++) {
        if (assigned.get(i).equals("id")) {
          throw StatementErrors.syntax("MERGE cannot update the id of " + target.name() + " rows");
        }
        assignments.put(assigned.get(i), update.getSourceExpressionList().get(i));
      }
      List<String> columns = target.type().columnNames();
      imageColumns = columns.subList(1, columns.size());
      for (String column : imageColumns) {
        SqlNode expr = assignments.get(column);
        items.add(expr == null
            ? SqlBuild.identifier(alias.getSimple(), column)
            : SqlBuild.assigned(expr, target.columnType(column)));
      }
      updateColumns = Set.copyOf(assigned);
    }
    List<String> insertColumns = List.of();
    SqlInsert insert = merge.getInsertCall();
    if (insert != null) {
      List<List<SqlNode>> rows = InsertStatement.valuesRows((SqlCall) insert.getSource());
      if (rows.size() != 1) throw StatementErrors.syntax("WHEN NOT MATCHED THEN INSERT takes one VALUES row");
      List<SqlNode> values = rows.get(0);
      insertColumns = insert.getTargetColumnList() == null
          ? target.implicitColumns(values.size())
          : target.columns(insert.getTargetColumnList());
      if (insertColumns.size() != values.size()) {
        throw StatementErrors.syntax("MERGE INSERT names " + insertColumns.size() + " columns but provides "
            + values.size() + " values");
      }
      for (int i = 0; i < values.size(); i++) {
        items.add(SqlBuild.assigned(values.get(i), target.columnType(insertColumns.get(i))));
      }
    }
    SqlNode targetRef = SqlBuild.as(target.tableIdentifier(), alias);
    SqlJoin join = new SqlJoin(SqlBuild.POS, merge.getSourceTableRef(), SqlLiteral.createBoolean(false, SqlBuild.POS),
        JoinType.LEFT.symbol(SqlBuild.POS), targetRef, JoinConditionType.ON.symbol(SqlBuild.POS),
        merge.getCondition());
    InternalQuery query = InternalQuery.plan(planner, SqlBuild.select(items, join, null));
    return new MergeStatement(target, parameterCount, updateColumns, imageColumns, insertColumns, query);
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public DmlResult execute(GraphTransaction tx, List<Object> params, BooleanSupplier stop) throws SQLException {
    DmlPlanner.checkParameters(parameterCount, params);
    Map<String, Map<String, Object>> updates = new LinkedHashMap<>();
    List<Map<String, Object>> inserts = new ArrayList<>();
    long count = 0;
    try (AddressScope noting = tx.noteRowAddresses(target.name())) {
      readMatches(tx, params, stop, updates, inserts);
      if (!updates.isEmpty()) count += tx.replaceReadRows(target.name(), updateColumns, updates).rows();
    }
    List<String> written = List.of();
    if (!inserts.isEmpty()) {
      GraphTransaction.Affected a = tx.upsert(target.name(), inserts);
      count += a.rows();
      written = a.ids();
    }
    return new DmlResult(count, written);
  }

  /** Splits the matching query's rows into images of matched rows to update and rows to insert. */
  private void readMatches(GraphTransaction tx, List<Object> params, BooleanSupplier stop,
      Map<String, Map<String, Object>> updates, List<Map<String, Object>> inserts) throws SQLException {
    for (Object[] row : query.run(tx, params, stop)) {
      String matched = (String) row[0];
      if (matched != null) {
        if (updateColumns.isEmpty()) continue;
        Map<String, Object> image = new HashMap<>();
        image.put("id", matched);
        for (int i = 0; i < imageColumns.size(); i++) image.put(imageColumns.get(i), row[1 + i]);
        if (updates.put(matched, image) != null) {
          throw new SQLException("MERGE matched " + target.name() + " '" + matched + "' with more than one source row",
              StatementErrors.CARDINALITY_VIOLATION);
        }
      } else if (!insertColumns.isEmpty()) {
        Map<String, Object> values = new LinkedHashMap<>();
        int offset = 1 + imageColumns.size();
        for (int i = 0; i < insertColumns.size(); i++) {
          Object v = row[offset + i];
          if (v == null && insertColumns.get(i).equals("id")) continue;
          values.put(insertColumns.get(i), v);
        }
        inserts.add(values);
      }
    }
  }
}

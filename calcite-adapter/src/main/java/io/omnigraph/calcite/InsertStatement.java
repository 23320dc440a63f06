package io.omnigraph.calcite;

import io.omnigraph.engine.write.GraphTransaction;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * INSERT and UPSERT: the source rows (VALUES or a query) become engine rows keyed by the target
 * columns, then one {@code insert} (strict: an existing id is a key violation) or {@code upsert}.
 * Columns not named are absent, so ids are derived or generated and properties are null.
 */
final class InsertStatement implements DmlStatement {
  private final DmlTarget target;
  private final List<String> columns;
  private final boolean upsert;
  private final int parameterCount;
  /** VALUES rows of literals and parameters, evaluated directly; null when a query produces the rows. */
  private final List<List<SqlNode>> constantRows;
  private final InternalQuery source;

  private InsertStatement(DmlTarget target, List<String> columns, boolean upsert, int parameterCount,
      List<List<SqlNode>> constantRows, InternalQuery source) {
    this.target = target;
    this.columns = columns;
    this.upsert = upsert;
    this.parameterCount = parameterCount;
    this.constantRows = constantRows;
    this.source = source;
  }

  static InsertStatement plan(GraphPlanner planner, SqlInsert insert, int parameterCount) throws SQLException {
    DmlTarget target = DmlTarget.resolve(insert.getTargetTable(), planner.catalog());
    List<String> named = insert.getTargetColumnList() == null ? null : target.columns(insert.getTargetColumnList());
    SqlNode src = insert.getSource();
    if (src.getKind() == SqlKind.VALUES) {
      List<List<SqlNode>> rows = valuesRows((SqlCall) src);
      int width = rows.get(0).size();
      for (List<SqlNode> row : rows) {
        if (row.size() != width) throw StatementErrors.syntax("VALUES rows of an INSERT must all have the same width");
      }
      List<String> columns = checkedColumns(target, named, width);
      if (rows.stream().allMatch(ConstantValues::allConstant)) {
        return new InsertStatement(target, columns, insert.isUpsert(), parameterCount, rows, null);
      }
      InternalQuery query = InternalQuery.plan(planner, castValues(target, columns, rows));
      return new InsertStatement(target, columns, insert.isUpsert(), parameterCount, null, query);
    }
    InternalQuery query = InternalQuery.plan(planner, src);
    List<String> columns = checkedColumns(target, named, query.columnCount());
    return new InsertStatement(target, columns, insert.isUpsert(), parameterCount, null, query);
  }

  private static List<String> checkedColumns(DmlTarget target, List<String> named, int width) throws SQLException {
    if (named == null) return target.implicitColumns(width);
    if (named.size() != width) {
      throw StatementErrors.syntax("INSERT INTO " + target.name() + " names " + named.size() + " columns but provides "
          + width + " values");
    }
    return named;
  }

  static List<List<SqlNode>> valuesRows(SqlCall values) {
    List<List<SqlNode>> rows = new ArrayList<>();
    for (SqlNode row : values.getOperandList()) {
      rows.add(row.getKind() == SqlKind.ROW ? ((SqlCall) row).getOperandList() : List.of(row));
    }
    return rows;
  }

  private static SqlNode castValues(DmlTarget target, List<String> columns, List<List<SqlNode>> rows) {
    List<SqlNode> casted = new ArrayList<>();
    for (List<SqlNode> row : rows) {
      List<SqlNode> items = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) items.add(SqlBuild.assigned(row.get(i), target.columnType(columns.get(i))));
      casted.add(SqlStdOperatorTable.ROW.createCall(SqlBuild.POS, items));
    }
    return SqlStdOperatorTable.VALUES.createCall(SqlBuild.POS, casted);
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public DmlResult execute(GraphTransaction tx, List<Object> params, BooleanSupplier stop) throws SQLException {
    DmlPlanner.checkParameters(parameterCount, params);
    List<Map<String, Object>> rows = new ArrayList<>();
    if (constantRows != null) {
      for (List<SqlNode> row : constantRows) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) values[i] = ConstantValues.value(row.get(i), params);
        rows.add(engineRow(values));
      }
    } else {
      for (Object[] values : source.run(tx, params, stop)) rows.add(engineRow(values));
    }
    if (rows.isEmpty()) return new DmlResult(0, List.of());
    GraphTransaction.Affected a = upsert ? tx.upsert(target.name(), rows) : tx.insert(target.name(), rows);
    return new DmlResult(a.rows(), a.ids());
  }

  /**
   * A plain INSERT of one VALUES row, run per parameter set, becomes one insert of every set's row:
   * each value is evaluated once and converted once, by the engine, column by column.
   */
  @Override
  public Bulk executeAll(GraphTransaction tx, List<List<Object>> paramSets, IntConsumer failedAt) throws SQLException {
    if (upsert || constantRows == null || constantRows.size() != 1) return null;
    List<SqlNode> template = constantRows.get(0);
    List<List<Object>> rows = new ArrayList<>(paramSets.size());
    for (int k = 0; k < paramSets.size(); k++) {
      List<Object> params = paramSets.get(k);
      try {
        DmlPlanner.checkParameters(parameterCount, params);
        Object[] values = new Object[template.size()];
        for (int i = 0; i < values.length; i++) values[i] = ConstantValues.value(template.get(i), params);
        rows.add(Arrays.asList(values));
      } catch (SQLException | RuntimeException e) {
        failedAt.accept(k);
        throw e;
      }
    }
    GraphTransaction.Affected a = tx.insertRows(target.name(), columns, rows, failedAt);
    long[] counts = new long[paramSets.size()];
    Arrays.fill(counts, 1);
    return new Bulk(counts, a.ids());
  }

  private Map<String, Object> engineRow(Object[] values) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      // A NULL id asks for the derived or generated one, like an omitted id.
      if (values[i] == null && columns.get(i).equals("id")) continue;
      row.put(columns.get(i), values[i]);
    }
    return row;
  }
}

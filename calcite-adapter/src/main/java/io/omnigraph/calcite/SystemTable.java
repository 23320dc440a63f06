package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A read-only table describing the graph rather than holding its data. Small by nature (one row
 * per commit, branch or table), so rows are built in memory from the execution's view.
 */
abstract class SystemTable extends AbstractTable implements ScannableTable {
  /** Names of every system table, for the read-only check of DML and for identifier matching. */
  static final List<String> NAMES =
      List.of(CommitsTable.NAME, BranchesTable.NAME, TablesTable.NAME, RecoveriesTable.NAME);
  /** The columns of every system table and table function, for identifier matching. */
  static final List<List<Column>> ALL_COLUMNS = List.of(CommitsTable.COLUMNS, BranchesTable.COLUMNS,
      TablesTable.COLUMNS, RecoveriesTable.COLUMNS, ChangesFunction.COLUMNS);

  record Column(String name, SqlTypeName type, boolean nullable) {}


  abstract List<Column> columns();

  /** The rows for one view, values in Calcite's representation (TIMESTAMP as epoch millis). */
  abstract List<Object[]> rows(ReadView view);

  @Override
  public RelDataType getRowType(RelDataTypeFactory factory) {
    return rowType(factory, columns());
  }

  static RelDataType rowType(RelDataTypeFactory factory, List<Column> columns) {
    RelDataTypeFactory.Builder b = factory.builder();
    for (Column c : columns) {
      RelDataType t = c.type() == SqlTypeName.TIMESTAMP
          ? factory.createSqlType(SqlTypeName.TIMESTAMP, 3)
          : factory.createSqlType(c.type());
      b.add(c.name(), factory.createTypeWithNullability(t, c.nullable()));
    }
    return b.build();
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows(GraphExecution.of(root).view()));
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }
}

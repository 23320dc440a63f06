package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.TableInfo;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code _graph_tables}: the published state of every node and edge table at the view. */
final class TablesTable extends SystemTable {
  static final String NAME = "_graph_tables";
  static final List<Column> COLUMNS = List.of(
      new Column("type_name", SqlTypeName.VARCHAR, false),
      new Column("kind", SqlTypeName.VARCHAR, false),
      new Column("published_version", SqlTypeName.BIGINT, false),
      new Column("row_count", SqlTypeName.BIGINT, false),
      new Column("table_branch", SqlTypeName.VARCHAR, true));

  TablesTable() {}

  @Override
  List<Column> columns() {
    return COLUMNS;
  }

  @Override
  List<Object[]> rows(ReadView view) {
    List<Object[]> rows = new ArrayList<>();
    for (TableInfo t : view.tables()) {
      rows.add(new Object[] {t.typeName(), t.kind(), t.publishedVersion(), t.rowCount(), t.tableBranch()});
    }
    return rows;
  }
}

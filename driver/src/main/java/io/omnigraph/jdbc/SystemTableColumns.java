package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlSession;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of the graph's system tables, asked of the SQL layer by preparing a query over each:
 * the layer that serves the tables is the one source of their shape.
 */
final class SystemTableColumns {
  private SystemTableColumns() {}

  /** Every system table the SQL layer serves, with its columns; one it fails to prepare is left out. */
  static Map<String, List<TableMetadata.SystemColumn>> describe(SqlSession session) {
    Map<String, List<TableMetadata.SystemColumn>> out = new LinkedHashMap<>();
    for (String name : SqlSession.SYSTEM_TABLES) {
      try {
        List<TableMetadata.SystemColumn> columns;
        synchronized (session) {
          {
            columns = columns(session.prepareQuery("SELECT * FROM \"" + name + "\"").metaData());
          }
        }
        out.put(name, columns);
      } catch (SQLException | RuntimeException e) {
        // Browsing tools give up on a metadata call that throws; one missing table is the lesser harm.
      }
    }
    return out;
  }

  private static List<TableMetadata.SystemColumn> columns(ResultSetMetaData md) throws SQLException {
    List<TableMetadata.SystemColumn> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      columns.add(new TableMetadata.SystemColumn(md.getColumnName(i), md.getColumnType(i), md.getColumnTypeName(i),
          md.getPrecision(i), md.getScale(i), md.isNullable(i) != ResultSetMetaData.columnNoNulls));
    }
    return List.copyOf(columns);
  }
}

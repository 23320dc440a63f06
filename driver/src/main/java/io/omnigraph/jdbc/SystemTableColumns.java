package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlSession;
import java.sql.PreparedStatement;
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
  /** The system tables of SPEC B.2 that the SQL layer serves. */
  static final List<String> NAMES = List.of("_graph_commits", "_graph_branches", "_graph_tables");

  private SystemTableColumns() {}

  /** Every system table the SQL layer can prepare, with its columns; tables it does not know are left out. */
  static Map<String, List<TableMetadata.SystemColumn>> describe(SqlSession session) {
    Map<String, List<TableMetadata.SystemColumn>> out = new LinkedHashMap<>();
    for (String name : NAMES) {
      try {
        List<TableMetadata.SystemColumn> columns;
        synchronized (session) {
          try (PreparedStatement plan = session.prepareQuery("SELECT * FROM \"" + name + "\"")) {
            columns = columns(plan.getMetaData());
          }
        }
        out.put(name, columns);
      } catch (SQLException | RuntimeException e) {
        // A table the SQL layer does not serve (yet) is simply not listed.
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

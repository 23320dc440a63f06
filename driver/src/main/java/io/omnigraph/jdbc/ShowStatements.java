package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statements people type in every SQL shell ({@code SHOW TABLES}, {@code DESCRIBE t},
 * {@code SHOW BRANCHES}, {@code SHOW BRANCH}), answered from the same sources a JDBC tool reads:
 * {@link DatabaseMetaData} for tables and columns, {@code _graph_branches} for branches.
 */
final class ShowStatements {
  static final List<ResultColumn> TABLES = List.of(ResultColumn.requiredText("table_name"),
      ResultColumn.requiredText("table_type"), ResultColumn.text("remarks"));
  static final List<ResultColumn> COLUMNS = List.of(ResultColumn.requiredText("column_name"),
      ResultColumn.requiredText("type_name"), ResultColumn.requiredText("nullable"), ResultColumn.text("remarks"));
  static final List<ResultColumn> BRANCHES = List.of(ResultColumn.requiredText("name"),
      ResultColumn.text("head_commit_id"), ResultColumn.text("created_from"));
  static final List<ResultColumn> BRANCH = List.of(ResultColumn.requiredText("branch"), ResultColumn.text("snapshot"),
      ResultColumn.bool("read_only"));

  private ShowStatements() {}

  /** Node and edge tables first, then the system tables, each by name. */
  static ExecutionResult tables(ControlStatement.ShowTables s, GraphSession session, Statement owner)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (String type : new String[] {TableMetadata.TABLE, TableMetadata.SYSTEM_TABLE}) {
      try (ResultSet rs = owner.getConnection().getMetaData()
          .getTables(null, OmniGraphConnection.SCHEMA, "%", new String[] {type})) {
        while (rs.next()) rows.add(new Object[] {rs.getString("TABLE_NAME"), type, rs.getString("REMARKS")});
      }
    }
    return ExecutionResult.rows(new ListResultSet(owner, TABLES, rows));
  }

  /** An unquoted name matches ignoring case, as it would in a query; an unknown table is 42S02. */
  static ExecutionResult describe(ControlStatement.Describe s, GraphSession session, Statement owner)
      throws SQLException {
    DatabaseMetaData meta = owner.getConnection().getMetaData();
    String table = resolveTable(meta, s);
    List<Object[]> rows = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, OmniGraphConnection.SCHEMA, escape(meta, table), "%")) {
      while (rs.next()) {
        rows.add(new Object[] {rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"), rs.getString("IS_NULLABLE"),
            rs.getString("REMARKS")});
      }
    }
    return ExecutionResult.rows(new ListResultSet(owner, COLUMNS, rows));
  }

  private static String resolveTable(DatabaseMetaData meta, ControlStatement.Describe s) throws SQLException {
    List<String> matches = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, OmniGraphConnection.SCHEMA, "%", null)) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        if (name.equals(s.table())) return name;
        if (!s.exact() && name.toLowerCase(Locale.ROOT).equals(s.table().toLowerCase(Locale.ROOT))) matches.add(name);
      }
    }
    if (matches.size() == 1) return matches.get(0);
    throw SqlState.UNDEFINED_TABLE.exception(matches.isEmpty()
        ? "DESCRIBE: unknown table '" + s.table() + "' (SHOW TABLES lists them)"
        : "DESCRIBE: '" + s.table() + "' matches " + matches + " ignoring case; quote the name to choose one");
  }

  private static String escape(DatabaseMetaData meta, String name) throws SQLException {
    String esc = meta.getSearchStringEscape();
    return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
  }

  static ExecutionResult branches(ControlStatement.ShowBranches s, GraphSession session, Statement owner)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement query = owner.getConnection().createStatement();
        ResultSet rs = query.executeQuery("SELECT name, head_commit_id, created_from FROM _graph_branches ORDER BY name")) {
      while (rs.next()) rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getString(3)});
    }
    return ExecutionResult.rows(new ListResultSet(owner, BRANCHES, rows));
  }

  static ExecutionResult branch(ControlStatement.ShowBranch s, GraphSession session, Statement owner) {
    Object[] row = {session.currentBranch(), session.pinnedSnapshot(), session.readOnly()};
    return ExecutionResult.rows(new ListResultSet(owner, BRANCH, List.<Object[]>of(row)));
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlJdbcFunctionCall;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * What BI tools ask to browse and draw the graph (see CALCITE-JDBC-NOTES: DBeaver's order is
 * catalogs, schemas, tables, columns, then primary and imported keys of every table with
 * {@code "%"}, index and type info). There are no catalogs; the one schema is {@code graph}.
 * Features the graph lacks answer with empty results carrying JDBC's columns, never an exception.
 */
final class OmniGraphDatabaseMetaData extends DatabaseCapabilities {
  private final OmniGraphConnection connection;

  OmniGraphDatabaseMetaData(OmniGraphConnection connection) {
    this.connection = connection;
  }

  private TableMetadata tables() throws SQLException {
    connection.checkOpen();
    return new TableMetadata(connection.session().graph().catalog(), connection.systemTables());
  }

  private TableMetadata userTables() throws SQLException {
    connection.checkOpen();
    return new TableMetadata(connection.session().graph().catalog(), Map.of());
  }

  private static ResultSet result(List<ResultColumn> columns, List<Object[]> rows) {
    return new ListResultSet(null, columns, rows);
  }

  private static ResultSet empty(List<ResultColumn> columns) {
    return ListResultSet.empty(null, columns);
  }

  /** No catalogs exist: only "no catalog" ("" or null) can match. */
  private static boolean inScope(String catalog, String schemaPattern) {
    return (catalog == null || catalog.isEmpty()) && MetadataPattern.of(schemaPattern).matches(OmniGraphConnection.SCHEMA);
  }

  // ---- product and connection ----

  @Override
  public String getDatabaseProductName() {
    return "OmniGraph";
  }

  @Override
  public String getDatabaseProductVersion() {
    return OmniGraphDriver.VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return OmniGraphDriver.versionPart(0);
  }

  @Override
  public int getDatabaseMinorVersion() {
    return OmniGraphDriver.versionPart(1);
  }

  @Override
  public String getDriverName() {
    return "OmniGraph JDBC Driver";
  }

  @Override
  public String getDriverVersion() {
    return OmniGraphDriver.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return OmniGraphDriver.versionPart(0);
  }

  @Override
  public int getDriverMinorVersion() {
    return OmniGraphDriver.versionPart(1);
  }

  @Override
  public String getURL() {
    return connection.url();
  }

  /** The actor this connection records on its commits. */
  @Override
  public String getUserName() {
    return connection.session().settings().actor();
  }

  @Override
  public boolean isReadOnly() {
    return connection.session().readOnly();
  }

  @Override
  public Connection getConnection() {
    return connection;
  }

  // ---- SQL vocabulary, from the Calcite parser that reads it ----

  @Override
  public String getSQLKeywords() {
    // GRAPH_TABLE is read before Calcite parses a statement, so Calcite's own list lacks it.
    return SqlParser.create("").getMetadata().getJdbcKeywords() + ",GRAPH_TABLE";
  }

  @Override
  public String getNumericFunctions() {
    return SqlJdbcFunctionCall.getNumericFunctions();
  }

  @Override
  public String getStringFunctions() {
    return SqlJdbcFunctionCall.getStringFunctions();
  }

  @Override
  public String getSystemFunctions() {
    return SqlJdbcFunctionCall.getSystemFunctions();
  }

  @Override
  public String getTimeDateFunctions() {
    return SqlJdbcFunctionCall.getTimeDateFunctions();
  }

  // ---- catalogs, schemas, tables, columns ----

  @Override
  public ResultSet getCatalogs() {
    return empty(MetadataColumns.CATALOGS);
  }

  @Override
  public ResultSet getSchemas() {
    return result(MetadataColumns.SCHEMAS, List.<Object[]>of(new Object[] {OmniGraphConnection.SCHEMA, null}));
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) {
    return inScope(catalog, schemaPattern) ? getSchemas() : empty(MetadataColumns.SCHEMAS);
  }

  @Override
  public ResultSet getTableTypes() {
    return result(MetadataColumns.TABLE_TYPES,
        List.of(new Object[] {TableMetadata.SYSTEM_TABLE}, new Object[] {TableMetadata.TABLE}));
  }

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    if (!inScope(catalog, schemaPattern)) return empty(MetadataColumns.TABLES);
    List<String> wanted = types == null ? List.of(TableMetadata.TABLE, TableMetadata.SYSTEM_TABLE) : List.of(types);
    boolean system = wanted.contains(TableMetadata.SYSTEM_TABLE);
    TableMetadata meta = system ? tables() : userTables();
    return result(MetadataColumns.TABLES,
        meta.tables(MetadataPattern.of(tableNamePattern), wanted.contains(TableMetadata.TABLE), system));
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    if (!inScope(catalog, schemaPattern)) return empty(MetadataColumns.COLUMNS);
    return result(MetadataColumns.COLUMNS,
        tables().columns(MetadataPattern.of(tableNamePattern), MetadataPattern.of(columnNamePattern)));
  }

  // ---- keys and indexes ----

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    if (!inScope(catalog, schema)) return empty(MetadataColumns.PRIMARY_KEYS);
    return result(MetadataColumns.PRIMARY_KEYS, userTables().primaryKeys(MetadataPattern.exactOrPattern(table)));
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    if (!inScope(catalog, schema)) return empty(MetadataColumns.FOREIGN_KEYS);
    List<Object[]> rows = userTables().foreignKeys(MetadataPattern.of(null), MetadataPattern.exactOrPattern(table));
    return result(MetadataColumns.FOREIGN_KEYS, sorted(rows, 2));
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    if (!inScope(catalog, schema)) return empty(MetadataColumns.FOREIGN_KEYS);
    List<Object[]> rows = userTables().foreignKeys(MetadataPattern.exactOrPattern(table), MetadataPattern.of(null));
    return result(MetadataColumns.FOREIGN_KEYS, sorted(rows, 6));
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    if (!inScope(parentCatalog, parentSchema) || !inScope(foreignCatalog, foreignSchema)) {
      return empty(MetadataColumns.FOREIGN_KEYS);
    }
    List<Object[]> rows = userTables().foreignKeys(MetadataPattern.exactOrPattern(parentTable),
        MetadataPattern.exactOrPattern(foreignTable));
    return result(MetadataColumns.FOREIGN_KEYS, sorted(rows, 6));
  }

  /** JDBC's key order: by the named table column, then KEY_SEQ (always 1 here), then the key name. */
  private static List<Object[]> sorted(List<Object[]> rows, int tableColumn) {
    return rows.stream()
        .sorted(Comparator.<Object[], String>comparing(r -> (String) r[tableColumn]).thenComparing(r -> (String) r[11]))
        .toList();
  }

  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    if (!inScope(catalog, schema)) return empty(MetadataColumns.INDEX_INFO);
    return result(MetadataColumns.INDEX_INFO,
        userTables().indexes(MetadataPattern.exactOrPattern(table), unique, rowCounts()));
  }

  /** Entity counts per type from the manifest (no scan); unknown counts are left null. */
  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new HashMap<>();
    try {
      connection.session().view().tables().forEach(t -> counts.put(t.typeName(), t.rowCount()));
    } catch (RuntimeException e) {
      // A branch deleted under this connection: the index list is still right without counts.
    }
    return counts;
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    if (!inScope(catalog, schema)) return empty(MetadataColumns.BEST_ROW_IDENTIFIER);
    return result(MetadataColumns.BEST_ROW_IDENTIFIER, userTables().bestRowIdentifier(MetadataPattern.exactOrPattern(table)));
  }

  @Override
  public ResultSet getTypeInfo() {
    return result(MetadataColumns.TYPE_INFO, TypeInfo.rows());
  }

  // ---- what the graph does not have: empty, with the right columns ----

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) {
    return empty(MetadataColumns.VERSION_COLUMNS);
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
    return empty(MetadataColumns.PROCEDURES);
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) {
    return empty(MetadataColumns.PROCEDURE_COLUMNS);
  }

  /** The graph's table functions; Calcite's built-in functions are listed by the get*Functions strings instead. */
  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) {
    if (!inScope(catalog, schemaPattern)) return empty(MetadataColumns.FUNCTIONS);
    MetadataPattern name = MetadataPattern.of(functionNamePattern);
    return result(MetadataColumns.FUNCTIONS, SqlSession.TABLE_FUNCTIONS.stream().filter(name::matches)
        .map(f -> new Object[] {null, OmniGraphConnection.SCHEMA, f, "graph table function (read-only)",
            functionReturnsTable, f})
        .toList());
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) {
    return empty(MetadataColumns.FUNCTION_COLUMNS);
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
    return empty(MetadataColumns.UDTS);
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
    return empty(MetadataColumns.SUPER_TYPES);
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
    return empty(MetadataColumns.SUPER_TABLES);
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) {
    return empty(MetadataColumns.ATTRIBUTES);
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
    return empty(MetadataColumns.COLUMN_PRIVILEGES);
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
    return empty(MetadataColumns.TABLE_PRIVILEGES);
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) {
    return empty(MetadataColumns.PSEUDO_COLUMNS);
  }

  @Override
  public ResultSet getClientInfoProperties() {
    return empty(MetadataColumns.CLIENT_INFO_PROPERTIES);
  }
}

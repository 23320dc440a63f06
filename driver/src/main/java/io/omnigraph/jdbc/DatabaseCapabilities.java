package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;

/**
 * The fixed answers of {@link DatabaseMetaData}: what SQL and JDBC features exist. Tools such as
 * DBeaver decide what to offer from these, so every answer is what the driver really does (a
 * feature that is absent says {@code false} rather than failing later).
 */
abstract class DatabaseCapabilities implements DatabaseMetaData {
  // ---- identifiers: unquoted names match case-insensitively and are kept as declared; quoted match exactly ----
  @Override public boolean supportsMixedCaseIdentifiers() { return false; }
  @Override public boolean storesMixedCaseIdentifiers() { return true; }
  @Override public boolean storesUpperCaseIdentifiers() { return false; }
  @Override public boolean storesLowerCaseIdentifiers() { return false; }
  @Override public boolean supportsMixedCaseQuotedIdentifiers() { return true; }
  @Override public boolean storesMixedCaseQuotedIdentifiers() { return false; }
  @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
  @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
  @Override public String getIdentifierQuoteString() { return "\""; }
  @Override public String getSearchStringEscape() { return "\\"; }
  @Override public String getExtraNameCharacters() { return ""; }

  // ---- catalogs and schemas: no catalogs, one schema ----
  @Override public String getSchemaTerm() { return "schema"; }
  @Override public String getProcedureTerm() { return "procedure"; }
  @Override public String getCatalogTerm() { return "catalog"; }
  @Override public boolean isCatalogAtStart() { return false; }
  @Override public String getCatalogSeparator() { return ""; }
  @Override public boolean supportsSchemasInDataManipulation() { return true; }
  @Override public boolean supportsSchemasInProcedureCalls() { return false; }
  @Override public boolean supportsSchemasInTableDefinitions() { return false; }
  @Override public boolean supportsSchemasInIndexDefinitions() { return false; }
  @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
  @Override public boolean supportsCatalogsInDataManipulation() { return false; }
  @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
  @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
  @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
  @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }

  // ---- queries (Calcite) ----
  @Override public boolean allTablesAreSelectable() { return true; }
  @Override public boolean nullPlusNonNullIsNull() { return true; }
  // Calcite's default collation: NULL is greater than every value.
  @Override public boolean nullsAreSortedHigh() { return true; }
  @Override public boolean nullsAreSortedLow() { return false; }
  @Override public boolean nullsAreSortedAtStart() { return false; }
  @Override public boolean nullsAreSortedAtEnd() { return false; }
  @Override public boolean supportsColumnAliasing() { return true; }
  @Override public boolean supportsConvert() { return false; }
  @Override public boolean supportsConvert(int fromType, int toType) { return false; }
  @Override public boolean supportsTableCorrelationNames() { return true; }
  @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
  @Override public boolean supportsExpressionsInOrderBy() { return true; }
  @Override public boolean supportsOrderByUnrelated() { return true; }
  @Override public boolean supportsGroupBy() { return true; }
  @Override public boolean supportsGroupByUnrelated() { return true; }
  @Override public boolean supportsGroupByBeyondSelect() { return true; }
  @Override public boolean supportsLikeEscapeClause() { return true; }
  @Override public boolean supportsOuterJoins() { return true; }
  @Override public boolean supportsFullOuterJoins() { return true; }
  @Override public boolean supportsLimitedOuterJoins() { return true; }
  @Override public boolean supportsSubqueriesInComparisons() { return true; }
  @Override public boolean supportsSubqueriesInExists() { return true; }
  @Override public boolean supportsSubqueriesInIns() { return true; }
  @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
  @Override public boolean supportsCorrelatedSubqueries() { return true; }
  @Override public boolean supportsUnion() { return true; }
  @Override public boolean supportsUnionAll() { return true; }
  @Override public boolean supportsNonNullableColumns() { return true; }

  // ---- grammar levels: there is no CREATE/ALTER TABLE (the schema is a .pg file), so no ODBC/ANSI level holds ----
  @Override public boolean supportsMinimumSQLGrammar() { return false; }
  @Override public boolean supportsCoreSQLGrammar() { return false; }
  @Override public boolean supportsExtendedSQLGrammar() { return false; }
  @Override public boolean supportsANSI92EntryLevelSQL() { return false; }
  @Override public boolean supportsANSI92IntermediateSQL() { return false; }
  @Override public boolean supportsANSI92FullSQL() { return false; }
  @Override public boolean supportsIntegrityEnhancementFacility() { return false; }
  @Override public boolean supportsAlterTableWithAddColumn() { return false; }
  @Override public boolean supportsAlterTableWithDropColumn() { return false; }

  // ---- procedures, cursors, locators: none ----
  @Override public boolean allProceduresAreCallable() { return true; }
  @Override public boolean supportsStoredProcedures() { return false; }
  @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
  @Override public boolean supportsPositionedDelete() { return false; }
  @Override public boolean supportsPositionedUpdate() { return false; }
  @Override public boolean supportsSelectForUpdate() { return false; }
  @Override public boolean supportsNamedParameters() { return false; }
  @Override public boolean supportsStatementPooling() { return false; }
  @Override public boolean locatorsUpdateCopy() { return false; }
  @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }
  @Override public boolean usesLocalFiles() { return true; }
  // Every node and edge type is its own Lance dataset directory.
  @Override public boolean usesLocalFilePerTable() { return true; }

  // ---- transactions: snapshot isolation, data changes only ----
  @Override public boolean supportsTransactions() { return true; }
  @Override public boolean supportsMultipleTransactions() { return true; }
  @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_REPEATABLE_READ; }
  @Override public boolean supportsTransactionIsolationLevel(int level) { return level == Connection.TRANSACTION_REPEATABLE_READ; }
  @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return false; }
  @Override public boolean supportsDataManipulationTransactionsOnly() { return true; }
  @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
  @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
  @Override public boolean supportsSavepoints() { return false; }
  // Results read an immutable snapshot: commits and rollbacks leave open statements and results usable.
  @Override public boolean supportsOpenCursorsAcrossCommit() { return true; }
  @Override public boolean supportsOpenCursorsAcrossRollback() { return true; }
  @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
  @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
  @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }

  // ---- statements and results ----
  @Override public boolean supportsBatchUpdates() { return true; }
  @Override public boolean supportsGetGeneratedKeys() { return true; }
  @Override public boolean generatedKeyAlwaysReturned() { return true; }
  @Override public boolean supportsMultipleResultSets() { return false; }
  @Override public boolean supportsMultipleOpenResults() { return false; }
  @Override public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }
  @Override public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
  }
  @Override public boolean supportsResultSetHoldability(int holdability) { return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT; }
  @Override public int getResultSetHoldability() { return ResultSet.HOLD_CURSORS_OVER_COMMIT; }
  @Override public boolean ownUpdatesAreVisible(int type) { return false; }
  @Override public boolean ownDeletesAreVisible(int type) { return false; }
  @Override public boolean ownInsertsAreVisible(int type) { return false; }
  @Override public boolean othersUpdatesAreVisible(int type) { return false; }
  @Override public boolean othersDeletesAreVisible(int type) { return false; }
  @Override public boolean othersInsertsAreVisible(int type) { return false; }
  @Override public boolean updatesAreDetected(int type) { return false; }
  @Override public boolean deletesAreDetected(int type) { return false; }
  @Override public boolean insertsAreDetected(int type) { return false; }
  @Override public int getSQLStateType() { return sqlStateSQL; }
  @Override public int getJDBCMajorVersion() { return 4; }
  @Override public int getJDBCMinorVersion() { return 3; }

  // ---- limits: 0 means none is known ----
  @Override public int getMaxBinaryLiteralLength() { return 0; }
  @Override public int getMaxCharLiteralLength() { return 0; }
  @Override public int getMaxColumnNameLength() { return 0; }
  @Override public int getMaxColumnsInGroupBy() { return 0; }
  @Override public int getMaxColumnsInIndex() { return 0; }
  @Override public int getMaxColumnsInOrderBy() { return 0; }
  @Override public int getMaxColumnsInSelect() { return 0; }
  @Override public int getMaxColumnsInTable() { return 0; }
  @Override public int getMaxConnections() { return 0; }
  @Override public int getMaxCursorNameLength() { return 0; }
  @Override public int getMaxIndexLength() { return 0; }
  @Override public int getMaxSchemaNameLength() { return 0; }
  @Override public int getMaxProcedureNameLength() { return 0; }
  @Override public int getMaxCatalogNameLength() { return 0; }
  @Override public int getMaxRowSize() { return 0; }
  @Override public boolean doesMaxRowSizeIncludeBlobs() { return true; }
  @Override public int getMaxStatementLength() { return 0; }
  @Override public int getMaxStatements() { return 0; }
  @Override public int getMaxTableNameLength() { return 0; }
  @Override public int getMaxTablesInSelect() { return 0; }
  @Override public int getMaxUserNameLength() { return 0; }

  @Override
  public <T> T unwrap(Class<T> iface) throws java.sql.SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new java.sql.SQLException("not a wrapper for " + iface.getName(), SqlState.GENERAL_ERROR.code());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}

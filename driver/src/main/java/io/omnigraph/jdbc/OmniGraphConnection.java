package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlSession;
import io.omnigraph.calcite.SqlState;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A connection to one branch (or one pinned snapshot) of a graph. Connections to the same location
 * share one engine handle; branch, auto-commit and the open transaction are per connection (held by
 * its {@link GraphSession}). Transactions are snapshot isolation, reported as
 * {@link #TRANSACTION_REPEATABLE_READ}: reads repeat within a transaction and the first committer
 * wins; SERIALIZABLE is not offered because write skew between disjoint rows is not detected.
 */
public final class OmniGraphConnection implements Connection {
  /** The one schema, holding every node, edge and system table. */
  public static final String SCHEMA = "graph";

  private final String url;
  private final GraphRegistry.Lease lease;
  private final GraphSession session;
  private final Set<OmniGraphStatement> statements = ConcurrentHashMap.newKeySet();
  private final Properties clientInfo = new Properties();
  private SqlSession sql;
  private Map<String, List<TableMetadata.SystemColumn>> systemTables;
  private SQLWarning warnings;
  private volatile boolean closed;

  OmniGraphConnection(String url, ConnectionSettings settings, GraphRegistry.Lease lease) throws SQLException {
    this.url = url;
    this.lease = lease;
    this.session = new GraphSession(lease.graph(), settings);
    for (String name : settings.ignoredProperties()) {
      addWarning(new SQLWarning("unknown connection property '" + name + "' was ignored"));
    }
    if (lease.settingsNote() != null) addWarning(new SQLWarning(lease.settingsNote(), "01000"));
    if (settings.create() && settings.schema() != null) warnIfSchemaDiffers(settings);
    if (settings.create()) SqlWarnings.namesNeedingQuotes(lease.graph().catalog()).forEach(this::addWarning);
  }

  /** create=true on a graph that already exists opens it as it is; say so when the schema file disagrees. */
  private void warnIfSchemaDiffers(ConnectionSettings settings) {
    String differs;
    try {
      String desired = java.nio.file.Files.readString(java.nio.file.Path.of(settings.schema()));
      var plan = lease.graph().planSchema(desired);
      if (plan.unchanged()) return;
      differs = "its schema differs from " + settings.schema() + " (" + plan.steps().size() + " change"
          + (plan.steps().size() == 1 ? "" : "s") + ")";
    } catch (java.io.IOException | RuntimeException e) {
      differs = "the schema file " + settings.schema() + " could not be compared with it: " + e.getMessage();
    }
    addWarning(new SQLWarning("create=true: the graph at " + settings.location() + " already exists and " + differs
        + "; it was opened unchanged (use APPLY SCHEMA to change its schema)", "01000"));
  }

  GraphSession session() {
    return session;
  }

  String url() {
    return url;
  }

  /** The SQL layer for this connection: the graph's shared planner, executing against this connection's view. */
  synchronized SqlSession sqlSession() throws SQLException {
    checkOpen();
    if (sql == null) sql = SqlSession.open(lease.planner(), session);
    return sql;
  }

  /** The system tables and their columns, described once per connection (it costs a plan per table). */
  synchronized Map<String, List<TableMetadata.SystemColumn>> systemTables() throws SQLException {
    if (systemTables == null) systemTables = SystemTableColumns.describe(sqlSession());
    return systemTables;
  }

  void checkOpen() throws SQLException {
    if (closed) throw SqlState.CONNECTION_DOES_NOT_EXIST.exception("the connection is closed");
  }

  void statementClosed(OmniGraphStatement statement) {
    statements.remove(statement);
  }

  synchronized void addWarning(SQLWarning w) {
    if (warnings == null) warnings = w;
    else warnings.setNextWarning(w);
  }

  private <S extends OmniGraphStatement> S track(S statement) {
    statements.add(statement);
    return statement;
  }

  /** Only forward-only, read-only, holdable results exist; other requests get those and a warning, as JDBC allows. */
  private void checkResultOptions(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    if (type != ResultSet.TYPE_FORWARD_ONLY) {
      addWarning(new SQLWarning("only TYPE_FORWARD_ONLY result sets exist; using it instead"));
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY) {
      addWarning(new SQLWarning("only CONCUR_READ_ONLY result sets exist; using it instead"));
    }
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      addWarning(new SQLWarning("result sets read a snapshot and stay open over commits; using HOLD_CURSORS_OVER_COMMIT"));
    }
  }

  // ---- statements ----

  @Override
  public Statement createStatement() throws SQLException {
    checkOpen();
    return track(new OmniGraphStatement(this));
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
    return createStatement(resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    checkResultOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepareStatement(sql, Statement.NO_GENERATED_KEYS);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    checkOpen();
    return track(new OmniGraphPreparedStatement(this, sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepareStatement(sql, GeneratedKeys.requested(columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepareStatement(sql, GeneratedKeys.requested(columnNames));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency)
      throws SQLException {
    return prepareStatement(sql, resultSetType, resultSetConcurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    checkResultOptions(resultSetType, resultSetConcurrency, resultSetHoldability);
    return prepareStatement(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    throw new SQLFeatureNotSupportedException("the graph has no stored procedures", SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency,
      int resultSetHoldability) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions ----

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    session.setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return session.autoCommit();
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    if (session.autoCommit()) throw SqlState.INVALID_TRANSACTION_STATE.exception("cannot commit: auto-commit is on");
    session.commit();
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    if (session.autoCommit()) throw SqlState.INVALID_TRANSACTION_STATE.exception("cannot roll back: auto-commit is on");
    session.rollback();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    switch (level) {
      // A stronger level than asked for is allowed by JDBC; snapshot isolation is the only one there is.
      case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ -> { }
      case TRANSACTION_SERIALIZABLE -> throw new SQLFeatureNotSupportedException(
          "SERIALIZABLE is not supported: transactions are snapshot isolation (REPEATABLE_READ), which does not"
              + " detect write skew between disjoint rows", SqlState.FEATURE_NOT_SUPPORTED.code());
      default -> throw SqlState.INVALID_PARAMETER_VALUE.exception("unknown transaction isolation level " + level);
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_REPEATABLE_READ;
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    throw noSavepoints();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    throw noSavepoints();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    throw noSavepoints();
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    throw noSavepoints();
  }

  private static SQLException noSavepoints() {
    return new SQLFeatureNotSupportedException("savepoints are not supported", SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    String ignored = session.setReadOnly(readOnly);
    if (ignored != null) addWarning(new SQLWarning(ignored, "01000"));
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return session.readOnly();
  }

  /**
   * Refuses, from now on, every statement that would write or change the graph (DML, LOAD DATA,
   * CREATE/DROP BRANCH, MERGE BRANCH, APPLY SCHEMA, maintenance) with SQLState 42501 and a message
   * ending in {@code reason}; reads, USE BRANCH and dry runs go on. Nothing undoes it, not even
   * {@code setReadOnly(false)}: a server calls it on the connections of its read-only users.
   *
   * @throws SQLException 25001 when the connection has uncommitted changes
   */
  public void denyWrites(String reason) throws SQLException {
    checkOpen();
    session.denyWrites(reason);
  }

  // ---- JDBC 4.3 requests (connection pools) ----

  @Override
  public void beginRequest() {}

  /** A pooled connection goes back with the branch it was opened with, so the next borrower never inherits a USE BRANCH. */
  @Override
  public void endRequest() throws SQLException {
    checkOpen();
    session.restoreConfiguredBranch();
  }

  // ---- lifecycle ----

  @Override
  public void close() throws SQLException {
    if (closed) return;
    closed = true;
    try {
      // Stop running executions first: closing a statement waits for the one it is running.
      for (OmniGraphStatement s : Set.copyOf(statements)) s.cancel();
      for (OmniGraphStatement s : Set.copyOf(statements)) s.close();
      session.close();
      synchronized (this) {
        if (sql != null) sql.close();
        sql = null;
      }
    } finally {
      lease.close();
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) throw SqlState.INVALID_PARAMETER_VALUE.exception("abort needs an executor");
    if (closed) return;
    for (OmniGraphStatement s : Set.copyOf(statements)) s.cancel();
    executor.execute(() -> {
      try {
        close();
      } catch (SQLException ignored) {
        // abort has no caller left to report to.
      }
    });
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) throw SqlState.INVALID_PARAMETER_VALUE.exception("timeout must be >= 0");
    if (closed) return false;
    try {
      session.view();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    return new OmniGraphDatabaseMetaData(this);
  }

  // ---- catalog and schema ----

  // Catalogs do not exist; JDBC asks drivers without them to ignore this silently.
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema != null && !SCHEMA.equals(schema.toLowerCase(Locale.ROOT))) {
      throw SqlState.INVALID_SCHEMA_NAME.exception("unknown schema '" + schema + "'; the only schema is " + SCHEMA);
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return SCHEMA;
  }

  // ---- warnings, client info, type maps ----

  @Override
  public synchronized SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings;
  }

  @Override
  public synchronized void clearWarnings() throws SQLException {
    checkOpen();
    warnings = null;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) throw new SQLClientInfoException("the connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST.code(), 0, Map.of());
    if (value == null) clientInfo.remove(name);
    else clientInfo.setProperty(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) throw new SQLClientInfoException("the connection is closed", SqlState.CONNECTION_DOES_NOT_EXIST.code(), 0, Map.of());
    clientInfo.clear();
    if (properties != null) properties.stringPropertyNames().forEach(k -> clientInfo.setProperty(k, properties.getProperty(k)));
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return Map.of();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) throw NamedColumnResultSet.unsupportedType("user-defined");
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw new SQLFeatureNotSupportedException("result sets read a snapshot and always stay open over commits",
          SqlState.FEATURE_NOT_SUPPORTED.code());
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.HOLD_CURSORS_OVER_COMMIT;
  }

  // A local graph has no network to time out.
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    throw new SQLFeatureNotSupportedException("the graph is local; there is no network timeout", SqlState.FEATURE_NOT_SUPPORTED.code());
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return 0;
  }

  // ---- value factories ----

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    checkOpen();
    if (typeName == null || elements == null) throw SqlState.INVALID_PARAMETER_VALUE.exception("createArrayOf needs a type name and elements");
    try {
      JDBCType type = JDBCType.valueOf(typeName.strip().toUpperCase(Locale.ROOT));
      return new GraphArray(type.getName(), type.getVendorTypeNumber(), elements);
    } catch (IllegalArgumentException e) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("unknown array element type '" + typeName + "'", e);
    }
  }

  @Override
  public Clob createClob() throws SQLException {
    throw NamedColumnResultSet.unsupportedType("CLOB");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw NamedColumnResultSet.unsupportedType("BLOB");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw NamedColumnResultSet.unsupportedType("NCLOB");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw NamedColumnResultSet.unsupportedType("XML");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw NamedColumnResultSet.unsupportedType("STRUCT");
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) return iface.cast(this);
    throw new SQLException("not a wrapper for " + iface.getName(), SqlState.GENERAL_ERROR.code());
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return iface.isInstance(this);
  }
}

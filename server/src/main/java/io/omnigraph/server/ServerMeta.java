package io.omnigraph.server;

import io.omnigraph.jdbc.OmniGraphConnection;
import io.omnigraph.jdbc.OmniGraphProperty;
import io.omnigraph.jdbc.RemoteMetadataCall;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.avatica.proto.Requests;

/**
 * Avatica's {@link JdbcMeta} over {@code jdbc:omnigraph:} connections to one graph, one per remote
 * connection, with the server's rules on top:
 *
 * <ul>
 *   <li>a connection is opened with the authenticated user as {@code actor}, whatever the client
 *       sent, and only the client's {@code branch}, {@code snapshot} and {@code readOnly};
 *   <li>a read-only user's connection refuses every write ({@link OmniGraphConnection#denyWrites});
 *   <li>a connection and its statements serve only the user who opened it: anyone else is told
 *       they do not exist;
 *   <li>statements that are {@link RemoteMetadataCall}s are answered from the connection's
 *       {@code DatabaseMetaData}.
 * </ul>
 */
final class ServerMeta extends JdbcMeta {
  private final RequestUser requestUser;
  /** Connection id → name of the user who opened it. */
  private final Map<String, String> owners = new ConcurrentHashMap<>();
  /** Statement id → id of its connection. */
  private final Map<Integer, String> statements = new ConcurrentHashMap<>();

  ServerMeta(String url, Properties cacheSettings, RequestUser requestUser) throws SQLException {
    super(url, cacheSettings);
    this.requestUser = requestUser;
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    User user = requestUser.get();
    Map<String, String> accepted = new HashMap<>();
    if (info != null) {
      for (OmniGraphProperty p : List.of(OmniGraphProperty.BRANCH, OmniGraphProperty.SNAPSHOT, OmniGraphProperty.READ_ONLY)) {
        String value = info.get(p.getName());
        if (value != null) accepted.put(p.getName(), value);
      }
    }
    owners.put(ch.id, user.name());
    try {
      super.openConnection(ch, accepted);
    } catch (RuntimeException e) {
      if (!getConnectionCache().asMap().containsKey(ch.id)) owners.remove(ch.id);
      throw e;
    }
  }

  /**
   * Opens the graph connection: readOnly=true becomes {@code setReadOnly(true)} on the shared handle
   * (a readOnly connection property would open a second, read-only handle), the actor is the user.
   */
  @Override
  protected Connection createConnection(String url, Properties info) throws SQLException {
    User user = requestUser.get();
    Properties p = new Properties();
    for (OmniGraphProperty allowed : List.of(OmniGraphProperty.BRANCH, OmniGraphProperty.SNAPSHOT)) {
      String value = info.getProperty(allowed.getName());
      if (value != null) p.setProperty(allowed.getName(), value);
    }
    p.setProperty(OmniGraphProperty.ACTOR.getName(), user.name());
    Connection c = super.createConnection(url, p);
    try {
      if (OmniGraphProperty.READ_ONLY.getBoolean(info)) c.setReadOnly(true);
      if (user.readOnly()) {
        c.unwrap(OmniGraphConnection.class).denyWrites("user " + user.name() + " may only read on this server");
      }
      return c;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  protected Connection getConnection(String id) throws SQLException {
    authorize(id);
    return super.getConnection(id);
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    authorize(ch.id);
    try {
      super.closeConnection(ch);
    } finally {
      forget(ch.id);
    }
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    StatementHandle h = super.createStatement(ch);
    statements.put(h.id, ch.id);
    return h;
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    StatementHandle h = super.prepare(ch, sql, maxRowCount);
    statements.put(h.id, ch.id);
    return h;
  }

  @Override
  public void closeStatement(StatementHandle h) {
    // Like closing an unknown statement, closing someone else's does nothing.
    if (!owns(h)) return;
    try {
      super.closeStatement(h);
    } finally {
      statements.remove(h.id);
    }
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, AvaticaUtils.toSaturatedInt(maxRowCount), callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    authorize(h);
    RemoteMetadataCall call;
    try {
      call = RemoteMetadataCall.parse(sql);
      if (call != null) return new ExecuteResult(List.of(metadata(h, sql, call)));
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
    return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    authorize(h);
    return super.execute(h, parameterValues, maxRowCount);
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    authorize(h);
    return super.execute(h, parameterValues, maxRowsInFirstFrame);
  }

  @Override
  public boolean syncResults(StatementHandle sh, org.apache.calcite.avatica.QueryState state, long offset)
      throws NoSuchStatementException {
    authorize(sh);
    return super.syncResults(sh, state, offset);
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    authorize(h);
    return super.fetch(h, offset, fetchMaxRowCount);
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    authorize(h);
    return super.prepareAndExecuteBatch(h, sqlCommands);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> updateBatches)
      throws NoSuchStatementException {
    authorize(h);
    return super.executeBatch(h, updateBatches);
  }

  @Override
  public ExecuteBatchResult executeBatchProtobuf(StatementHandle h, List<Requests.UpdateBatch> updateBatches)
      throws NoSuchStatementException {
    authorize(h);
    return super.executeBatchProtobuf(h, updateBatches);
  }

  /** Drops what is known of connections the cache no longer holds (closed, or expired with their transaction). */
  void sweep() {
    getConnectionCache().cleanUp();
    getStatementCache().cleanUp();
    // asMap().containsKey, unlike getIfPresent, does not count as an access that would keep the connection alive.
    owners.keySet().removeIf(id -> !getConnectionCache().asMap().containsKey(id));
    statements.values().removeIf(id -> !owners.containsKey(id));
  }

  /** Closes every remote connection, rolling back their open transactions (the server is stopping). */
  void closeAll() {
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
    owners.clear();
    statements.clear();
  }

  /** Remote connections open now; for tests and operations. */
  int openConnections() {
    return owners.size();
  }

  private void authorize(String connectionId) {
    String owner = owners.get(connectionId);
    if (owner == null || !owner.equals(requestUser.get().name())) throw new NoSuchConnectionException(connectionId);
  }

  private void authorize(StatementHandle h) throws NoSuchStatementException {
    if (!owns(h)) throw new NoSuchStatementException(h);
  }

  private boolean owns(StatementHandle h) {
    String owner = owners.get(h.connectionId);
    return owner != null && owner.equals(requestUser.get().name()) && h.connectionId.equals(statements.get(h.id));
  }

  private void forget(String connectionId) {
    owners.remove(connectionId);
    statements.values().removeIf(connectionId::equals);
  }

  /** Answers a metadata call on the statement's connection, all rows in the first frame (metadata is small). */
  private MetaResultSet metadata(StatementHandle h, String sql, RemoteMetadataCall call) throws SQLException {
    Object answer = call.invoke(getConnection(h.connectionId).getMetaData());
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    if (info != null) info.setResultSet(null);
    if (answer instanceof ResultSet rs) {
      try (rs) {
        return MetaResultSet.create(h.connectionId, h.id, false,
            Signature.create(columns(rs.getMetaData()), sql, List.of(), CursorFactory.LIST, StatementType.SELECT),
            Frames.all(rs));
      }
    }
    ColumnMetaData column = ColumnMetaData.dummy(ColumnMetaData.scalar(Types.VARCHAR, "VARCHAR",
        ColumnMetaData.Rep.STRING), true);
    return MetaResultSet.create(h.connectionId, h.id, false,
        Signature.create(List.of(column), sql, List.of(), CursorFactory.LIST, StatementType.SELECT),
        Frame.create(0, true, List.of((Object) new Object[] {answer == null ? null : answer.toString()})));
  }
}

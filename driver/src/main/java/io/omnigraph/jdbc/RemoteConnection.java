package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;

/**
 * A remote connection: Avatica's connection to the server, with a {@link DatabaseMetaData} that asks
 * the server's embedded metadata (see {@link RemoteMetadataCall}) and failures that keep the
 * server's SQLState. Everything else is Avatica's.
 */
final class RemoteConnection implements InvocationHandler {
  private final Connection avatica;
  private final String url;
  private final String user;
  /** Scalar metadata answers (capabilities, limits, names): they do not change while connected. */
  private final Map<String, Object> scalars = new ConcurrentHashMap<>();

  RemoteConnection(Connection avatica, String url, String user) {
    this.avatica = avatica;
    this.url = url;
    this.user = user;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "getMetaData":
        return Proxy.newProxyInstance(RemoteConnection.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class},
            (p, m, a) -> metadata((Connection) proxy, p, m, a));
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : avatica.unwrap((Class<?>) args[0]);
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy) || avatica.isWrapperFor((Class<?>) args[0]);
      case "toString":
        return "OmniGraph remote connection " + url;
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "setAutoCommit", "setReadOnly", "setTransactionIsolation", "setSchema", "setCatalog":
        Object result = call(avatica, method, args);
        // Avatica's client keeps property changes until its next non-prepared statement, so a
        // PreparedStatement executed after setAutoCommit(false) would still auto-commit on the
        // server. Reading a property sends the pending changes now.
        call(avatica, Connection.class.getMethod("getAutoCommit"), null);
        return result;
      default:
        return call(avatica, method, args);
    }
  }

  private Object metadata(Connection connection, Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "getConnection":
        return connection;
      case "getURL":
        return url;
      case "getUserName":
        return user;
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : avatica.getMetaData().unwrap((Class<?>) args[0]);
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "metadata of " + connection;
      default:
        break;
    }
    if (!RemoteMetadataCall.forwardable(method)) return call(avatica.getMetaData(), method, args);
    String sql = RemoteMetadataCall.encode(method, args);
    if (method.getReturnType() == ResultSet.class) return remoteResult(sql);
    Object known = scalars.get(sql);
    if (known != null) return known;
    Object answer;
    try (ResultSet rs = remoteResult(sql)) {
      answer = RemoteMetadataCall.scalar(method, rs.next() ? rs.getString(1) : null);
    }
    if (answer != null) scalars.put(sql, answer);
    return answer;
  }

  private ResultSet remoteResult(String sql) throws SQLException {
    Statement s = createStatement();
    try {
      s.closeOnCompletion();
      return s.executeQuery(sql);
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private Statement createStatement() throws SQLException {
    try {
      return avatica.createStatement();
    } catch (AvaticaClientRuntimeException e) {
      throw stated(e);
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AvaticaClientRuntimeException a) throw stated(a);
      throw cause;
    }
  }

  /** Avatica raises a server's refusal outside a statement as a runtime exception; JDBC callers expect SQLException. */
  static SQLException stated(AvaticaClientRuntimeException e) {
    String state = e.getSqlState();
    if (state == null || state.isEmpty() || state.equals("00000")) state = SqlState.GENERAL_ERROR.code();
    return SqlState.exception(state, e.getMessage(), e);
  }
}

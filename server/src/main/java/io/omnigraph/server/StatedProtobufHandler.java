package io.omnigraph.server;

import java.sql.SQLException;
import io.omnigraph.calcite.SqlState;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;

/**
 * Avatica's protobuf request handler, except that a failure carries the SQLState the driver chose.
 * Avatica's own handler only forwards the state of an {@link AvaticaRuntimeException}, and
 * {@link org.apache.calcite.avatica.jdbc.JdbcMeta} wraps every {@link SQLException} in a plain
 * RuntimeException, so clients would see every failure as state 00000.
 */
final class StatedProtobufHandler extends ProtobufHandler {
  StatedProtobufHandler(Service service) {
    super(service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
  }

  @Override
  public HandlerResponse<byte[]> convertToErrorResponse(Exception e) {
    return super.convertToErrorResponse(stated(e));
  }

  /** The response for a failure found before any request ran (authentication). */
  HandlerResponse<byte[]> refusal(SQLException e) {
    return super.convertToErrorResponse(stated(e));
  }

  private static Exception stated(Exception e) {
    if (e instanceof AvaticaRuntimeException) return e;
    if (e instanceof NoSuchConnectionException) {
      // Not Avatica's "missing connection" code: on that code its client silently opens a new
      // connection and retries, and a transaction the server rolled back would seem to commit.
      return new AvaticaRuntimeException("the connection is not open on the server: it was closed, or idle longer"
          + " than the server's idle timeout (its open transaction, if any, was rolled back)", 0,
          SqlState.CONNECTION_DOES_NOT_EXIST.code(), AvaticaSeverity.ERROR);
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return new AvaticaRuntimeException(sql.getMessage(), sql.getErrorCode(), sql.getSQLState(), AvaticaSeverity.ERROR);
      }
    }
    return e;
  }
}

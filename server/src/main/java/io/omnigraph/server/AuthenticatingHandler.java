package io.omnigraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * The server's one HTTP handler: authenticates every request, then hands its body to Avatica's
 * protobuf handler as the authenticated user. A request without credentials is answered 401 with a
 * Basic challenge (HTTP clients send credentials only when asked); wrong credentials are answered
 * with an Avatica error carrying SQLState 28000, which Avatica's client raises as such, and
 * nothing of the request runs.
 */
final class AuthenticatingHandler extends AbstractHandler implements AvaticaHandler {
  static final String REALM = "omnigraph";

  private final Authenticator authenticator;
  private final RequestUser requestUser;
  private final StatedProtobufHandler protobuf;
  private final Service service;

  AuthenticatingHandler(Authenticator authenticator, RequestUser requestUser, Service service) {
    this.authenticator = authenticator;
    this.requestUser = requestUser;
    this.service = service;
    this.protobuf = new StatedProtobufHandler(service);
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    base.setHandled(true);
    if (!"POST".equals(request.getMethod())) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "an Avatica server answers POST requests only");
      return;
    }
    User user;
    try {
      user = authenticator.authenticate(request.getHeader("Authorization"));
    } catch (SQLException refused) {
      respond(response, protobuf.refusal(refused));
      return;
    }
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "credentials required");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readAllBytes();
    }
    HandlerResponse<byte[]> answer;
    try {
      answer = requestUser.runAs(user, () -> protobuf.apply(body));
    } catch (Exception e) {
      answer = protobuf.convertToErrorResponse(e);
    }
    respond(response, answer);
  }

  private static void respond(HttpServletResponse response, HandlerResponse<byte[]> answer) throws IOException {
    response.setContentType("application/octet-stream;charset=utf-8");
    response.setStatus(answer.getStatusCode());
    response.getOutputStream().write(answer.getResponse());
  }

  @Override
  public void setServerRpcMetadata(Service.RpcMetadataResponse metadata) {
    service.setRpcMetadata(metadata);
    protobuf.setRpcMetadata(metadata);
  }
}

package io.omnigraph.shell;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jline.utils.AttributedString;
import sqlline.PromptHandler;
import sqlline.SqlLine;

/**
 * The prompt {@code 0: demo-graph [main]> }: the graph's directory and the branch the connection is
 * on, asked of the driver with {@code SHOW BRANCH} before every line, so a {@code USE BRANCH} shows
 * at once. A pinned connection shows {@code [main @ <commit id>]}. Connections that are not
 * OmniGraph's get sqlline's own prompt.
 */
final class BranchPrompt extends PromptHandler {
  private static final String URL_PREFIX = "jdbc:omnigraph:";

  private final boolean plain;

  BranchPrompt(SqlLine sqlLine, boolean plain) {
    super(sqlLine);
    this.plain = plain;
  }

  @Override
  public AttributedString getPrompt() {
    return plain ? AttributedString.EMPTY : super.getPrompt();
  }

  @Override
  public AttributedString getRightPrompt() {
    return plain ? AttributedString.EMPTY : super.getRightPrompt();
  }

  @Override
  protected String getDefaultPrompt(int connectionIndex, String url, String defaultPrompt) {
    String jdbcUrl = sqlLine.getConnectionMetadata().getUrl();
    String where = jdbcUrl != null && jdbcUrl.startsWith(URL_PREFIX) ? branchOf(connection()) : null;
    if (where == null) return super.getDefaultPrompt(connectionIndex, url, defaultPrompt);
    return connectionIndex + ": " + graphName(jdbcUrl) + " [" + where + "]> ";
  }

  /**
   * sqlline's current connection. sqlline 1.12 exposes it to prompt handlers only through package-private
   * methods, so they are called reflectively; any failure means the default prompt.
   */
  private Connection connection() {
    try {
      Method current = SqlLine.class.getDeclaredMethod("getDatabaseConnection");
      current.setAccessible(true);
      Object dbc = current.invoke(sqlLine);
      if (dbc == null) return null;
      Method get = dbc.getClass().getMethod("getConnection");
      get.setAccessible(true);
      return (Connection) get.invoke(dbc);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** "branch" or "branch @ snapshot", or null when the connection cannot say. */
  private static String branchOf(Connection c) {
    if (c == null) return null;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW BRANCH")) {
      if (!rs.next()) return null;
      String snapshot = rs.getString("snapshot");
      return rs.getString("branch") + (snapshot == null ? "" : " @ " + snapshot);
    } catch (SQLException e) {
      return null;
    }
  }

  private static String graphName(String url) {
    String location = url.substring(URL_PREFIX.length());
    int query = location.indexOf('?');
    if (query >= 0) location = location.substring(0, query);
    if (location.startsWith("file:")) location = location.substring("file:".length());
    Path name = Path.of(location).getFileName();
    return name == null ? location : name.toString();
  }
}

package io.omnigraph.calcite;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Restates Calcite's parse failures as SQLState 42601 in one or two lines: where (line, column) and
 * what was found there. Calcite's own text lists every token the grammar could have accepted
 * (about 190 after WHERE), or says "Non-query expression encountered in illegal context" for a
 * misspelt first keyword; neither tells a user what to fix.
 */
final class SyntaxErrors {
  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line (\\d+), column (\\d+)");
  private static final int MAX_TOKEN = 40;

  private SyntaxErrors() {}

  /** The first parse failure in {@code failure}'s cause chain, or null. */
  static SqlParseException parseFailure(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SqlParseException p) return p;
    }
    return null;
  }

  /** The 42601 exception for a parse failure of {@code sql} (which may be null when unknown). */
  static SQLException of(SqlParseException e, String sql) {
    SQLException notSyntax = StatementErrors.notSyntax(e);
    if (notSyntax != null) return notSyntax;
    String calcite = e.getMessage() == null ? "" : e.getMessage();
    Matcher m = ENCOUNTERED.matcher(calcite);
    SqlParserPos pos = e.getPos();
    int line = pos != null ? pos.getLineNum() : 0;
    int column = pos != null ? pos.getColumnNum() : 0;
    String encountered = null;
    if (m.find()) {
      encountered = m.group(1);
      line = Integer.parseInt(m.group(2));
      column = Integer.parseInt(m.group(3));
    }
    StringBuilder text = new StringBuilder("syntax error");
    if (line > 0) text.append(" at line ").append(line).append(", column ").append(column);
    if ("<EOF>".equals(encountered)) {
      text.append(": the statement ends too early");
    } else {
      String near = line > 0 && sql != null ? tokenAt(sql, line, column) : null;
      if (near == null && encountered != null) near = encountered.split(" ")[0];
      if (near != null) text.append(" near '").append(near).append("'");
      if (encountered != null && encountered.endsWith(" <EOF>")) text.append(": the statement ends too early");
    }
    if (calcite.startsWith("Non-query expression")) {
      text.append("\na statement starts with SELECT, VALUES, WITH, EXPLAIN PLAN FOR, INSERT, UPSERT, UPDATE, DELETE,"
          + " MERGE or a graph control statement (CREATE BRANCH, LOAD DATA, ...)");
    }
    return SqlState.SYNTAX_ERROR.exception(text.toString(), e);
  }

  /** The token of {@code sql} starting at a 1-based line and column, or null past the end. */
  static String tokenAt(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', offset);
      if (nl < 0) return null;
      offset = nl + 1;
    }
    offset += column - 1;
    if (offset < 0 || offset >= sql.length()) return null;
    char c = sql.charAt(offset);
    int end = offset + 1;
    if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
      while (end < sql.length() && isWordChar(sql.charAt(end))) end++;
    } else if (c == '\'' || c == '"') {
      int close = sql.indexOf(c, offset + 1);
      end = close < 0 ? sql.length() : close + 1;
    } else if ("<>=!|".indexOf(c) >= 0) {
      while (end < sql.length() && "<>=!|".indexOf(sql.charAt(end)) >= 0 && end - offset < 2) end++;
    }
    String token = sql.substring(offset, end);
    return token.length() > MAX_TOKEN ? token.substring(0, MAX_TOKEN) + "..." : token;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}

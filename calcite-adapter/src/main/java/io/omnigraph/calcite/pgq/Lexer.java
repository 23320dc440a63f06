package io.omnigraph.calcite.pgq;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link Token}s, skipping whitespace and comments, so that keywords and
 * parentheses inside string literals, quoted identifiers and comments are never mistaken for
 * pattern syntax.
 */
final class Lexer {
  private Lexer() {}

  static List<Token> tokens(String sql, int from, int to) throws SQLException {
    List<Token> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < to && sql.charAt(i + 1) == '-') {
        int nl = sql.indexOf('\n', i);
        i = nl < 0 || nl > to ? to : nl + 1;
      } else if (c == '/' && i + 1 < to && sql.charAt(i + 1) == '*') {
        int close = sql.indexOf("*/", i + 2);
        if (close < 0 || close + 2 > to) throw GraphTableErrors.syntax("a comment is not closed");
        i = close + 2;
      } else if (c == '\'' || c == '"') {
        int end = closingQuote(sql, i, to);
        out.add(new Token(c == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED, sql.substring(i, end), i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i + 1;
        while (end < to && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
            || sql.charAt(end) == '$')) {
          end++;
        }
        out.add(new Token(Token.Kind.WORD, sql.substring(i, end), i, end));
        i = end;
      } else if (Character.isDigit(c)) {
        int end = i + 1;
        while (end < to && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) end++;
        out.add(new Token(Token.Kind.NUMBER, sql.substring(i, end), i, end));
        i = end;
      } else {
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i, i + 1));
        i++;
      }
    }
    out.add(new Token(Token.Kind.END, "", to, to));
    return out;
  }

  /** The offset just past the quote closing the literal or identifier opened at {@code start}. */
  private static int closingQuote(String sql, int start, int to) throws SQLException {
    char q = sql.charAt(start);
    int i = start + 1;
    while (i < to) {
      if (sql.charAt(i) == q) {
        if (i + 1 < to && sql.charAt(i + 1) == q) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    throw GraphTableErrors.syntax(q == '\'' ? "a string literal is not closed" : "a quoted identifier is not closed");
  }
}

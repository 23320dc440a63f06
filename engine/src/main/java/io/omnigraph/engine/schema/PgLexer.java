package io.omnigraph.engine.schema;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code .pg} source into tokens, dropping whitespace and comments. */
final class PgLexer {
  private final String src;
  private int offset;
  private int line = 1;
  private int column = 1;

  private PgLexer(String src) {
    this.src = src;
  }

  static List<Token> tokenize(String source) {
    PgLexer lexer = new PgLexer(source);
    List<Token> tokens = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      tokens.add(t);
    } while (!t.is(Token.Kind.EOF));
    return tokens;
  }

  private Token next() {
    skipTrivia();
    Position pos = new Position(line, column);
    int start = offset;
    if (offset >= src.length()) {
      return new Token(Token.Kind.EOF, "", pos, start, start);
    }
    char c = src.charAt(offset);
    if (c == '"') {
      return string(pos, start);
    }
    if (isAsciiLetter(c) || c == '_') {
      while (offset < src.length() && isWordChar(src.charAt(offset))) {
        advance();
      }
      String word = src.substring(start, offset);
      Token.Kind kind = c >= 'A' && c <= 'Z' ? Token.Kind.TYPE_NAME : Token.Kind.IDENT;
      return new Token(kind, word, pos, start, offset);
    }
    if (isDigit(c)) {
      return number(pos, start);
    }
    Token.Kind kind =
        switch (c) {
          case '{' -> Token.Kind.LBRACE;
          case '}' -> Token.Kind.RBRACE;
          case '(' -> Token.Kind.LPAREN;
          case ')' -> Token.Kind.RPAREN;
          case '[' -> Token.Kind.LBRACKET;
          case ']' -> Token.Kind.RBRACKET;
          case ':' -> Token.Kind.COLON;
          case ',' -> Token.Kind.COMMA;
          case '?' -> Token.Kind.QUESTION;
          case '@' -> Token.Kind.AT;
          case '=' -> Token.Kind.EQUALS;
          case '-' -> peekIs('>') ? Token.Kind.ARROW : Token.Kind.MINUS;
          case '.' -> peekIs('.') ? Token.Kind.DOTDOT : null;
          default -> null;
        };
    if (kind == null) {
      throw new SchemaException(pos, "unexpected character '" + printable(c) + "'");
    }
    advance();
    if (kind == Token.Kind.ARROW || kind == Token.Kind.DOTDOT) {
      advance();
    }
    return new Token(kind, src.substring(start, offset), pos, start, offset);
  }

  private Token number(Position pos, int start) {
    while (offset < src.length() && isDigit(src.charAt(offset))) {
      advance();
    }
    boolean fraction =
        offset + 1 < src.length() && src.charAt(offset) == '.' && isDigit(src.charAt(offset + 1));
    if (!fraction) {
      return new Token(Token.Kind.INT, src.substring(start, offset), pos, start, offset);
    }
    advance();
    while (offset < src.length() && isDigit(src.charAt(offset))) {
      advance();
    }
    return new Token(Token.Kind.FLOAT, src.substring(start, offset), pos, start, offset);
  }

  private Token string(Position pos, int start) {
    advance();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (offset >= src.length() || src.charAt(offset) == '\n') {
        throw new SchemaException(pos, "unterminated string literal");
      }
      char c = src.charAt(offset);
      advance();
      if (c == '"') {
        return new Token(Token.Kind.STRING, value.toString(), pos, start, offset);
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (offset >= src.length()) {
        throw new SchemaException(pos, "unterminated string literal");
      }
      char escaped = src.charAt(offset);
      advance();
      switch (escaped) {
        case '"' -> value.append('"');
        case '\\' -> value.append('\\');
        case 'n' -> value.append('\n');
        case 't' -> value.append('\t');
        case 'r' -> value.append('\r');
          // Unknown escapes stay as written so @check patterns such as "\d+" read naturally.
        default -> value.append('\\').append(escaped);
      }
    }
  }

  private void skipTrivia() {
    while (offset < src.length()) {
      char c = src.charAt(offset);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
        advance();
      } else if (c == '/' && peekIs('/')) {
        while (offset < src.length() && src.charAt(offset) != '\n') {
          advance();
        }
      } else if (c == '/' && peekIs('*')) {
        Position open = new Position(line, column);
        advance();
        advance();
        while (!(src.startsWith("*/", offset))) {
          if (offset >= src.length()) {
            throw new SchemaException(open, "unterminated block comment");
          }
          advance();
        }
        advance();
        advance();
      } else {
        return;
      }
    }
  }

  private boolean peekIs(char expected) {
    return offset + 1 < src.length() && src.charAt(offset + 1) == expected;
  }

  private void advance() {
    if (src.charAt(offset) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    offset++;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isWordChar(char c) {
    return isAsciiLetter(c) || isDigit(c) || c == '_';
  }

  private static String printable(char c) {
    return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
  }
}

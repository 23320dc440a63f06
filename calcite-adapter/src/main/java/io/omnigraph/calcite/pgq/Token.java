package io.omnigraph.calcite.pgq;

import java.util.Locale;

/**
 * One token of SQL text: a word (unquoted identifier or keyword), a double-quoted identifier, a
 * string literal, a number or a single punctuation character; {@code start} and {@code end} are
 * offsets into the text it came from.
 */
record Token(Kind kind, String text, int start, int end) {
  enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL, END }

  boolean isWord(String keyword) {
    return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
  }

  boolean isSymbol(char c) {
    return kind == Kind.SYMBOL && text.charAt(0) == c;
  }

  boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED;
  }

  /** The identifier's name: a quoted one exactly, an unquoted one as written. */
  String name() {
    return kind == Kind.QUOTED ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
  }

  /** How a user would recognise this token in an error message. */
  String shown() {
    return kind == Kind.END ? "the end of the GRAPH_TABLE" : "'" + text + "'";
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }
}

package io.omnigraph.engine.schema;

/** One lexical token of {@code .pg} source; {@code text} is decoded for strings, raw otherwise. */
record Token(Kind kind, String text, Position pos, int start, int end) {

  enum Kind {
    TYPE_NAME,
    IDENT,
    INT,
    FLOAT,
    STRING,
    LBRACE,
    RBRACE,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COLON,
    COMMA,
    QUESTION,
    AT,
    ARROW,
    DOTDOT,
    EQUALS,
    MINUS,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isWord(String word) {
    return (kind == Kind.IDENT || kind == Kind.TYPE_NAME) && text.equals(word);
  }

  /** How the token reads in an error message. */
  String describe() {
    return switch (kind) {
      case EOF -> "end of input";
      case STRING -> "string \"" + text + "\"";
      default -> "'" + text + "'";
    };
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.engine.write.LoadMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recognizes graph control statements before SQL parsing. Keywords are case-insensitive; a name is an
 * identifier, a "double quoted" identifier or a 'single quoted' string (branch names may contain
 * {@code /}, which only the quoted forms allow). A statement that starts with a control statement's
 * leading keywords but does not follow its grammar is a syntax error, not SQL: {@code MERGE BRANCH}
 * can never mean SQL's {@code MERGE INTO}.
 */
final class ControlStatementParser {
  private enum Kind { WORD, STRING, QUOTED, NUMBER, SEMICOLON }

  private record Token(Kind kind, String text) {
    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
  }

  private final String sql;
  private final List<Token> tokens;
  private int pos;

  private ControlStatementParser(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** The control statement {@code sql} spells, or empty when it is ordinary SQL. */
  static Optional<ControlStatement> parse(String sql) throws SQLException {
    if (!looksLikeControl(sql)) return Optional.empty();
    ControlStatementParser p = new ControlStatementParser(sql, tokenize(sql));
    ControlStatement statement = p.statement();
    p.accept(Kind.SEMICOLON);
    if (p.pos < p.tokens.size()) throw p.error("unexpected '" + p.tokens.get(p.pos).text() + "'");
    return Optional.of(statement);
  }

  private static boolean looksLikeControl(String sql) {
    List<String> words = leadingWords(sql, 2);
    if (words.isEmpty()) return false;
    String first = words.get(0);
    String second = words.size() > 1 ? words.get(1) : "";
    return switch (first) {
      case "CREATE", "DROP", "USE", "MERGE" -> second.equals("BRANCH");
      case "LOAD" -> second.equals("DATA");
      case "APPLY" -> second.equals("SCHEMA");
      case "ENSURE" -> second.equals("INDICES") || second.equals("INDEXES");
      // No SQL statement starts with these words, so every use of them is ours (a wrong one is 42601, not a parse error).
      case "OPTIMIZE", "CLEANUP", "SHOW", "DESCRIBE", "DESC" -> true;
      default -> false;
    };
  }

  private ControlStatement statement() throws SQLException {
    Token first = next();
    if (first.is("CREATE")) {
      keyword("BRANCH");
      String name = name("branch name");
      return new ControlStatement.CreateBranch(name, accept("FROM") ? name("source branch name") : null);
    }
    if (first.is("DROP")) {
      keyword("BRANCH");
      return new ControlStatement.DropBranch(name("branch name"));
    }
    if (first.is("USE")) {
      keyword("BRANCH");
      return new ControlStatement.UseBranch(name("branch name"));
    }
    if (first.is("MERGE")) {
      keyword("BRANCH");
      String source = name("source branch name");
      String target = accept("INTO") ? name("target branch name") : null;
      return new ControlStatement.MergeBranch(source, target, dryRun());
    }
    if (first.is("LOAD")) {
      keyword("DATA");
      keyword("FROM");
      String path = name("file path");
      LoadMode mode = LoadMode.APPEND;
      if (accept("MODE")) mode = loadMode();
      return new ControlStatement.LoadData(path, mode);
    }
    if (first.is("APPLY")) {
      keyword("SCHEMA");
      keyword("FROM");
      return new ControlStatement.ApplySchema(name("schema file path"), dryRun());
    }
    if (first.is("ENSURE")) {
      next();
      return new ControlStatement.EnsureIndices();
    }
    if (first.is("OPTIMIZE")) return new ControlStatement.Optimize();
    if (first.is("SHOW")) return show();
    if (first.is("DESCRIBE") || first.is("DESC")) {
      accept("TABLE");
      return describe();
    }
    // CLEANUP is the only remaining statement looksLikeControl admits.
    OptionalInt keep = OptionalInt.empty();
    if (accept("KEEP")) {
      keep = OptionalInt.of(positiveInt("version count"));
      keyword("VERSIONS");
    }
    return new ControlStatement.Cleanup(keep);
  }

  private ControlStatement show() throws SQLException {
    Token what = pos < tokens.size() ? tokens.get(pos) : new Token(Kind.SEMICOLON, "");
    if (accept("TABLES")) return new ControlStatement.ShowTables();
    if (accept("BRANCHES")) return new ControlStatement.ShowBranches();
    if (accept("BRANCH")) return new ControlStatement.ShowBranch();
    if (accept("COLUMNS")) {
      if (!accept("FROM")) keyword("IN");
      return describe();
    }
    throw error("expected TABLES, COLUMNS FROM <table>, BRANCHES or BRANCH after SHOW, found '" + what.text()
        + "' (in sqlline, !tables and !columns <table> list tables and columns too)");
  }

  private ControlStatement.Describe describe() throws SQLException {
    boolean exact = pos < tokens.size() && tokens.get(pos).kind() != Kind.WORD;
    return new ControlStatement.Describe(name("table name"), exact);
  }

  private boolean dryRun() throws SQLException {
    if (!accept("DRY")) return false;
    keyword("RUN");
    return true;
  }

  private LoadMode loadMode() throws SQLException {
    Token t = next();
    for (LoadMode m : LoadMode.values()) {
      if (t.is(m.name())) return m;
    }
    throw error("expected OVERWRITE, APPEND or MERGE after MODE, found '" + t.text() + "'");
  }

  private String name(String what) throws SQLException {
    Token t = next();
    if (t.kind() == Kind.WORD || t.kind() == Kind.STRING || t.kind() == Kind.QUOTED) {
      if (!t.text().isEmpty()) return t.text();
    }
    throw error("expected a " + what + " (an identifier, \"quoted\" or 'quoted'), found '" + t.text() + "'");
  }

  private int positiveInt(String what) throws SQLException {
    Token t = next();
    try {
      int n = t.kind() == Kind.NUMBER ? Integer.parseInt(t.text()) : -1;
      if (n > 0) return n;
    } catch (NumberFormatException ignored) {
      // falls through to the error below
    }
    throw error("expected a positive " + what + ", found '" + t.text() + "'");
  }

  private void keyword(String keyword) throws SQLException {
    Token t = next();
    if (!t.is(keyword)) throw error("expected " + keyword + ", found '" + t.text() + "'");
  }

  private boolean accept(String keyword) {
    if (pos < tokens.size() && tokens.get(pos).is(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  private void accept(Kind kind) {
    if (pos < tokens.size() && tokens.get(pos).kind() == kind) pos++;
  }

  private Token next() throws SQLException {
    if (pos >= tokens.size() || tokens.get(pos).kind() == Kind.SEMICOLON) throw error("unexpected end of statement");
    return tokens.get(pos++);
  }

  private SQLException error(String detail) {
    return SqlState.SYNTAX_ERROR.exception("syntax error in graph control statement: " + detail + " in: " + sql.strip());
  }

  // ---- tokenizer ----

  private static List<String> leadingWords(String sql, int count) {
    List<String> words = new ArrayList<>();
    int i = skipSpace(sql, 0);
    while (words.size() < count && i < sql.length() && isWordStart(sql.charAt(i))) {
      int start = i;
      while (i < sql.length() && isWordPart(sql.charAt(i))) i++;
      words.add(sql.substring(start, i).toUpperCase(Locale.ROOT));
      i = skipSpace(sql, i);
    }
    return words;
  }

  private static List<Token> tokenize(String sql) throws SQLException {
    List<Token> out = new ArrayList<>();
    int i = skipSpace(sql, 0);
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (isWordStart(c)) {
        int start = i;
        while (i < sql.length() && isWordPart(sql.charAt(i))) i++;
        out.add(new Token(Kind.WORD, sql.substring(start, i)));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < sql.length() && Character.isLetterOrDigit(sql.charAt(i))) i++;
        out.add(new Token(Kind.NUMBER, sql.substring(start, i)));
      } else if (c == '\'' || c == '"') {
        StringBuilder text = new StringBuilder();
        i = quoted(sql, i, text);
        out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, text.toString()));
      } else if (c == ';') {
        out.add(new Token(Kind.SEMICOLON, ";"));
        i++;
      } else {
        throw SqlState.SYNTAX_ERROR.exception("syntax error in graph control statement: unexpected '" + c
            + "' (quote names that contain it) in: " + sql.strip());
      }
      i = skipSpace(sql, i);
    }
    return out;
  }

  /** Reads a quoted token starting at {@code i}; a doubled quote stands for itself. Returns the index after it. */
  private static int quoted(String sql, int i, StringBuilder text) throws SQLException {
    char quote = sql.charAt(i++);
    while (i < sql.length()) {
      char c = sql.charAt(i++);
      if (c != quote) {
        text.append(c);
      } else if (i < sql.length() && sql.charAt(i) == quote) {
        text.append(quote);
        i++;
      } else {
        return i;
      }
    }
    throw SqlState.SYNTAX_ERROR.exception("syntax error in graph control statement: unterminated " + quote
        + " quote in: " + sql.strip());
  }

  private static int skipSpace(String sql, int i) {
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? sql.length() : eol + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        return i;
      }
    }
    return i;
  }

  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}

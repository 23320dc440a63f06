package io.omnigraph.calcite.pgq;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of the text inside {@code GRAPH_TABLE ( ... )}: the graph name, MATCH
 * with comma-separated path patterns, an optional WHERE and the COLUMNS list. Conditions and column
 * expressions are kept as source text for Calcite to parse with the rest of the statement; only
 * their extent is found here. Constructs of the standard outside the documented subset are refused
 * by name.
 */
final class PatternParser {
  private final String sql;
  private final List<Token> tokens;
  private int pos;
  private int anonymous;

  private PatternParser(String sql, List<Token> tokens) {
    this.sql = sql;
    this.tokens = tokens;
  }

  /** Parses {@code body}, the text between GRAPH_TABLE's parentheses. */
  static GraphTableQuery parse(String body) throws SQLException {
    return new PatternParser(body, Lexer.tokens(body, 0, body.length())).query();
  }

  private GraphTableQuery query() throws SQLException {
    Token graph = next();
    if (!graph.isIdentifier() || graph.isWord("MATCH")) {
      throw GraphTableErrors.syntax("expected the graph name before MATCH, found " + graph.shown());
    }
    if (!graph.name().equalsIgnoreCase("graph") || graph.kind() == Token.Kind.QUOTED && !graph.name().equals("graph")) {
      throw GraphTableErrors.unknownObject("unknown property graph '" + graph.name() + "': this graph is named graph");
    }
    expectWord("MATCH");
    List<PathPattern> paths = new ArrayList<>();
    paths.add(path());
    while (peek().isSymbol(',')) {
      pos++;
      paths.add(path());
    }
    String where = null;
    if (peek().isWord("WHERE")) {
      pos++;
      where = textUntilWord("COLUMNS");
    }
    for (String clause : List.of("KEEP", "ONE", "EXPORT")) {
      if (peek().isWord(clause)) throw GraphTableErrors.unsupported(clause + " (" + peek().upper() + " ...)");
    }
    if (!peek().isWord("COLUMNS")) {
      throw GraphTableErrors.syntax("expected COLUMNS (...) after the pattern, found " + peek().shown());
    }
    pos++;
    Token open = expectSymbol('(');
    int close = matching(pos - 1);
    String columns = sql.substring(open.end(), tokens.get(close).start()).trim();
    if (columns.isEmpty()) throw GraphTableErrors.syntax("COLUMNS needs at least one column");
    pos = close + 1;
    if (peek().kind() != Token.Kind.END) {
      throw GraphTableErrors.syntax("unexpected " + peek().shown() + " after COLUMNS (...)");
    }
    return new GraphTableQuery(sql, paths, where, columns);
  }

  private PathPattern path() throws SQLException {
    String pathVariable = null;
    if (peek().isIdentifier() && tokens.get(pos + 1).isSymbol('=')) {
      pathVariable = next().name();
      pos++;
    }
    boolean shortest = selector();
    PathPattern.PathMode mode = PathPattern.PathMode.WALK;
    for (PathPattern.PathMode m : PathPattern.PathMode.values()) {
      if (peek().isWord(m.name())) {
        pos++;
        mode = m;
        if (peek().isWord("PATH") || peek().isWord("PATHS")) pos++;
      }
    }
    List<ElementPattern.Node> nodes = new ArrayList<>();
    List<ElementPattern.Edge> edges = new ArrayList<>();
    nodes.add(node());
    while (peek().isSymbol('-') || peek().isSymbol('<') || peek().isSymbol('~')) {
      edges.add(edge());
      nodes.add(node());
    }
    return new PathPattern(pathVariable, shortest, mode, nodes, edges);
  }

  /** Reads a path search prefix; true for ANY SHORTEST, the only one supported. */
  private boolean selector() throws SQLException {
    if (peek().isWord("ALL") && tokens.get(pos + 1).isWord("SHORTEST")) throw GraphTableErrors.unsupported("ALL SHORTEST");
    if (peek().isWord("SHORTEST")) throw GraphTableErrors.unsupported("SHORTEST k");
    if (peek().isWord("ALL")) throw GraphTableErrors.unsupported("the ALL path search prefix");
    if (!peek().isWord("ANY")) return false;
    pos++;
    if (peek().kind() == Token.Kind.NUMBER) throw GraphTableErrors.unsupported("ANY k");
    if (!peek().isWord("SHORTEST")) throw GraphTableErrors.unsupported("ANY without SHORTEST");
    pos++;
    if (peek().kind() == Token.Kind.NUMBER) throw GraphTableErrors.unsupported("SHORTEST k");
    if (peek().isWord("PATH") || peek().isWord("PATHS")) pos++;
    return true;
  }

  private ElementPattern.Node node() throws SQLException {
    int openIndex = pos;
    Token open = next();
    if (!open.isSymbol('(')) throw GraphTableErrors.syntax("expected a node pattern '(...)', found " + open.shown());
    if (peek().isSymbol('(')) throw GraphTableErrors.unsupported("a parenthesized path pattern");
    String variable = variable();
    List<String> labels = labels();
    String where = null;
    if (peek().isWord("WHERE")) {
      pos++;
      where = textUntil(matching(openIndex));
    }
    Token close = next();
    if (!close.isSymbol(')')) throw GraphTableErrors.syntax("expected ')' to close a node pattern, found " + close.shown());
    return new ElementPattern.Node(variable, labels, where);
  }

  private ElementPattern.Edge edge() throws SQLException {
    if (peek().isSymbol('~')) throw GraphTableErrors.unsupported("an undirected edge pattern '~'");
    boolean leftArrow = peek().isSymbol('<');
    if (leftArrow) pos++;
    expectSymbol('-');
    String variable;
    List<String> labels;
    String where = null;
    boolean rightArrow;
    if (peek().isSymbol('[')) {
      int open = pos;
      pos++;
      variable = variable();
      labels = labels();
      if (peek().isWord("WHERE")) {
        pos++;
        where = textUntil(matching(open));
      }
      Token close = next();
      if (!close.isSymbol(']')) throw GraphTableErrors.syntax("expected ']' to close an edge pattern, found " + close.shown());
      expectSymbol('-');
      rightArrow = peek().isSymbol('>');
      if (rightArrow) pos++;
    } else {
      variable = "#" + (++anonymous);
      labels = List.of();
      rightArrow = peek().isSymbol('>');
      if (rightArrow) pos++;
    }
    if (leftArrow && rightArrow) throw GraphTableErrors.unsupported("the edge pattern '<-[...]->' (left or right)");
    ElementPattern.Direction direction = leftArrow ? ElementPattern.Direction.IN
        : rightArrow ? ElementPattern.Direction.OUT : ElementPattern.Direction.ANY;
    int[] q = quantifier();
    return new ElementPattern.Edge(variable, labels, where, direction, q[0], q[1]);
  }

  private int[] quantifier() throws SQLException {
    if (peek().isSymbol('+')) {
      pos++;
      return new int[] {1, ElementPattern.Edge.UNBOUNDED};
    }
    if (peek().isSymbol('*')) {
      pos++;
      return new int[] {0, ElementPattern.Edge.UNBOUNDED};
    }
    if (peek().isSymbol('?')) throw GraphTableErrors.unsupported("the quantifier '?'");
    if (!peek().isSymbol('{')) return new int[] {1, 1};
    pos++;
    int min = 0;
    int max;
    if (peek().kind() == Token.Kind.NUMBER) min = count();
    if (peek().isSymbol('}')) {
      pos++;
      if (min < 1) throw GraphTableErrors.syntax("the quantifier {" + min + "} matches no path; use {1} or more");
      return new int[] {min, min};
    }
    expectSymbol(',');
    if (peek().isSymbol('}')) {
      max = ElementPattern.Edge.UNBOUNDED;
    } else {
      max = count();
      if (max < min || max < 1) throw GraphTableErrors.syntax("the quantifier {" + min + "," + max + "} has no length");
    }
    Token close = next();
    if (!close.isSymbol('}')) throw GraphTableErrors.syntax("expected '}' to close a quantifier, found " + close.shown());
    return new int[] {min, max};
  }

  private int count() throws SQLException {
    Token t = next();
    try {
      if (t.kind() == Token.Kind.NUMBER) return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw GraphTableErrors.syntax("expected a whole number in a quantifier, found " + t.shown());
  }

  private String variable() {
    if (peek().isIdentifier() && !peek().isWord("WHERE") && !peek().isWord("IS")) return next().name();
    return "#" + (++anonymous);
  }

  private List<String> labels() throws SQLException {
    if (peek().isWord("IS")) throw GraphTableErrors.unsupported("IS label expressions (write ':Label')");
    if (!peek().isSymbol(':')) return List.of();
    pos++;
    List<String> labels = new ArrayList<>();
    while (true) {
      if (peek().isSymbol('!') || peek().isSymbol('%') || peek().isSymbol('(')) {
        throw GraphTableErrors.unsupported("the label expression " + peek().shown() + " (only Label and Label1|Label2)");
      }
      Token label = next();
      if (!label.isIdentifier()) throw GraphTableErrors.syntax("expected a label after ':', found " + label.shown());
      labels.add(label.name());
      if (peek().isSymbol('&')) throw GraphTableErrors.unsupported("the label conjunction '&'");
      if (!peek().isSymbol('|')) return labels;
      pos++;
    }
  }

  /** The source text from the current token up to (not including) the token at {@code end}. */
  private String textUntil(int end) throws SQLException {
    String text = sql.substring(peek().start(), tokens.get(end).start()).trim();
    if (text.isEmpty()) throw GraphTableErrors.syntax("WHERE needs a condition");
    pos = end;
    return text;
  }

  /** The source text from the current token up to the keyword {@code word} outside parentheses. */
  private String textUntilWord(String word) throws SQLException {
    int depth = 0;
    for (int i = pos; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol('(')) depth++;
      if (t.isSymbol(')')) depth--;
      if (depth == 0 && (t.isWord(word) || t.kind() == Token.Kind.END)) return textUntil(i);
    }
    throw new IllegalStateException("the token list always ends with END");
  }

  /**
   * The index of the token closing the bracket opened by the token at {@code open}, or of the
   * enclosing node/edge's closing bracket when {@code open} is the bracket of a node or edge.
   */
  private int matching(int open) throws SQLException {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol('(') || t.isSymbol('[')) depth++;
      if (t.isSymbol(')') || t.isSymbol(']')) {
        depth--;
        if (depth == 0) return i;
      }
    }
    throw GraphTableErrors.syntax("a bracket opened at '" + sql.substring(tokens.get(open).start(),
        Math.min(sql.length(), tokens.get(open).start() + 30)) + "' is not closed");
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Token.Kind.END) pos++;
    return t;
  }

  private void expectWord(String word) throws SQLException {
    Token t = next();
    if (!t.isWord(word)) throw GraphTableErrors.syntax("expected " + word + ", found " + t.shown());
  }

  private Token expectSymbol(char c) throws SQLException {
    Token t = next();
    if (!t.isSymbol(c)) throw GraphTableErrors.syntax("expected '" + c + "', found " + t.shown());
    return t;
  }
}

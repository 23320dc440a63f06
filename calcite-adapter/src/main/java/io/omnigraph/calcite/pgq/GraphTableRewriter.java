package io.omnigraph.calcite.pgq;

import io.omnigraph.engine.schema.Catalog;
import io.omnigraph.engine.schema.EntityType;
import io.omnigraph.engine.schema.Property;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replaces each {@code GRAPH_TABLE ( ... )} of a statement by a derived table Calcite can plan: the
 * match's binding rows (the table function {@value #FUNCTION}, whose first argument is the pattern
 * text and second the plan EXPLAIN shows), joined on identity with the tables of the variables the
 * COLUMNS and conditions refer to, filtered by the conditions the traversal does not apply itself,
 * and projected to the COLUMNS. Variables become the aliases of their tables, so {@code b.name}
 * means what it says.
 */
public final class GraphTableRewriter {
  /** The internal table function that runs a match. */
  public static final String FUNCTION = "_graph_match";
  private static final String MATCH_ALIAS = "\"#m\"";

  private GraphTableRewriter() {}

  /** True when {@code sql} may hold a GRAPH_TABLE, a cheap test before {@link #rewrite}. */
  public static boolean mentions(String sql) {
    return sql.toUpperCase(Locale.ROOT).contains("GRAPH_TABLE");
  }

  /**
   * Refuses a data change statement that holds a GRAPH_TABLE: its query part is rewritten by the DML
   * planner, which does not know the construct.
   */
  public static void refuseInDml(String sql) throws SQLException {
    List<Token> tokens;
    try {
      tokens = Lexer.tokens(sql, 0, sql.length());
    } catch (SQLException malformed) {
      return; // the DML parser reports it with its position
    }
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).isWord("GRAPH_TABLE") && tokens.get(i + 1).isSymbol('(')) {
        throw GraphTableErrors.unsupported("GRAPH_TABLE in INSERT, UPSERT, UPDATE, DELETE or MERGE (it is for queries)");
      }
    }
  }

  /** {@code sql} with every GRAPH_TABLE replaced; refuses bad patterns with 42xxx SQLExceptions. */
  public static String rewrite(String sql, Catalog catalog) throws SQLException {
    List<Token> tokens = Lexer.tokens(sql, 0, sql.length());
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("GRAPH_TABLE") || !tokens.get(i + 1).isSymbol('(')) continue;
      int close = closing(tokens, i + 1);
      String body = sql.substring(tokens.get(i + 1).end(), tokens.get(close).start());
      out.append(sql, copied, tokens.get(i).start()).append(derivedTable(body, catalog));
      copied = tokens.get(close).end();
      i = close;
    }
    return out.append(sql.substring(copied)).toString();
  }

  private static int closing(List<Token> tokens, int open) throws SQLException {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol('(')) depth++;
      if (tokens.get(i).isSymbol(')') && --depth == 0) return i;
    }
    throw GraphTableErrors.syntax("the parenthesis after GRAPH_TABLE is not closed");
  }

  private static String derivedTable(String body, Catalog catalog) throws SQLException {
    GraphTableQuery q = PatternParser.parse(body);
    PatternPlan plan = PatternPlan.bind(q, catalog);
    Map<String, List<String>> columnsOf = ElementColumns.of(q, plan);
    List<String> conditions = new ArrayList<>(plan.residual);
    if (q.where() != null) conditions.add(q.where());
    Set<String> referenced = new LinkedHashSet<>();
    String columns = quoteAliases(references(namedColumns(q.columns()), plan, columnsOf, referenced));
    List<Token> columnTokens = Lexer.tokens(columns, 0, columns.length());
    if (columnTokens.stream().anyMatch(t -> t.isSymbol('?'))) {
      throw GraphTableErrors.unsupported("a parameter marker in COLUMNS");
    }
    for (int i = 0; i < columnTokens.size(); i++) {
      boolean star = columnTokens.get(i).isSymbol('*');
      if (star && (i == 0 || columnTokens.get(i - 1).isSymbol(',') || columnTokens.get(i - 1).isSymbol('.'))) {
        throw GraphTableErrors.unsupported("'*' in COLUMNS (name each column, e.g. b.name AS name)");
      }
    }
    List<String> where = new ArrayList<>();
    for (String c : conditions) where.add("(" + references(c, plan, columnsOf, referenced) + ")");
    StringBuilder sql = new StringBuilder("(SELECT ").append(columns).append(" FROM TABLE(\"").append(FUNCTION)
        .append("\"(").append(literal(body)).append(", ").append(literal(plan.describe())).append(")) AS ")
        .append(MATCH_ALIAS);
    for (String v : referenced) {
      sql.append(" INNER JOIN ").append(source(plan.types.get(v), columnsOf.get(v))).append(" AS ").append(quoted(v))
          .append(" ON ").append(quoted(v)).append(".\"id\" = ").append(MATCH_ALIAS).append('.')
          .append(quoted(BindingColumns.idColumn(v)));
      if (plan.types.get(v).size() > 1) {
        sql.append(" AND ").append(quoted(v)).append(".\"#type\" = ").append(MATCH_ALIAS).append('.')
            .append(quoted(BindingColumns.typeColumn(v)));
      }
    }
    if (!where.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", where));
    return sql.append(')').toString();
  }

  /**
   * Checks every {@code v.property} of {@code text} against the variable's types, notes {@code v} as
   * referenced, and replaces {@code path_length(p)} by the binding column of path {@code p}.
   */
  private static String references(String text, PatternPlan plan, Map<String, List<String>> columnsOf,
      Set<String> referenced) throws SQLException {
    GraphTableQuery q = plan.query;
    List<Token> t = Lexer.tokens(text, 0, text.length());
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.isWord("path_length") && t.get(i + 1).isSymbol('(')) {
        Token arg = t.get(i + 2);
        if (!arg.isIdentifier() || !t.get(i + 3).isSymbol(')') || !q.pathVariables().contains(arg.name())) {
          throw GraphTableErrors.misuse("path_length takes a path variable declared as MATCH p = ..., near '"
              + text.substring(tok.start(), Math.min(text.length(), tok.start() + 40)) + "'");
        }
        out.append(text, copied, tok.start()).append(MATCH_ALIAS).append('.')
            .append(quoted(BindingColumns.lengthColumn(arg.name())));
        copied = t.get(i + 3).end();
        i += 3;
        continue;
      }
      boolean afterDot = i > 0 && t.get(i - 1).isSymbol('.');
      if (!tok.isIdentifier() || afterDot || !t.get(i + 1).isSymbol('.') || !t.get(i + 2).isIdentifier()) continue;
      String variable = tok.name();
      if (q.pathVariables().contains(variable)) {
        throw GraphTableErrors.misuse("'" + variable + "' is a path variable; use path_length(" + variable + ")");
      }
      if (!columnsOf.containsKey(variable)) {
        if (ElementColumns.isQuantifiedEdge(q, variable)) {
          throw GraphTableErrors.unsupported("a reference to the quantified edge variable '" + variable
              + "', which stands for a list of edges");
        }
        continue;
      }
      String property = t.get(i + 2).name();
      if (!columnsOf.get(variable).contains(property)) {
        List<String> types = plan.types.get(variable).stream().map(EntityType::name).toList();
        throw GraphTableErrors.unknownProperty("'" + variable + "." + property + "': " + variable + " ("
            + String.join("|", types) + ") has no property " + property
            + (types.size() > 1 ? " common to all its types" : ""));
      }
      if (property.equals(EntityType.ID)) {
        // The match already carries every element's identity: no join needed to read it.
        out.append(text, copied, tok.start()).append(MATCH_ALIAS).append('.')
            .append(quoted(BindingColumns.idColumn(variable)));
        copied = t.get(i + 2).end();
        i += 2;
        continue;
      }
      referenced.add(variable);
    }
    return out.append(text.substring(copied)).toString();
  }

  /**
   * Gives each COLUMNS item written as a bare {@code v.property} the name {@code property}, as the
   * standard does, before the reference is rewritten (to a binding column, for {@code v.id}).
   */
  private static String namedColumns(String columns) throws SQLException {
    List<Token> t = Lexer.tokens(columns, 0, columns.length());
    StringBuilder out = new StringBuilder();
    int itemStart = 0;
    int depth = 0;
    for (int i = 0; i < t.size(); i++) {
      Token tok = t.get(i);
      if (tok.isSymbol('(')) depth++;
      if (tok.isSymbol(')')) depth--;
      if (depth > 0 || !(tok.isSymbol(',') || tok.kind() == Token.Kind.END)) continue;
      out.append(columns, t.get(itemStart).start(), tok.start());
      if (i - itemStart == 3 && t.get(itemStart).isIdentifier() && t.get(itemStart + 1).isSymbol('.')
          && t.get(itemStart + 2).isIdentifier()) {
        out.append(" AS ").append(quoted(t.get(itemStart + 2).name()));
      }
      if (tok.isSymbol(',')) out.append(", ");
      itemStart = i + 1;
    }
    return out.toString();
  }

  /** {@code x AS name} becomes {@code x AS "name"}, so a column may be named after a reserved word (start, end, value). */
  private static String quoteAliases(String columns) throws SQLException {
    List<Token> t = Lexer.tokens(columns, 0, columns.length());
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (int i = 1; i < t.size(); i++) {
      Token alias = t.get(i);
      if (alias.kind() == Token.Kind.WORD && t.get(i - 1).isWord("AS")
          && (t.get(i + 1).isSymbol(',') || t.get(i + 1).kind() == Token.Kind.END)) {
        out.append(columns, copied, alias.start()).append(quoted(alias.name()));
        copied = alias.end();
      }
    }
    return out.append(columns.substring(copied)).toString();
  }

  /** One table, or the union of several that a variable with several types reads, with a {@code #type} column. */
  private static String source(List<? extends EntityType> types, List<String> columns) {
    if (types.size() == 1) return "\"graph\"." + quoted(types.get(0).name());
    List<String> parts = new ArrayList<>();
    for (EntityType t : types) {
      StringBuilder sb = new StringBuilder("SELECT ").append(literal(t.name())).append(" AS \"#type\"");
      for (String c : columns) sb.append(", ").append(quoted(c));
      parts.add(sb.append(" FROM \"graph\".").append(quoted(t.name())).toString());
    }
    return "(" + String.join(" UNION ALL ", parts) + ")";
  }

  static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The columns a variable's table (or union of tables) offers: those every one of its types has, with one type. */
  static final class ElementColumns {
    private ElementColumns() {}

    static Map<String, List<String>> of(GraphTableQuery q, PatternPlan plan) {
      Map<String, List<String>> out = new java.util.LinkedHashMap<>();
      for (ElementPattern e : q.boundElements()) out.put(e.variable(), common(plan.types.get(e.variable())));
      return out;
    }

    static boolean isQuantifiedEdge(GraphTableQuery q, String variable) {
      return q.paths().stream().flatMap(p -> p.edges().stream())
          .anyMatch(e -> e.quantified() && e.variable().equals(variable));
    }

    private static List<String> common(List<? extends EntityType> types) {
      List<String> out = new ArrayList<>();
      if (types.isEmpty()) return out;
      EntityType first = types.get(0);
      out.addAll(first.systemColumns());
      for (Property p : first.properties()) {
        boolean everywhere = types.stream().allMatch(t -> t.properties().stream()
            .anyMatch(o -> o.name().equals(p.name()) && o.type().equals(p.type())));
        if (everywhere) out.add(p.name());
      }
      return out;
    }
  }
}

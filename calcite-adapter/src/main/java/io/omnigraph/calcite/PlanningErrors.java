package io.omnigraph.calcite;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.plan.RelOptPlanner;

/**
 * Restates a statement Calcite parsed and validated but could not turn into a running plan as
 * SQLState 0A000, naming the construct. Calcite reports these as a planner dump
 * (CannotPlanException) or a code-generation failure, without a SQLState.
 */
final class PlanningErrors {
  private static final Pattern MISSING = Pattern.compile("Missing conversion is Logical(\\w+)");
  private static final Pattern EXPLAINED_DML =
      Pattern.compile("(?is)^\\s*EXPLAIN\\s+PLAN\\b.*?\\bFOR\\s+(.*)$");

  /** Relational operators Calcite can build but this driver cannot run, by the SQL that makes them. */
  private static final Map<String, String> CONSTRUCTS = Map.of(
      "TableModify", "INSERT, UPDATE, DELETE or MERGE inside a query",
      "Match", "MATCH_RECOGNIZE",
      "Snapshot", "FOR SYSTEM_TIME AS OF",
      "TableFunctionScan", "table functions in FROM",
      "RepeatUnion", "WITH RECURSIVE",
      "Sample", "TABLESAMPLE");

  /** SQL keywords whose queries fail in Calcite's code generation on this driver. */
  private static final String[] GENERATION_KEYWORDS = {"MATCH_RECOGNIZE", "TABLESAMPLE", "RECURSIVE"};

  private PlanningErrors() {}

  /**
   * The 0A000 refusal of {@code EXPLAIN PLAN FOR <DML>} other than UPDATE and DELETE, or null for
   * any other statement: INSERT and MERGE run as engine mutations without a query plan to show.
   */
  static SQLException explainedDml(String sql) {
    Matcher m = EXPLAINED_DML.matcher(sql);
    if (!m.matches() || !DmlKeywords.isDml(m.group(1))) return null;
    String verb = verb(m.group(1));
    return SqlState.FEATURE_NOT_SUPPORTED.exception("EXPLAIN PLAN FOR " + verb + " is not supported: " + verb
        + " runs as a graph mutation, not a query plan; EXPLAIN PLAN FOR works for SELECT, VALUES, WITH, UPDATE"
        + " and DELETE");
  }

  /**
   * For {@code EXPLAIN PLAN ... FOR UPDATE ...} or {@code ... FOR DELETE ...}: the explain clause up
   * to and including {@code FOR}, and the statement; null for anything else.
   */
  static String[] explainedModify(String sql) {
    Matcher m = EXPLAINED_DML.matcher(sql);
    if (!m.matches() || !DmlKeywords.isDml(m.group(1))) return null;
    String verb = verb(m.group(1));
    if (!verb.equals("UPDATE") && !verb.equals("DELETE")) return null;
    return new String[] {sql.substring(0, m.start(1)), m.group(1)};
  }

  private static String verb(String statement) {
    return statement.trim().split("\\s+")[0].toUpperCase(Locale.ROOT);
  }

  /** The 0A000 exception for a failure to plan {@code sql}, or null when {@code failure} is something else. */
  static SQLException of(Throwable failure, String sql) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RelOptPlanner.CannotPlanException) {
        Matcher m = MISSING.matcher(String.valueOf(c.getMessage()));
        String construct = m.find() ? CONSTRUCTS.getOrDefault(m.group(1), "the relational operator " + m.group(1))
            : "a construct of this statement";
        return notSupported(construct, failure);
      }
      if (c.getClass().getName().startsWith("org.codehaus.commons.compiler")) {
        return notSupported(generationConstruct(sql), failure);
      }
    }
    return null;
  }

  private static String generationConstruct(String sql) {
    String upper = sql == null ? "" : sql.toUpperCase(Locale.ROOT);
    for (String k : GENERATION_KEYWORDS) {
      if (upper.contains(k)) return k;
    }
    return "a construct of this statement";
  }

  private static SQLException notSupported(String construct, Throwable cause) {
    return SqlState.FEATURE_NOT_SUPPORTED.exception("not supported: " + construct
        + " (the query planner cannot run it on this driver)", cause);
  }
}

package io.omnigraph.calcite;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses DML with Calcite's parser and plans it as queries plus engine calls (never Calcite's own
 * TableModify, whose UPDATE and DELETE were not safe on rows with equal values). Plans are kept by
 * SQL text.
 */
final class DmlPlanner {
  private static final int MAX_PLANS = 256;
  private static final SqlParser.Config PARSER = SqlParser.config()
      .withParserFactory(FoldingParserFactory.INSTANCE)
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(SqlConformanceEnum.LENIENT);

  private final SqlSession session;
  /** Guarded by {@code this}; access order for least-recently-used eviction. */
  private final Map<String, DmlStatement> plans = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DmlStatement> eldest) {
      return size() > MAX_PLANS;
    }
  };

  DmlPlanner(SqlSession session) {
    this.session = session;
  }

  DmlStatement prepare(String sql, NameIndex names) throws SQLException {
    synchronized (this) {
      DmlStatement cached = plans.get(sql);
      if (cached != null) return cached;
    }
    SqlNode node = parse(sql, names);
    int parameters = parameterCount(node);
    DmlStatement planned;
    if (node instanceof SqlInsert insert) planned = InsertStatement.plan(session, insert, parameters);
    else if (node instanceof SqlUpdate update) planned = UpdateStatement.plan(session, update, parameters);
    else if (node instanceof SqlDelete delete) planned = DeleteStatement.plan(session, delete, parameters);
    else if (node instanceof SqlMerge merge) planned = MergeStatement.plan(session, merge, parameters);
    else throw StatementErrors.syntax("not a DML statement: " + node.getKind());
    synchronized (this) {
      plans.put(sql, planned);
    }
    return planned;
  }

  synchronized void clear() {
    plans.clear();
  }

  private static SqlNode parse(String sql, NameIndex names) throws SQLException {
    return FoldingParserFactory.withNames(names, () -> {
      try {
        return SqlParser.create(sql, PARSER).parseStmt();
      } catch (SqlParseException e) {
        throw SyntaxErrors.of(e, sql);
      }
    });
  }

  private static int parameterCount(SqlNode node) {
    int[] max = {-1};
    node.accept(new SqlBasicVisitor<Void>() {
      @Override
      public Void visit(org.apache.calcite.sql.SqlDynamicParam param) {
        max[0] = Math.max(max[0], param.getIndex());
        return null;
      }
    });
    return max[0] + 1;
  }

  static void checkParameters(int expected, List<Object> params) throws SQLException {
    int given = params == null ? 0 : params.size();
    if (given != expected) {
      throw new SQLException("the statement has " + expected + " parameters but " + given + " values were given",
          StatementErrors.WRONG_PARAMETER_COUNT);
    }
  }
}

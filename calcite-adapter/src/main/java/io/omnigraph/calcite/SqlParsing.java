package io.omnigraph.calcite;

import java.sql.SQLException;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * How statements are parsed: identifiers keep the case they are written in and are then folded
 * against the catalog's names ({@link NameIndex}), double quotes quote identifiers, and the
 * LENIENT conformance accepts the common spellings people type: {@code !=}, {@code LIMIT n},
 * {@code GROUP BY alias}.
 */
final class SqlParsing {
  static final SqlConformanceEnum CONFORMANCE = SqlConformanceEnum.LENIENT;

  private static final SqlParser.Config BASE = SqlParser.config()
      .withQuoting(Quoting.DOUBLE_QUOTE)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(true)
      .withConformance(CONFORMANCE);

  private SqlParsing() {}

  /** One statement, identifiers folded by {@code names}; a syntax error is SQLState 42601 saying where. */
  static SqlNode parse(String sql, NameIndex names) throws SQLException {
    try {
      return SqlParser.create(sql, BASE.withParserFactory(new FoldingParserFactory(names))).parseStmt();
    } catch (SqlParseException e) {
      throw SyntaxErrors.of(e, sql);
    }
  }
}

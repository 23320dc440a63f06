package io.omnigraph.calcite;

import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's standard parser followed by {@link TemporalLiterals} and {@link IdentifierFolding} with
 * the names of one catalog. One factory per catalog: the names to fold by travel with it.
 */
final class FoldingParserFactory implements SqlParserImplFactory {
  private final NameIndex names;

  FoldingParserFactory(NameIndex names) {
    this.names = names;
  }

  @Override
  public SqlAbstractParserImpl getParser(Reader reader) {
    FoldingParser parser = new FoldingParser(reader, names);
    if (reader instanceof SourceStringReader source) parser.setOriginalSql(source.getSourceString());
    return parser;
  }

  private static final class FoldingParser extends SqlParserImpl {
    private final NameIndex names;

    FoldingParser(Reader reader, NameIndex names) {
      super(reader);
      this.names = names;
    }

    @Override
    public SqlNode parseSqlStmtEof() throws Exception {
      return IdentifierFolding.apply(TemporalLiterals.check(super.parseSqlStmtEof()), names);
    }

    @Override
    public SqlNodeList parseSqlStmtList() throws Exception {
      return IdentifierFolding.apply(TemporalLiterals.check(super.parseSqlStmtList()), names);
    }

    @Override
    public SqlNode parseSqlExpressionEof() throws Exception {
      return IdentifierFolding.apply(TemporalLiterals.check(super.parseSqlExpressionEof()), names);
    }
  }
}

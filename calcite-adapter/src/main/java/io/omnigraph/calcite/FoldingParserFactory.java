package io.omnigraph.calcite;

import java.io.Reader;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's standard parser followed by {@link TemporalLiterals} and {@link IdentifierFolding}. Calcite instantiates parser
 * factories by class name from a connection property, so the names to fold by cannot be passed in:
 * a {@link SqlSession} puts them in {@link #FOLD_NAMES} for the duration of each prepare, which
 * runs on the calling thread.
 *
 * <p>Public because Calcite loads it reflectively ({@code parserFactory} connection property).
 */
public final class FoldingParserFactory implements SqlParserImplFactory {
  public static final FoldingParserFactory INSTANCE = new FoldingParserFactory();

  static final ThreadLocal<NameIndex> FOLD_NAMES = new ThreadLocal<>();

  private FoldingParserFactory() {}

  @Override
  public SqlAbstractParserImpl getParser(Reader reader) {
    FoldingParser parser = new FoldingParser(reader);
    if (reader instanceof SourceStringReader source) parser.setOriginalSql(source.getSourceString());
    return parser;
  }

  /** Runs {@code work} with {@code names} in effect for every parse it triggers on this thread. */
  static <T> T withNames(NameIndex names, SqlWork<T> work) throws java.sql.SQLException {
    NameIndex previous = FOLD_NAMES.get();
    FOLD_NAMES.set(names);
    try {
      return work.run();
    } finally {
      if (previous == null) FOLD_NAMES.remove();
      else FOLD_NAMES.set(previous);
    }
  }

  private static final class FoldingParser extends SqlParserImpl {
    FoldingParser(Reader reader) {
      super(reader);
    }

    @Override
    public SqlNode parseSqlStmtEof() throws Exception {
      return IdentifierFolding.apply(TemporalLiterals.check(super.parseSqlStmtEof()), FoldingParserFactory.FOLD_NAMES.get());
    }

    @Override
    public SqlNodeList parseSqlStmtList() throws Exception {
      return IdentifierFolding.apply(TemporalLiterals.check(super.parseSqlStmtList()), FoldingParserFactory.FOLD_NAMES.get());
    }

    @Override
    public SqlNode parseSqlExpressionEof() throws Exception {
      return IdentifierFolding.apply(TemporalLiterals.check(super.parseSqlExpressionEof()), FoldingParserFactory.FOLD_NAMES.get());
    }
  }
}

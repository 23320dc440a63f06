package io.omnigraph.jdbc;

import io.omnigraph.engine.write.LoadResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs graph control statements through a dispatch table: one handler per statement type. A
 * statement whose engine operation does not exist yet answers SQLState 0A000; wiring it up is one
 * {@link #on} line.
 */
final class ControlStatementRunner {
  /** Runs one kind of control statement for a connection; {@code owner} becomes the result set's statement. */
  interface Handler<T extends ControlStatement> {
    ExecutionResult run(T statement, GraphSession session, Statement owner) throws SQLException;
  }

  static final ControlStatementRunner INSTANCE = new ControlStatementRunner();

  private final Map<Class<? extends ControlStatement>, Handler<?>> handlers = new HashMap<>();

  private ControlStatementRunner() {
    on(ControlStatement.UseBranch.class, (s, session, owner) -> {
      session.useBranch(s.name());
      return ExecutionResult.count(0);
    });
    on(ControlStatement.CreateBranch.class, (s, session, owner) -> {
      session.createBranch(s.name(), s.from() == null ? "main" : s.from());
      return ExecutionResult.count(0);
    });
    on(ControlStatement.DropBranch.class, (s, session, owner) -> {
      session.dropBranch(s.name());
      return ExecutionResult.count(0);
    });
    on(ControlStatement.LoadData.class, ControlStatementRunner::load);
    // The engine has no merge, schema apply or maintenance operations yet.
    notYetSupported(ControlStatement.MergeBranch.class);
    notYetSupported(ControlStatement.ApplySchema.class);
    notYetSupported(ControlStatement.EnsureIndices.class);
    notYetSupported(ControlStatement.Optimize.class);
    notYetSupported(ControlStatement.Cleanup.class);
  }

  private <T extends ControlStatement> void on(Class<T> type, Handler<T> handler) {
    handlers.put(type, handler);
  }

  // Every control statement without an engine operation yet changes the graph, so a read-only
  // connection gets its 25006 first: the answer it will keep getting once the operation exists.
  private <T extends ControlStatement> void notYetSupported(Class<T> type) {
    on(type, (s, session, owner) -> {
      session.checkWritable();
      throw SqlState.FEATURE_NOT_SUPPORTED.exception(s.verb() + " is not yet supported");
    });
  }

  @SuppressWarnings("unchecked")
  ExecutionResult run(ControlStatement statement, GraphSession session, Statement owner) throws SQLException {
    Handler<ControlStatement> handler = (Handler<ControlStatement>) handlers.get(statement.getClass());
    if (handler == null) throw SqlState.FEATURE_NOT_SUPPORTED.exception(statement.verb() + " is not yet supported");
    return handler.run(statement, session, owner);
  }

  private static ExecutionResult load(ControlStatement.LoadData s, GraphSession session, Statement owner)
      throws SQLException {
    session.checkWritable();
    Path path;
    try {
      path = Path.of(s.path());
    } catch (InvalidPathException e) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception("LOAD DATA: invalid path '" + s.path() + "'", e);
    }
    if (!Files.isReadable(path)) {
      throw SqlState.IO_ERROR.exception("LOAD DATA: cannot read " + path.toAbsolutePath() + " (no such readable file)");
    }
    try (Reader in = Files.newBufferedReader(path)) {
      LoadResult result = session.load(in, s.mode());
      return ExecutionResult.count(result.total());
    } catch (IOException e) {
      throw SqlState.IO_ERROR.exception("LOAD DATA: cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}

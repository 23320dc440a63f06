package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import io.omnigraph.engine.maintenance.CleanupResult;
import io.omnigraph.engine.merge.MergeResult;
import io.omnigraph.engine.schema.SchemaCompiler;
import io.omnigraph.engine.schema.SqlNameWarning;
import io.omnigraph.engine.schemaapply.SchemaStep;
import io.omnigraph.engine.write.LoadResult;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs graph control statements through a dispatch table: one handler per statement type, so a new
 * statement is one {@link #on} line. Merge, schema apply and maintenance call the engine's operation
 * classes over {@link io.omnigraph.engine.Graph#context()}, the engine's entry points for them.
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
    on(ControlStatement.MergeBranch.class, ControlStatementRunner::merge);
    on(ControlStatement.ApplySchema.class, ControlStatementRunner::applySchema);
    on(ControlStatement.EnsureIndices.class, (s, session, owner) -> ExecutionResult.rows(ControlResults.indexes(owner,
        session.standalone(s.verb(), true, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
            (graph, branch) -> graph.ensureIndices(branch)))));
    on(ControlStatement.Optimize.class, (s, session, owner) -> ExecutionResult.rows(ControlResults.optimize(owner,
        session.standalone(s.verb(), true, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
            (graph, branch) -> graph.optimize()))));
    on(ControlStatement.Cleanup.class, ControlStatementRunner::cleanup);
    on(ControlStatement.ShowTables.class, ShowStatements::tables);
    on(ControlStatement.Describe.class, ShowStatements::describe);
    on(ControlStatement.ShowBranches.class, ShowStatements::branches);
    on(ControlStatement.ShowBranch.class, ShowStatements::branch);
  }

  private <T extends ControlStatement> void on(Class<T> type, Handler<T> handler) {
    handlers.put(type, handler);
  }

  @SuppressWarnings("unchecked")
  ExecutionResult run(ControlStatement statement, GraphSession session, Statement owner) throws SQLException {
    Handler<ControlStatement> handler = (Handler<ControlStatement>) handlers.get(statement.getClass());
    if (handler == null) throw SqlState.FEATURE_NOT_SUPPORTED.exception(statement.verb() + " is not yet supported");
    return handler.run(statement, session, owner);
  }

  /** Into the connection's branch unless INTO names another; the merge commits on the target by itself. */
  private static ExecutionResult merge(ControlStatement.MergeBranch s, GraphSession session, Statement owner)
      throws SQLException {
    MergeResult result = session.standalone(s.verb(), !s.dryRun(), SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
        (graph, branch) -> {
          String target = s.target() == null ? branch : s.target();
          return s.dryRun() ? graph.mergeDryRun(s.source(), target) : graph.merge(s.source(), target, session.settings().actor());
        });
    return ExecutionResult.rows(s.dryRun() ? ControlResults.mergeConflicts(owner, result) : ControlResults.merge(owner, result));
  }

  /**
   * Answers with the plan's steps. DRY RUN only plans, and adds a {@code refused} row when the real
   * apply would be refused now (another branch exists) and a {@code warning} row per name SQL
   * reserves; after a real apply those warnings go to the connection.
   */
  private static ExecutionResult applySchema(ControlStatement.ApplySchema s, GraphSession session, Statement owner)
      throws SQLException {
    if (!s.dryRun()) session.checkWritable();
    String source = new String(readFile(s.verb(), s.path()), StandardCharsets.UTF_8);
    if (s.dryRun()) {
      DryRun dry = session.standalone(s.verb(), false, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
          (graph, branch) -> new DryRun(graph.planSchema(source).steps(), graph.schemaApplyRefusal()));
      return ExecutionResult.rows(ControlResults.schemaDryRun(owner, dry.steps(), dry.refusal(), nameWarnings(source)));
    }
    List<SchemaStep> steps = session.standalone(s.verb(), true, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
        (graph, branch) -> graph.applySchema(source, false).steps());
    if (owner.getConnection() instanceof OmniGraphConnection c) {
      SqlWarnings.namesNeedingQuotes(SchemaCompiler.compile(source)).forEach(c::addWarning);
    }
    return ExecutionResult.rows(ControlResults.schemaSteps(owner, steps));
  }

  private record DryRun(List<SchemaStep> steps, Optional<String> refusal) {}

  /** The schema compiled when it was planned, so this compile cannot fail. */
  private static List<SqlNameWarning> nameWarnings(String source) {
    return SqlNameWarning.of(SchemaCompiler.compile(source));
  }

  private static ExecutionResult cleanup(ControlStatement.Cleanup s, GraphSession session, Statement owner)
      throws SQLException {
    if (s.keepVersions().isEmpty()) {
      throw SqlState.SYNTAX_ERROR.exception("CLEANUP needs KEEP <n> VERSIONS: how many versions of each table to keep");
    }
    int keep = s.keepVersions().getAsInt();
    CleanupResult result = session.standalone(s.verb(), true, SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION,
        (graph, branch) -> graph.cleanup(keep));
    return ExecutionResult.rows(ControlResults.cleanup(owner, result));
  }

  private static ExecutionResult load(ControlStatement.LoadData s, GraphSession session, Statement owner)
      throws SQLException {
    session.checkWritable();
    Path path = readablePath(s.verb(), s.path());
    try (Reader in = Files.newBufferedReader(path)) {
      LoadResult result = session.load(in, s.mode());
      return ExecutionResult.count(result.total());
    } catch (IOException e) {
      throw SqlState.IO_ERROR.exception(s.verb() + ": cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readFile(String verb, String file) throws SQLException {
    Path path = readablePath(verb, file);
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw SqlState.IO_ERROR.exception(verb + ": cannot read " + path.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  /** Relative paths resolve against the JVM's working directory. */
  private static Path readablePath(String verb, String file) throws SQLException {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw SqlState.INVALID_PARAMETER_VALUE.exception(verb + ": invalid path '" + file + "'", e);
    }
    if (!Files.isReadable(path)) {
      throw SqlState.IO_ERROR.exception(verb + ": cannot read " + path.toAbsolutePath() + " (no such readable file)");
    }
    return path;
  }
}

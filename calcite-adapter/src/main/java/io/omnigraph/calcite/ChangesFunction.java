package io.omnigraph.calcite;

import java.util.List;
import org.apache.calcite.linq4j.function.Parameter;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.TableFunction;
import org.apache.calcite.schema.impl.TableFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The table function {@code _graph_changes(from, to)}: the entity-level changes (SPEC §8) that
 * lead from one graph state to another, {@code SELECT * FROM TABLE(_graph_changes('main',
 * 'feature'))}. Each argument is a branch name (its latest commit) or a commit id.
 *
 * <p>Public only because the code Calcite generates for a query calls {@link #changes}; it is not
 * an API.
 */
public final class ChangesFunction {
  static final String NAME = "_graph_changes";
  static final List<SystemTable.Column> COLUMNS = List.of(
      new SystemTable.Column("kind", SqlTypeName.VARCHAR, false),
      new SystemTable.Column("type_name", SqlTypeName.VARCHAR, false),
      new SystemTable.Column("entity_id", SqlTypeName.VARCHAR, false),
      new SystemTable.Column("op", SqlTypeName.VARCHAR, false),
      new SystemTable.Column("src", SqlTypeName.VARCHAR, true),
      new SystemTable.Column("dst", SqlTypeName.VARCHAR, true));

  static final TableFunction FUNCTION = TableFunctionImpl.create(ChangesFunction.class, "changes");

  private ChangesFunction() {}

  /**
   * The changes from {@code from} to {@code to}. Planning calls this too, to learn the row type,
   * so it only captures the arguments; the graph is read when the table is scanned.
   */
  public static ScannableTable changes(@Parameter(name = "from_target") String from,
      @Parameter(name = "to_target") String to) {
    return new ChangesTable(from, to);
  }
}

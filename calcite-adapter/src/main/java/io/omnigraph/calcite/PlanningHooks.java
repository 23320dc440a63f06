package io.omnigraph.calcite;

import java.sql.SQLException;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;

/**
 * Three changes to how Calcite plans a SqlSession's statements, made through Calcite's thread-local
 * hooks because its connection properties cannot express them:
 *
 * <ul>
 *   <li>Integer arithmetic is checked: {@code +}, {@code -}, {@code *}, {@code /} and unary minus on
 *       INTEGER and BIGINT raise an {@link ArithmeticException} (SQLState 22003) where Java would
 *       wrap around. Calcite checks arithmetic only under the BigQuery and SQL Server conformances,
 *       and we keep LENIENT for its spellings.
 *   <li>Sums and averages of integers add up in DECIMAL ({@link WideAggregates}).
 *   <li>{@code x IN (literal, ...)} stays a predicate however long the list is, rather than
 *       becoming a join with a VALUES table past 20 items, whose generated code for 100,000 items
 *       is too large to compile; the scan filter takes it whole.
 * </ul>
 */
final class PlanningHooks {
  private static final Program CHECKED_STANDARD = (planner, rel, traits, materializations, lattices) ->
      Programs.standard().run(planner, checked(rel), traits, materializations, lattices);

  private PlanningHooks() {}

  /** Runs {@code work}, which prepares statements on this thread, with all three changes in effect. */
  static <T> T around(SqlWork<T> work) throws SQLException {
    try (Hook.Closeable program = Hook.PROGRAM.addThread(PlanningHooks::useCheckedProgram);
        Hook.Closeable converter = Hook.SQL2REL_CONVERTER_CONFIG_BUILDER.addThread(PlanningHooks::keepInLists)) {
      return work.run();
    }
  }

  private static void useCheckedProgram(Holder<Program> holder) {
    holder.set(CHECKED_STANDARD);
  }

  private static void keepInLists(Holder<SqlToRelConverter.Config> holder) {
    holder.set(holder.get().withInSubQueryThreshold(Integer.MAX_VALUE));
  }

  private static RelNode checked(RelNode rel) {
    return new ConvertToChecked(rel.getCluster().getRexBuilder(), true).visit(rel).accept(new WideAggregates());
  }
}

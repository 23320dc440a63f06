package io.omnigraph.calcite;

import io.omnigraph.engine.write.GraphTransaction;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A parsed and planned INSERT, UPSERT, UPDATE, DELETE or MERGE. Reusable: each execution applies the
 * statement to the given transaction, reading through it so the transaction's earlier statements
 * are visible. Nothing is committed here.
 */
public interface DmlStatement {
  /** The number of {@code ?} markers in the statement. */
  int parameterCount();

  /**
   * Applies the statement to {@code tx}.
   *
   * @param params one value per {@code ?}, in the order they appear in the statement text
   * @param stop raised to stop the statement: the query it runs stops at the next row it reads
   * @throws SQLException for a wrong parameter count or a value that cannot be converted; engine
   *     failures (constraint violations and the like) propagate as the engine's exceptions
   */
  DmlResult execute(GraphTransaction tx, List<Object> params, BooleanSupplier stop) throws SQLException;

  /** As {@link #execute(GraphTransaction, List, BooleanSupplier)}, never stopped. */
  default DmlResult execute(GraphTransaction tx, List<Object> params) throws SQLException {
    return execute(tx, params, () -> false);
  }

  /**
   * Applies the statement once per parameter set, in order, as one write to {@code tx}, when it can
   * do so in bulk; otherwise returns null and changes nothing, and the caller runs {@link #execute}
   * per set. The outcome is what running {@link #execute} per set would give: the same rows, the
   * same refusals (nothing of the batch kept in {@code tx} then), one count per set and the ids in
   * order.
   *
   * @param failedAt told the index of the parameter set a failure belongs to, before it is thrown;
   *     not told for a failure of the whole batch
   */
  default Bulk executeAll(GraphTransaction tx, List<List<Object>> paramSets, IntConsumer failedAt) throws SQLException {
    return null;
  }

  /** What {@link #executeAll} wrote: one count per parameter set, and the ids of the rows written. */
  record Bulk(long[] counts, List<String> generatedIds) {}
}

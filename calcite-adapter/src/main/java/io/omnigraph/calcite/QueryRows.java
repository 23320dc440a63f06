package io.omnigraph.calcite;

import java.sql.SQLException;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.util.Cursor;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.ArrayEnumeratorCursor;
import org.apache.calcite.runtime.ObjectEnumeratorCursor;

/**
 * The rows of one execution of a {@link QueryPlan}, read from the plan's enumerator as the rows are
 * asked for. Values are read with Avatica's accessors for each column's representation, the same
 * conversions (getString of a number, getInt of a decimal, getObject of a DATE) Calcite's own
 * result sets make. A plan that is a plain scan is read from the scan directly ({@link ScanCursor}).
 * Closing closes the enumerator and every scan the execution opened.
 */
final class QueryRows extends AvaticaResultSet {
  private final GraphExecution execution;

  private QueryRows(QueryPlan plan, GraphExecution execution) throws SQLException {
    super(null, new QueryState(plan.sql()), plan.signature(), plan.metaData(), TimeZone.getDefault(),
        Meta.Frame.EMPTY);
    this.execution = execution;
  }

  static QueryRows start(QueryPlan plan, GraphExecution execution) throws SQLException {
    Cursor cursor = plan.plainScan() != null ? new ScanCursor(plan, execution) : planned(plan, execution);
    QueryRows result = new QueryRows(plan, execution);
    result.execute2(cursor, plan.columns());
    return result;
  }

  /** The rows of the plan's generated code. */
  @SuppressWarnings("unchecked")
  private static Cursor planned(QueryPlan plan, GraphExecution execution) {
    Enumerator<Object> rows = new Evaluated(plan.bindable().bind(execution).enumerator());
    return plan.scalarRows()
        ? new ObjectEnumeratorCursor(rows)
        : new ArrayEnumeratorCursor((Enumerator<Object[]>) (Enumerator<?>) rows);
  }

  /**
   * Evaluates each row as the cursor moves to it. Calcite computes projections in {@code current()},
   * so an overflow in {@code SELECT total + 1} would otherwise surface in a getter rather than in
   * {@code next()}, where the statement's failures are reported and its scans released.
   */
  private static final class Evaluated implements Enumerator<Object> {
    private final Enumerator<Object> inner;
    private Object current;

    Evaluated(Enumerator<Object> inner) {
      this.inner = inner;
    }

    @Override
    public Object current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (!inner.moveNext()) {
        current = null;
        return false;
      }
      current = inner.current();
      return true;
    }

    @Override
    public void reset() {
      inner.reset();
      current = null;
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      execution.close(null);
    }
  }
}

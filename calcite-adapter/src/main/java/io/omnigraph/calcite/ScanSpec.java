package io.omnigraph.calcite;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * What one planned graph table scan reads: columns, pushed filter and limit. Plans are cached and
 * re-executed, so the view and parameter values are resolved per execution in {@link #enumerable}.
 *
 * <p>Public only because the code Calcite generates for a plan calls {@link #enumerable}.
 */
public final class ScanSpec {
  private final String typeName;
  private final List<String> columns;
  private final ScanFilter filter;
  private final ScanLimit limit;

  ScanSpec(String typeName, List<String> columns, ScanFilter filter, ScanLimit limit) {
    this.typeName = typeName;
    if (columns.isEmpty()) throw new IllegalArgumentException("a scan reads at least one column");
    this.columns = List.copyOf(columns);
    this.filter = filter;
    this.limit = limit;
  }

  /**
   * The rows of one execution, read lazily: nothing is fetched before the first row is asked for.
   * A row is an {@code Object[]}, or the bare value when the scan has one column (the row format
   * Calcite expects of one-column inputs).
   */
  public Enumerable<Object> enumerable(DataContext execution) {
    GraphExecution graphExecution = GraphExecution.of(execution);
    ReadView view = graphExecution.view();
    ScanRequest request = request(execution);
    int width = columns.size();
    BooleanSupplier stop = graphExecution.stopSignal();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        return new CursorEnumerator(() -> view.scan(typeName, request), width, stop, graphExecution);
      }
    };
  }

  /** What one execution reads: the parameters of the filter and limit resolved. */
  ScanRequest request(DataContext execution) {
    Predicate predicate = filter == null ? Predicate.TRUE : filter.bind(execution);
    OptionalLong rows = limit == null ? OptionalLong.empty() : limit.rows(execution);
    return new ScanRequest(columns, predicate, rows);
  }

  String typeName() {
    return typeName;
  }

  /** Streams a {@link RowCursor}, converting each value to Calcite's representation. */
  static final class CursorEnumerator implements Enumerator<Object> {
    private final Supplier<RowCursor> open;
    private final int width;
    private final BooleanSupplier stop;
    private final GraphExecution execution;
    private RowCursor cursor;
    private Object current;

    CursorEnumerator(Supplier<RowCursor> open, int width, BooleanSupplier stop, GraphExecution execution) {
      this.open = open;
      this.width = width;
      this.stop = stop;
      this.execution = execution;
    }

    @Override
    public Object current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (stop.getAsBoolean()) throw new ExecutionStopped();
      if (cursor == null) {
        cursor = open.get();
        // Noted at each open: a reset (a nested loop's inner side) closes the cursor and opens it again.
        execution.opened(this);
      }
      if (!cursor.next()) {
        current = null;
        return false;
      }
      Object[] row = cursor.row();
      if (width == 1) {
        current = InternalValues.of(row[0]);
      } else {
        Object[] out = new Object[width];
        for (int i = 0; i < width; i++) out[i] = InternalValues.of(row[i]);
        current = out;
      }
      return true;
    }

    @Override
    public void reset() {
      close();
    }

    @Override
    public void close() {
      if (cursor != null) {
        RowCursor c = cursor;
        cursor = null;
        c.close();
      }
      execution.closed(this);
    }
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import io.omnigraph.engine.read.VectorCursor;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.arrow.vector.FieldVector;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.util.AbstractCursor;
import org.apache.calcite.avatica.util.ArrayImpl;

/**
 * The rows of a {@link PlainScan}, read from the engine's cursor without the plan's generated code.
 * When the scan reads stored batches as they are ({@link VectorCursor}), each getter reads the
 * current row's cell from its Arrow vector: the common getters of a column's own type directly
 * ({@link VectorAccessor}), every other one through Avatica's accessor for the column, fed the cell
 * in Calcite's representation, so conversions and their errors are those of every other result.
 * A scan that overlays pending rows or filters in memory is read row by row, as the plan would.
 *
 * <p>Like the plan's scans, it stops at the next row once the execution's stop signal is raised,
 * opens lazily and is closed with the execution.
 */
final class ScanCursor extends AbstractCursor {
  private final QueryPlan plan;
  private final ReadView view;
  private final String typeName;
  private final ScanRequest request;
  /** For each result column, the scan column it reads. */
  private final int[] columns;
  private final BooleanSupplier stop;
  private final GraphExecution execution;
  private RowCursor cursor;
  /** The cursor, when it can be read in place; decided once, when the scan opens. */
  private VectorCursor vectors;
  /** The current row in Calcite's representation, when the scan is read row by row. */
  private Object[] row;

  ScanCursor(QueryPlan plan, GraphExecution execution) {
    PlainScan scan = plan.plainScan();
    this.plan = plan;
    this.view = execution.view();
    this.typeName = scan.spec().typeName();
    this.request = scan.spec().request(execution);
    this.columns = scan.columns().clone();
    this.stop = execution.stopSignal();
    this.execution = execution;
  }

  @Override
  public boolean next() {
    if (stop.getAsBoolean()) throw new ExecutionStopped();
    if (cursor == null) open();
    if (!cursor.next()) {
      row = null;
      return false;
    }
    if (vectors == null) {
      Object[] values = cursor.row();
      for (int i = 0; i < values.length; i++) values[i] = InternalValues.of(values[i]);
      row = values;
    }
    return true;
  }

  private void open() {
    cursor = view.scan(typeName, request);
    execution.opened(this);
    if (cursor instanceof VectorCursor v) {
      vectors = v;
      plan.readColumnar();
    }
  }

  boolean inPlace() {
    return vectors != null;
  }

  /** The vector of result column {@code column} (0-based) in the current batch. */
  FieldVector vector(int column) {
    return vectors.vector(columns[column]);
  }

  int rowIndex() {
    return vectors.rowIndex();
  }

  void setNull(boolean isNull) {
    wasNull[0] = isNull;
  }

  @Override
  public List<Accessor> createAccessors(List<ColumnMetaData> types, Calendar localCalendar, ArrayImpl.Factory factory) {
    List<Accessor> plain = super.createAccessors(types, localCalendar, factory);
    List<Accessor> out = new ArrayList<>(plain.size());
    for (int i = 0; i < plain.size(); i++) out.add(new VectorAccessor(plain.get(i), this, i));
    return out;
  }

  @Override
  protected Getter createGetter(int ordinal) {
    return new Getter() {
      @Override
      public Object getObject() {
        Object value = inPlace() ? VectorValues.of(vector(ordinal), rowIndex()) : row[columns[ordinal]];
        wasNull[0] = value == null;
        return value;
      }

      @Override
      public boolean wasNull() {
        return wasNull[0];
      }
    };
  }

  @Override
  public void close() {
    if (cursor != null) {
      RowCursor c = cursor;
      cursor = null;
      vectors = null;
      c.close();
    }
    execution.closed(this);
  }
}

package io.omnigraph.calcite;

import java.sql.ParameterMetaData;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.AvaticaResultSetMetaData;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;

/**
 * A planned query: the compiled plan, its result columns and its parameters. Immutable and free of
 * any connection's state (the view, the parameter values and the stop signal arrive with each
 * execution, see {@link GraphExecution}), so one plan serves every connection of a graph and every
 * execution of a prepared statement.
 *
 * <p>Public so that the driver can describe a prepared statement's result and parameters.
 */
public final class QueryPlan {
  private final String sql;
  private final Bindable<Object> bindable;
  private final Meta.Signature signature;
  /** The validator's type of each parameter, as {@link java.sql.Types}. */
  private final int[] parameterTypes;
  /** Values the generated code reads from the execution's context by name. */
  private final Map<String, Object> internalParameters;
  /** Null unless the result is one scan's columns as read. */
  private final PlainScan plainScan;
  private final LongAdder columnarReads = new LongAdder();

  private QueryPlan(String sql, Bindable<Object> bindable, Meta.Signature signature, int[] parameterTypes,
      Map<String, Object> internalParameters, PlainScan plainScan) {
    this.sql = sql;
    this.plainScan = plainScan;
    this.internalParameters = internalParameters;
    this.bindable = bindable;
    this.signature = signature;
    this.parameterTypes = parameterTypes;
  }

  @SuppressWarnings("unchecked")
  static QueryPlan of(String sql, GraphPrepare.Prepared prepared, org.apache.calcite.rel.type.RelDataType rowType,
      org.apache.calcite.adapter.java.JavaTypeFactory typeFactory) {
    List<ColumnMetaData> columns = ResultColumns.of(typeFactory, rowType, prepared.result().getFieldOrigins());
    List<AvaticaParameter> parameters = ResultColumns.parameters(prepared.result().getParameterRowType());
    Class<?> rowClass = prepared.result() instanceof Typed typed ? (Class<?>) typed.getElementType() : null;
    Meta.CursorFactory cursor = Meta.CursorFactory.deduce(columns, rowClass);
    Bindable<Object> bindable = prepared.result().getBindable(cursor);
    int[] types = new int[parameters.size()];
    for (int i = 0; i < types.length; i++) types[i] = parameters.get(i).parameterType;
    Meta.Signature signature = new Meta.Signature(columns, sql, parameters, Map.of(), cursor, Meta.StatementType.SELECT);
    return new QueryPlan(sql, bindable, signature, types, prepared.internalParameters(), prepared.plainScan());
  }

  public String sql() {
    return sql;
  }

  public int parameterCount() {
    return parameterTypes.length;
  }

  /** The {@link java.sql.Types} the validator inferred for parameter {@code index} (1-based). */
  int parameterType(int index) {
    return parameterTypes[index - 1];
  }

  List<ColumnMetaData> columns() {
    return signature.columns;
  }

  Meta.Signature signature() {
    return signature;
  }

  /** True when rows are bare values rather than arrays: a result of one column. */
  boolean scalarRows() {
    return signature.cursorFactory.style == Meta.Style.OBJECT;
  }

  Map<String, Object> internalParameters() {
    return internalParameters;
  }

  Bindable<Object> bindable() {
    return bindable;
  }

  PlainScan plainScan() {
    return plainScan;
  }

  void readColumnar() {
    columnarReads.increment();
  }

  /**
   * How many executions of this plan read their rows in place from the scan's Arrow batches rather
   * than row by row, for tests and diagnostics. An execution counts once it has read its first batch.
   */
  public long columnarReads() {
    return columnarReads.sum();
  }

  /** The result columns: names, SQL types, nullability, precision and scale. */
  public ResultSetMetaData metaData() {
    return new AvaticaResultSetMetaData(null, sql, signature);
  }

  /** The parameters with the types the validator inferred for them. */
  public ParameterMetaData parameterMetaData() {
    return new PlanParameters(new ArrayList<>(signature.parameters));
  }

  @Override
  public String toString() {
    return "QueryPlan[" + sql + "]";
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import java.util.Arrays;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What one planned {@link EnumerableGraphCount} counts. The view and the filter's parameters are
 * resolved per execution, as {@link ScanSpec} does.
 *
 * <p>Public only because the code Calcite generates for a plan calls {@link #enumerable}.
 */
public final class CountSpec {
  private final String typeName;
  private final ScanFilter filter;
  private final int columns;

  CountSpec(String typeName, ScanFilter filter, int columns) {
    this.typeName = typeName;
    this.filter = filter;
    this.columns = columns;
  }

  /** One row holding the count in each column (a bare value when there is one column). */
  public Enumerable<Object> enumerable(DataContext execution) {
    ReadView view = GraphExecution.of(execution).view();
    Predicate predicate = filter == null ? Predicate.TRUE : filter.bind(execution);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object> enumerator() {
        long count = view.count(typeName, predicate);
        if (columns == 1) return Linq4j.singletonEnumerator(count);
        Object[] row = new Object[columns];
        Arrays.fill(row, count);
        return Linq4j.singletonEnumerator(row);
      }
    };
  }
}

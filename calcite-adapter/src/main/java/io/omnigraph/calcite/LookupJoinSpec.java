package io.omnigraph.calcite;

import io.omnigraph.engine.read.Predicate;
import io.omnigraph.engine.read.ReadView;
import io.omnigraph.engine.read.RowCursor;
import io.omnigraph.engine.read.ScanRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * How one planned {@link EnumerableLookupJoin} runs: it reads every left row, groups them by join
 * key, then scans the right table once for just those keys (an {@code IN} filter on an identity
 * column, which the table's BTREE index answers) and emits each right row with the left rows of
 * its key. More distinct keys than {@code maxKeys} (system property {@value #MAX_KEYS_PROPERTY},
 * default 4,096) scan the right table whole instead, as a hash join would.
 *
 * <p>Public only because the code Calcite generates for a plan calls {@link #join}.
 */
public final class LookupJoinSpec {
  static final String MAX_KEYS_PROPERTY = "omnigraph.lookupJoin.maxKeys";

  private final String typeName;
  private final List<String> columns;
  private final ScanFilter filter;
  private final int leftKey;
  private final int rightKey;
  private final int leftWidth;
  private final int maxKeys;

  LookupJoinSpec(String typeName, List<String> columns, ScanFilter filter, int leftKey,
      int rightKey, int leftWidth) {
    this.maxKeys = Integer.getInteger(MAX_KEYS_PROPERTY, 4_096);
    this.typeName = typeName;
    this.columns = List.copyOf(columns);
    this.filter = filter;
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.leftWidth = leftWidth;
  }

  /** The joined rows of one execution: left columns then right columns. */
  public Enumerable<Object[]> join(Enumerable<Object[]> left, DataContext execution) {
    GraphExecution graphExecution = GraphExecution.of(execution);
    ReadView view = graphExecution.view();
    Predicate base = filter == null ? Predicate.TRUE : filter.bind(execution);
    BooleanSupplier stop = graphExecution.stopSignal();
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        Map<Object, List<Object[]>> byKey = new HashMap<>();
        try (Enumerator<Object[]> rows = left.enumerator()) {
          while (rows.moveNext()) {
            if (stop.getAsBoolean()) throw new ExecutionStopped();
            Object[] row = rows.current();
            if (row[leftKey] != null) byKey.computeIfAbsent(row[leftKey], k -> new ArrayList<>(1)).add(row);
          }
        }
        if (byKey.isEmpty()) return Linq4j.emptyEnumerator();
        Predicate predicate = base;
        if (byKey.size() <= maxKeys) {
          predicate = Predicate.and(new Predicate.In(columns.get(rightKey), List.copyOf(byKey.keySet())), base);
        }
        ScanRequest request = new ScanRequest(columns, predicate, OptionalLong.empty());
        RowCursor cursor = view.scan(typeName, request);
        graphExecution.opened(cursor);
        return new Joined(cursor, byKey, stop);
      }
    };
  }

  /** Streams right rows, each followed out by the left rows of its key. */
  private final class Joined implements Enumerator<Object[]> {
    private final RowCursor right;
    private final Map<Object, List<Object[]>> byKey;
    private final BooleanSupplier stop;
    private Object[] rightRow;
    private List<Object[]> matches = List.of();
    private int next;
    private Object[] current;

    Joined(RowCursor right, Map<Object, List<Object[]>> byKey, BooleanSupplier stop) {
      this.right = right;
      this.byKey = byKey;
      this.stop = stop;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (next >= matches.size()) {
        if (stop.getAsBoolean()) throw new ExecutionStopped();
        if (!right.next()) return false;
        Object[] raw = right.row();
        Object key = InternalValues.of(raw[rightKey]);
        matches = key == null ? List.of() : byKey.getOrDefault(key, List.of());
        next = 0;
        if (matches.isEmpty()) continue;
        rightRow = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) rightRow[i] = InternalValues.of(raw[i]);
      }
      Object[] l = matches.get(next++);
      Object[] out = new Object[leftWidth + rightRow.length];
      System.arraycopy(l, 0, out, 0, leftWidth);
      System.arraycopy(rightRow, 0, out, leftWidth, rightRow.length);
      current = out;
      return true;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("a lookup join is read once");
    }

    @Override
    public void close() {
      right.close();
    }
  }
}

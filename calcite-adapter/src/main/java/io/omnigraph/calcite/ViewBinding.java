package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.calcite.DataContext;

/**
 * Decides which graph state one statement execution reads. Calcite hands every table of one
 * execution the same {@link DataContext}, so the first table to ask fixes the view for all the
 * others: a join never reads two different commits.
 */
final class ViewBinding {
  private final ViewProvider provider;
  /** Keys are compared by identity and dropped once the execution is unreachable. */
  private final Map<DataContext, ReadView> byExecution = Collections.synchronizedMap(new WeakHashMap<>());
  /** Set while a DML statement runs its query: it must read the transaction it writes to. */
  private final ThreadLocal<ReadView> pinned = new ThreadLocal<>();

  ViewBinding(ViewProvider provider) {
    this.provider = provider;
  }

  ReadView viewFor(DataContext execution) {
    ReadView p = pinned.get();
    if (p != null) return p;
    return byExecution.computeIfAbsent(execution, e -> provider.view());
  }

  /** Runs {@code work} with every execution it starts reading {@code view}. */
  <T> T readingFrom(ReadView view, SqlWork<T> work) throws SQLException {
    ReadView previous = pinned.get();
    pinned.set(view);
    try {
      return work.run();
    } finally {
      if (previous == null) pinned.remove();
      else pinned.set(previous);
    }
  }
}

package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;
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

  /** Set while a statement starts executing: when its scans must stop. */
  private final ThreadLocal<BooleanSupplier> stop = new ThreadLocal<>();

  /** Set while a statement starts executing: the scans it opens, to close if it fails before returning rows. */
  private final ThreadLocal<List<AutoCloseable>> opening = new ThreadLocal<>();

  ViewBinding(ViewProvider provider) {
    this.provider = provider;
  }

  ReadView viewFor(DataContext execution) {
    ReadView p = pinned.get();
    if (p != null) return p;
    return byExecution.computeIfAbsent(execution, e -> provider.view());
  }

  /** The stop signal of the execution starting on this thread; never raised if none was given. */
  BooleanSupplier stopSignal() {
    BooleanSupplier s = stop.get();
    return s == null ? NEVER : s;
  }

  private static final BooleanSupplier NEVER = () -> false;

  /**
   * Runs {@code work} with every execution it starts checking {@code signal} at each row its scans
   * read, throwing {@link ExecutionStopped} once it is raised. Scans are where every operator's
   * input comes from (a nested-loop join reopens its inner scan per outer row), so joins,
   * aggregates and sorts all stop within a row of the signal.
   */
  <T> T stoppingWhen(BooleanSupplier signal, SqlWork<T> work) throws SQLException {
    return with(stop, signal, work);
  }

  /** Notes a scan an execution opened; only while a statement is starting (see {@link #closingOnFailure}). */
  void opened(AutoCloseable scan) {
    List<AutoCloseable> list = opening.get();
    if (list != null) list.add(scan);
  }

  /**
   * Runs the start of a statement's execution. Calcite opens scans and reads the first rows before
   * it hands out a result set; if that fails, nobody holds the result set that would close them, so
   * they are closed here and their Arrow buffers released.
   */
  <T> T closingOnFailure(SqlWork<T> work) throws SQLException {
    List<AutoCloseable> scans = new ArrayList<>();
    return with(opening, scans, () -> {
      try {
        return work.run();
      } catch (SQLException | RuntimeException | Error e) {
        for (AutoCloseable scan : scans) {
          try {
            scan.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    });
  }

  /** Runs {@code work} with every execution it starts reading {@code view}. */
  <T> T readingFrom(ReadView view, SqlWork<T> work) throws SQLException {
    return with(pinned, view, work);
  }

  /** Runs {@code work} with {@code local} set to {@code value} on this thread, then as it was. */
  private static <V, T> T with(ThreadLocal<V> local, V value, SqlWork<T> work) throws SQLException {
    V previous = local.get();
    local.set(value);
    try {
      return work.run();
    } finally {
      if (previous == null) local.remove();
      else local.set(previous);
    }
  }
}

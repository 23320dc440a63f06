package io.omnigraph.calcite;

import io.omnigraph.engine.read.ReadView;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * One execution of a planned statement, as the plan's generated code and the graph's tables see it:
 * the one view every table of the execution reads (a join never reads two commits), the parameter
 * values, the signal that stops its scans, and the scans it opened, closed with the execution even
 * when an operator that failed did not close them.
 *
 * <p>Also carries the variables Calcite's generated code reads from any {@link DataContext}: the
 * statement's clock (CURRENT_TIMESTAMP is one value for the whole statement), time zone, locale
 * and user.
 */
final class GraphExecution implements DataContext {
  private static final BooleanSupplier NEVER = () -> false;

  private final SchemaPlus rootSchema;
  private final JavaTypeFactory typeFactory;
  private final ReadView view;
  private final BooleanSupplier stop;
  private final Map<String, Object> variables;
  /** Guarded by itself; identity, because two scans of one table are equal only if they are the same scan. */
  private final Set<AutoCloseable> opened = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean closed;

  GraphExecution(SchemaPlus rootSchema, JavaTypeFactory typeFactory, ReadView view, List<Object> parameters,
      Map<String, Object> internalParameters, BooleanSupplier stop) {
    this.rootSchema = rootSchema;
    this.typeFactory = typeFactory;
    this.view = view;
    this.stop = stop == null ? NEVER : stop;
    this.variables = variables(parameters);
    variables.putAll(internalParameters);
  }

  /** The context planning hands to Calcite's constant reduction; it reads no graph state. */
  static GraphExecution forPlanning(SchemaPlus rootSchema, JavaTypeFactory typeFactory) {
    return new GraphExecution(rootSchema, typeFactory, null, List.of(), Map.of(), NEVER);
  }

  /** The execution {@code context} is; every plan of this adapter is bound to one. */
  static GraphExecution of(DataContext context) {
    if (context instanceof GraphExecution e) return e;
    throw new IllegalStateException("a graph table was read outside a graph execution: " + context);
  }

  private static Map<String, Object> variables(List<Object> parameters) {
    long now = System.currentTimeMillis();
    TimeZone zone = TimeZone.getDefault();
    long offset = zone.getOffset(now);
    Map<String, Object> vars = new java.util.HashMap<>();
    vars.put(Variable.UTC_TIMESTAMP.camelName, now);
    vars.put(Variable.CURRENT_TIMESTAMP.camelName, now + offset);
    vars.put(Variable.LOCAL_TIMESTAMP.camelName, now + offset);
    vars.put(Variable.TIME_ZONE.camelName, zone);
    vars.put(Variable.LOCALE.camelName, Locale.ROOT);
    vars.put(Variable.USER.camelName, "sa");
    vars.put(Variable.SYSTEM_USER.camelName, System.getProperty("user.name"));
    // Stopping goes through the scans' stop signal; the flag exists for Calcite code that looks for it.
    vars.put(Variable.CANCEL_FLAG.camelName, new AtomicBoolean());
    for (int i = 0; i < parameters.size(); i++) vars.put("?" + i, parameters.get(i));
    return vars;
  }

  /** The graph state every table of this execution reads. */
  ReadView view() {
    if (view == null) throw new IllegalStateException("planning reads no graph state");
    return view;
  }

  BooleanSupplier stopSignal() {
    return stop;
  }

  /** Notes a scan this execution opened, to close with the execution if nobody else does. */
  void opened(AutoCloseable scan) {
    boolean late;
    synchronized (opened) {
      late = closed;
      if (!late) opened.add(scan);
    }
    if (late) closeQuietly(scan, null);
  }

  /** Forgets a scan its reader closed. */
  void closed(AutoCloseable scan) {
    synchronized (opened) {
      opened.remove(scan);
    }
  }

  /** Closes every scan still open; a scan opened afterwards is closed at once. */
  void close(Throwable failure) {
    List<AutoCloseable> scans;
    synchronized (opened) {
      closed = true;
      scans = List.copyOf(opened);
      opened.clear();
    }
    for (AutoCloseable scan : scans) closeQuietly(scan, failure);
  }

  private static void closeQuietly(AutoCloseable scan, Throwable failure) {
    try {
      scan.close();
    } catch (Exception e) {
      if (failure != null) failure.addSuppressed(e);
    }
  }

  @Override
  public SchemaPlus getRootSchema() {
    return rootSchema;
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return typeFactory;
  }

  @Override
  public QueryProvider getQueryProvider() {
    return null;
  }

  @Override
  public Object get(String name) {
    return variables.get(name);
  }
}

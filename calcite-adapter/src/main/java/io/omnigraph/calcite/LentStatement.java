package io.omnigraph.calcite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Set;

/**
 * The view of a pooled statement its borrower gets: {@code close()} hands the statement back to
 * the {@link StatementPool} instead of discarding its plan, and the value setters convert each
 * value to the parameter's inferred type (see {@link ParameterBinder}), so {@code setString(1,
 * "28")} for an INTEGER parameter means 28 wherever the parameter ends up, in Calcite or in a
 * filter pushed to the engine.
 */
final class LentStatement implements InvocationHandler {
  private static final Set<String> VALUE_SETTERS = Set.of("setObject", "setString", "setInt", "setLong", "setShort",
      "setByte", "setDouble", "setFloat", "setBigDecimal", "setBoolean", "setDate", "setTimestamp");

  private final StatementPool pool;
  private final ViewBinding binding;
  private final String sql;
  private final PreparedStatement delegate;
  private boolean closed;

  private LentStatement(StatementPool pool, ViewBinding binding, String sql, PreparedStatement delegate) {
    this.pool = pool;
    this.binding = binding;
    this.sql = sql;
    this.delegate = delegate;
  }

  static PreparedStatement lend(StatementPool pool, ViewBinding binding, String sql, PreparedStatement delegate) {
    return (PreparedStatement) Proxy.newProxyInstance(LentStatement.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, new LentStatement(pool, binding, sql, delegate));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    int arity = args == null ? 0 : args.length;
    if (method.getDeclaringClass() == Object.class) {
      return switch (name) {
        case "equals" -> proxy == args[0];
        case "hashCode" -> System.identityHashCode(proxy);
        default -> "LentStatement[" + sql + "]";
      };
    }
    switch (name) {
      case "close":
        synchronized (this) {
          if (closed) return null;
          closed = true;
        }
        pool.giveBack(sql, delegate);
        return null;
      case "isClosed":
        return closed;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) return proxy;
        break;
      case "isWrapperFor":
        if (((Class<?>) args[0]).isInstance(proxy)) return true;
        break;
      default:
        break;
    }
    if (closed) throw SqlState.FUNCTION_SEQUENCE_ERROR.exception("statement is closed");
    if (VALUE_SETTERS.contains(name) && arity == 2 && args[0] instanceof Integer index) {
      ParameterBinder.bind(delegate, index, args[1], parameterType(index));
      return null;
    }
    if (name.equals("setObject") && arity == 3 && args[0] instanceof Integer index && args[2] instanceof Integer type) {
      ParameterBinder.bind(delegate, index, args[1], type);
      return null;
    }
    if (name.startsWith("execute")) return binding.closingOnFailure(() -> call(method, args));
    return call(method, args);
  }

  private Object call(Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException sql) throw sql;
      if (cause instanceof RuntimeException r) throw r;
      if (cause instanceof ExceptionInInitializerError || cause instanceof StackOverflowError) {
        throw StatementErrors.evaluation(cause);
      }
      if (cause instanceof Error err) throw err;
      throw SqlState.GENERAL_ERROR.exception(cause.getMessage(), cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private int parameterType(int index) {
    try {
      return delegate.getParameterMetaData().getParameterType(index);
    } catch (SQLException | RuntimeException e) {
      return Types.OTHER;
    }
  }
}

package io.omnigraph.jdbc;

import io.omnigraph.calcite.SqlState;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A {@link DatabaseMetaData} call sent to an OmniGraph server as the text of a statement. Avatica's
 * protocol carries only catalogs, schemas, tables, columns, table types and type info; every other
 * metadata answer (keys, indexes, functions, the {@code supportsX} flags) would come back empty or
 * as Avatica's guesses, and DBeaver's ER diagram would have no edges. The remote connection sends
 * every such call this way and the server answers it from the embedded driver's metadata, so a
 * remote {@code DatabaseMetaData} says exactly what an embedded one says.
 *
 * <p>Text form: {@code /*omnigraph-metadata*&#47;name(arg,arg,...)}; each argument percent-encoded,
 * {@code ~} for null, arrays as {@code [e;e]}.
 *
 * @param method a public method of {@link DatabaseMetaData} that {@link #forwardable} accepts
 * @param args its arguments, as {@link #encode} wrote them
 */
public record RemoteMetadataCall(Method method, Object[] args) {
  static final String MARKER = "/*omnigraph-metadata*/";
  private static final String NULL = "~";
  private static final Set<Class<?>> RESULTS = Set.of(ResultSet.class, boolean.class, int.class, long.class, String.class);
  private static final Set<Class<?>> PARAMETERS = Set.of(String.class, int.class, boolean.class, int[].class, String[].class);

  /** True for the metadata methods the server answers: results and parameters it can carry as text. */
  static boolean forwardable(Method m) {
    return m.getDeclaringClass() == DatabaseMetaData.class && RESULTS.contains(m.getReturnType())
        && Arrays.stream(m.getParameterTypes()).allMatch(PARAMETERS::contains);
  }

  /** The statement text asking the server for {@code method(args)}. */
  static String encode(Method method, Object[] args) {
    StringBuilder sql = new StringBuilder(MARKER).append(method.getName()).append('(');
    int n = args == null ? 0 : args.length;
    for (int i = 0; i < n; i++) {
      if (i > 0) sql.append(',');
      sql.append(encodeValue(args[i]));
    }
    return sql.append(')').toString();
  }

  /** The call a statement text asks for, or null when the text is not a metadata call. */
  public static RemoteMetadataCall parse(String sql) throws SQLException {
    if (sql == null || !sql.startsWith(MARKER) || !sql.endsWith(")")) return null;
    String body = sql.substring(MARKER.length(), sql.length() - 1);
    int open = body.indexOf('(');
    if (open < 0) throw malformed(sql);
    String name = body.substring(0, open);
    String argText = body.substring(open + 1);
    String[] parts = argText.isEmpty() ? new String[0] : argText.split(",", -1);
    for (Method m : DatabaseMetaData.class.getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == parts.length && forwardable(m)) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) args[i] = decodeValue(parts[i], types[i], sql);
        return new RemoteMetadataCall(m, args);
      }
    }
    throw SqlState.FEATURE_NOT_SUPPORTED.exception("no DatabaseMetaData method " + name + " with " + parts.length
        + " arguments is answered remotely");
  }

  /** Runs the call on {@code metaData}: a ResultSet, or a Boolean, Integer, Long or String. */
  public Object invoke(DatabaseMetaData metaData) throws SQLException {
    try {
      return method.invoke(metaData, args);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      if (cause instanceof SQLException sql) throw sql;
      throw SqlState.GENERAL_ERROR.exception(method.getName() + " failed: " + cause, cause);
    }
  }

  /** A scalar answer back in the method's return type. */
  static Object scalar(Method method, String text) {
    if (text == null) return method.getReturnType() == String.class ? null : defaultOf(method.getReturnType());
    Class<?> type = method.getReturnType();
    if (type == boolean.class) return Boolean.parseBoolean(text);
    if (type == int.class) return Integer.parseInt(text);
    if (type == long.class) return Long.parseLong(text);
    return text;
  }

  private static Object defaultOf(Class<?> type) {
    if (type == boolean.class) return false;
    if (type == int.class) return 0;
    return 0L;
  }

  private static String encodeValue(Object v) {
    if (v == null) return NULL;
    if (v instanceof int[] ints) {
      List<String> parts = new ArrayList<>();
      for (int i : ints) parts.add(Integer.toString(i));
      return "[" + String.join(";", parts) + "]";
    }
    if (v instanceof String[] strings) {
      List<String> parts = new ArrayList<>();
      for (String s : strings) parts.add(s == null ? NULL : percent(s));
      return "[" + String.join(";", parts) + "]";
    }
    return percent(v.toString());
  }

  private static Object decodeValue(String text, Class<?> type, String sql) throws SQLException {
    if (text.equals(NULL)) {
      if (type.isPrimitive()) throw malformed(sql);
      return null;
    }
    try {
      if (type == String.class) return URLDecoder.decode(text, StandardCharsets.UTF_8);
      if (type == int.class) return Integer.parseInt(text);
      if (type == boolean.class) return Boolean.parseBoolean(text);
      if (!text.startsWith("[") || !text.endsWith("]")) throw malformed(sql);
      String inner = text.substring(1, text.length() - 1);
      String[] parts = inner.isEmpty() ? new String[0] : inner.split(";", -1);
      if (type == int[].class) return Arrays.stream(parts).mapToInt(Integer::parseInt).toArray();
      String[] strings = new String[parts.length];
      for (int i = 0; i < parts.length; i++) {
        strings[i] = parts[i].equals(NULL) ? null : URLDecoder.decode(parts[i], StandardCharsets.UTF_8);
      }
      return strings;
    } catch (IllegalArgumentException e) {
      throw malformed(sql);
    }
  }

  private static String percent(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static SQLException malformed(String sql) {
    return SqlState.SYNTAX_ERROR.exception("malformed remote metadata call: " + sql);
  }
}

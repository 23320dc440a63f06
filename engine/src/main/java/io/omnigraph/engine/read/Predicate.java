package io.omnigraph.engine.read;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A row filter the engine can both push into a Lance scan ({@link #toLance()}) and evaluate in
 * memory ({@link #test(Map)}) over pending, not yet committed rows. Evaluation follows SQL's
 * three-valued logic: a comparison with NULL is unknown, and unknown rows do not match.
 */
public sealed interface Predicate {

  Predicate TRUE = new True();

  /** Seconds either side of the epoch a signed 64-bit nanosecond count reaches. */
  long NANO_RANGE_SECONDS = Long.MAX_VALUE / 1_000_000_000L;

  /** The filter in Lance's SQL-like filter syntax. */
  String toLance();

  /** TRUE, FALSE or null (unknown) for one row keyed by column name. */
  Boolean eval(Map<String, Object> row);

  default boolean test(Map<String, Object> row) {
    return Boolean.TRUE.equals(eval(row));
  }

  /**
   * True when Lance can be handed this filter as text. Lance's JNI layer reads filter strings as
   * strict UTF-8, which Java hands over in its modified form, so a string literal holding a
   * character outside the Basic Multilingual Plane (a surrogate pair) or NUL would be refused, and
   * it has no literal for NaN or an infinity; such filters are evaluated in memory instead.
   */
  static boolean pushable(Predicate p) {
    if (p instanceof Compare c) return pushableLiteral(c.value());
    if (p instanceof In in) return in.values().stream().allMatch(Predicate::pushableLiteral);
    if (p instanceof Like like) return pushableLiteral(like.pattern());
    if (p instanceof And and) return and.parts().stream().allMatch(Predicate::pushable);
    if (p instanceof Or or) return or.parts().stream().allMatch(Predicate::pushable);
    if (p instanceof Not not) return pushable(not.inner());
    return true;
  }

  private static boolean pushableLiteral(Object v) {
    // Lance's filter syntax has no NaN or infinity literal; IEEE comparisons are done in memory.
    if (v instanceof Double || v instanceof Float) return Double.isFinite(((Number) v).doubleValue());
    // Lance compares timestamp literals in nanoseconds since the epoch, a long: 1677-09-21..2262-04-11.
    if (v instanceof java.time.Instant i) return Math.abs(i.getEpochSecond()) < NANO_RANGE_SECONDS;
    // Lance reads -9223372036854775808 as minus a number too large for Int64, a float.
    if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
      return new BigDecimal(n.toString()).compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) != 0;
    }
    if (!(v instanceof String s)) return true;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == 0 || Character.isSurrogate(ch)) return false;
    }
    return true;
  }

  /** Most ids {@link #idsSought} hands over; a longer IN list is answered by a scan. */
  int MAX_IDS_SOUGHT = 4096;

  /**
   * The ids a filter confines its rows to, when it does so plainly: {@code id = 'x'},
   * {@code id IN ('x', ...)}, or a conjunction holding one of them. {@code idColumn}, when not null,
   * names a column that always equals {@code id} (a single string key) and counts as {@code id}.
   * Empty for any other filter.
   */
  static java.util.Optional<java.util.Set<String>> idsSought(Predicate p, String idColumn) {
    if (p instanceof Compare c && isId(c.column(), idColumn) && c.op() == Op.EQ && c.value() instanceof String s) {
      return java.util.Optional.of(java.util.Set.of(s));
    }
    if (p instanceof In in && isId(in.column(), idColumn) && in.values().size() <= MAX_IDS_SOUGHT
        && in.values().stream().allMatch(v -> v instanceof String)) {
      java.util.Set<String> ids = new java.util.LinkedHashSet<>();
      in.values().forEach(v -> ids.add((String) v));
      return java.util.Optional.of(ids);
    }
    if (p instanceof And and) {
      for (Predicate part : and.parts()) {
        java.util.Optional<java.util.Set<String>> ids = idsSought(part, idColumn);
        if (ids.isPresent()) return ids;
      }
    }
    return java.util.Optional.empty();
  }

  private static boolean isId(String column, String idColumn) {
    return column.equals("id") || column.equals(idColumn);
  }

  /** The columns this filter reads. */
  static java.util.Set<String> columnsOf(Predicate p) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    collectColumns(p, out);
    return out;
  }

  private static void collectColumns(Predicate p, java.util.Set<String> out) {
    if (p instanceof Compare c) out.add(c.column());
    else if (p instanceof In in) out.add(in.column());
    else if (p instanceof IsNull n) out.add(n.column());
    else if (p instanceof Like like) out.add(like.column());
    else if (p instanceof And and) and.parts().forEach(q -> collectColumns(q, out));
    else if (p instanceof Or or) or.parts().forEach(q -> collectColumns(q, out));
    else if (p instanceof Not not) collectColumns(not.inner(), out);
  }

  static Predicate eq(String column, Object value) {
    return new Compare(column, Op.EQ, value);
  }

  static Predicate idIn(java.util.Collection<String> ids) {
    return new In("id", List.copyOf(ids));
  }

  static Predicate and(Predicate a, Predicate b) {
    if (a instanceof True) return b;
    if (b instanceof True) return a;
    return new And(List.of(a, b));
  }

  enum Op {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");
    final String sql;

    Op(String sql) {
      this.sql = sql;
    }

    boolean holds(int cmp) {
      return switch (this) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case LE -> cmp <= 0;
        case GT -> cmp > 0;
        case GE -> cmp >= 0;
      };
    }
  }

  record True() implements Predicate {
    public String toLance() {
      return "true";
    }

    public Boolean eval(Map<String, Object> row) {
      return true;
    }
  }

  record Compare(String column, Op op, Object value) implements Predicate {
    public Compare {
      Objects.requireNonNull(column);
      Objects.requireNonNull(op);
      Objects.requireNonNull(value, "use IsNull for NULL comparisons");
    }

    public String toLance() {
      return Literals.column(column) + " " + op.sql + " " + Literals.render(value);
    }

    public Boolean eval(Map<String, Object> row) {
      Object v = row.get(column);
      if (v == null) return null;
      // IEEE 754, as Calcite evaluates it: NaN is unordered, so only <> holds.
      if (Literals.isNaN(v) || Literals.isNaN(value)) return op == Op.NE;
      return op.holds(Literals.compare(v, value));
    }
  }

  record In(String column, List<Object> values) implements Predicate {
    public String toLance() {
      if (values.isEmpty()) return "false";
      StringBuilder sb = new StringBuilder(Literals.column(column)).append(" IN (");
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(Literals.render(values.get(i)));
      }
      return sb.append(')').toString();
    }

    public Boolean eval(Map<String, Object> row) {
      Object v = row.get(column);
      if (v == null) return null;
      if (Literals.isNaN(v)) return false;
      for (Object candidate : values) {
        if (!Literals.isNaN(candidate) && Literals.compare(v, candidate) == 0) return true;
      }
      return false;
    }
  }

  record IsNull(String column, boolean negated) implements Predicate {
    public String toLance() {
      return Literals.column(column) + (negated ? " IS NOT NULL" : " IS NULL");
    }

    public Boolean eval(Map<String, Object> row) {
      return (row.get(column) == null) != negated;
    }
  }

  /** SQL LIKE with {@code %} and {@code _} wildcards. */
  record Like(String column, String pattern, boolean negated) implements Predicate {
    public String toLance() {
      return Literals.column(column) + (negated ? " NOT LIKE " : " LIKE ") + Literals.render(pattern);
    }

    public Boolean eval(Map<String, Object> row) {
      Object v = row.get(column);
      if (v == null) return null;
      return Literals.likeToRegex(pattern).matcher(v.toString()).matches() != negated;
    }
  }

  record And(List<Predicate> parts) implements Predicate {
    public String toLance() {
      return Literals.join(parts, " AND ");
    }

    public Boolean eval(Map<String, Object> row) {
      boolean unknown = false;
      for (Predicate p : parts) {
        Boolean b = p.eval(row);
        if (b == null) unknown = true;
        else if (!b) return false;
      }
      return unknown ? null : true;
    }
  }

  record Or(List<Predicate> parts) implements Predicate {
    public String toLance() {
      return Literals.join(parts, " OR ");
    }

    public Boolean eval(Map<String, Object> row) {
      boolean unknown = false;
      for (Predicate p : parts) {
        Boolean b = p.eval(row);
        if (b == null) unknown = true;
        else if (b) return true;
      }
      return unknown ? null : false;
    }
  }

  record Not(Predicate inner) implements Predicate {
    public String toLance() {
      return "NOT (" + inner.toLance() + ")";
    }

    public Boolean eval(Map<String, Object> row) {
      Boolean b = inner.eval(row);
      return b == null ? null : !b;
    }
  }

  /** Literal rendering and comparison shared by the predicate kinds. */
  final class Literals {
    private Literals() {}

    static String column(String name) {
      return "`" + name.replace("`", "``") + "`";
    }

    static String join(List<Predicate> parts, String sep) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        if (i > 0) sb.append(sep);
        sb.append('(').append(parts.get(i).toLance()).append(')');
      }
      return sb.toString();
    }

    static String render(Object v) {
      if (v instanceof String s) return "'" + s.replace("'", "''") + "'";
      if (v instanceof Boolean b) return b.toString();
      if (v instanceof LocalDate d) return "date '" + d + "'";
      if (v instanceof Instant i) return "timestamp '" + i.toString().replace('T', ' ').replace("Z", "") + "'";
      if (v instanceof Float || v instanceof Double) {
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("non-finite literal " + d);
        return BigDecimal.valueOf(d).toPlainString();
      }
      if (v instanceof BigDecimal bd) return bd.toPlainString();
      if (v instanceof Number n) return n.toString();
      throw new IllegalArgumentException("cannot push a literal of type " + v.getClass().getSimpleName());
    }

    static boolean isNaN(Object v) {
      return (v instanceof Double || v instanceof Float) && Double.isNaN(((Number) v).doubleValue());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
      if (a instanceof Number x && b instanceof Number y) {
        if (!isFinite(x) || !isFinite(y)) return Double.compare(x.doubleValue(), y.doubleValue());
        return toBig(x).compareTo(toBig(y));
      }
      if (a instanceof Comparable ca && a.getClass() == b.getClass()) return ca.compareTo(b);
      return a.toString().compareTo(b.toString());
    }

    private static boolean isFinite(Number n) {
      return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
    }

    private static BigDecimal toBig(Number n) {
      if (n instanceof BigDecimal bd) return bd;
      if (n instanceof BigInteger bi) return new BigDecimal(bi);
      if (n instanceof Float || n instanceof Double) return BigDecimal.valueOf(n.doubleValue());
      return BigDecimal.valueOf(n.longValue());
    }

    static Pattern likeToRegex(String like) {
      StringBuilder sb = new StringBuilder();
      for (char c : like.toCharArray()) {
        if (c == '%') sb.append(".*");
        else if (c == '_') sb.append('.');
        else sb.append(Pattern.quote(String.valueOf(c)));
      }
      return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
  }
}
